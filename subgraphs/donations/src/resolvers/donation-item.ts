import { isId } from '@nanum/subgraph-kit'
import type { DonationItemRow } from '../db/tables.js'
import type { Context } from '../context.js'

export const DonationItem = {
  __resolveReference: (reference: { id: string }, ctx: Context) =>
    isId(reference.id) ? ctx.loaders.donationItem.load(reference.id.toLowerCase()) : null,

  heldAt: (item: DonationItemRow) => ({ id: item.heldAtCentreId }),

  donor: (item: DonationItemRow) => (item.donorOrganisationId ? { id: item.donorOrganisationId } : null),
}
