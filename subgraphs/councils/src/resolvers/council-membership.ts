import type { CouncilMembershipRow } from '../db/tables.js'
import type { Context } from '../context.js'

export const CouncilMembership = {
  council: (membership: CouncilMembershipRow, _: unknown, ctx: Context) => ctx.loaders.council.load(membership.councilId),

  organisation: (membership: CouncilMembershipRow) => ({ __typename: 'Organisation', id: membership.organisationId }),
}
