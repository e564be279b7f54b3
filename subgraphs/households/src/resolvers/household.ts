import { isId } from '@nanum/subgraph-kit'
import type { HouseholdRow } from '../db/tables.js'
import type { Context } from '../context.js'

export const Household = {
  // The loader applies the access rule: a reference the caller may not see resolves to null.
  __resolveReference: (reference: { id: unknown }, ctx: Context) =>
    isId(reference.id) ? ctx.loaders.household.load(reference.id.toLowerCase()) : null,

  members: (household: HouseholdRow, _: unknown, ctx: Context) => ctx.loaders.membersOfHousehold.load(household.id),

  handlingCentre: (household: HouseholdRow) => ({ __typename: 'Centre', id: household.handlingCentreId }),

  handlingOrganisation: (household: HouseholdRow) => ({ __typename: 'Organisation', id: household.handlingOrganisationId }),
}
