import { Query } from './query.js'
import { Mutation } from './mutation.js'
import { Discovery, Household, HouseholdMember } from './household.js'
import { AccessAudit, Consent, ConsultationNote, Reassignment, StatusChange, Visit } from './records.js'
import { Centre } from './centre.js'
import type { ReferralAccessRow } from '../db/tables.js'

const ReferralAccess = {
  organisation: (row: ReferralAccessRow) => ({ __typename: 'Organisation', id: row.organisationId }),
  grantedByOrganisation: (row: ReferralAccessRow) => ({ __typename: 'Organisation', id: row.grantedByOrganisationId }),
}

export const resolvers = {
  Query,
  Mutation,
  Household,
  HouseholdMember,
  Discovery,
  StatusChange,
  Reassignment,
  Visit,
  Consent,
  ConsultationNote,
  AccessAudit,
  Centre,
  ReferralAccess,
}
