import type { GraphQLResolveInfo } from 'graphql'
import type { AccessAuditRow, ConsentRow, ConsultationNoteRow, ReassignmentRow, StatusChangeRow, VisitRow } from '../db/tables.js'
import type { Context } from '../context.js'
import { visibleOrNull } from './guard.js'

const organisation = (id: string | null) => (id ? { __typename: 'Organisation', id } : null)
const centre = (id: string) => ({ __typename: 'Centre', id })

export const StatusChange = {
  changedByOrganisation: (row: StatusChangeRow) => organisation(row.changedByOrganisationId),
}

export const Reassignment = {
  fromCentre: (row: ReassignmentRow) => centre(row.fromCentreId),
  toCentre: (row: ReassignmentRow) => centre(row.toCentreId),
  fromOrganisation: (row: ReassignmentRow) => organisation(row.fromOrganisationId),
  toOrganisation: (row: ReassignmentRow) => organisation(row.toOrganisationId),
}

export const Visit = {
  // The visit does not widen access: the household comes through the same rule as everywhere.
  household: async (visit: VisitRow, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    visibleOrNull(ctx, await ctx.loaders.household.load(visit.householdId), info),
  assigneeOrganisation: (visit: VisitRow) => organisation(visit.assigneeOrganisationId),
  isCompleted: (visit: VisitRow) => visit.completedAt !== null,
}

export const Consent = {
  organisation: (consent: ConsentRow) => organisation(consent.organisationId),
  isActive: (consent: ConsentRow) => consent.revokedAt === null && consent.expiresAt.getTime() > Date.now(),
}

export const ConsultationNote = {
  organisation: (note: ConsultationNoteRow) => organisation(note.organisationId),
}

export const AccessAudit = {
  organisation: (row: AccessAuditRow) => organisation(row.organisationId),
}
