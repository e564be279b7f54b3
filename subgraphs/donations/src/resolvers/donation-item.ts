import { isId, isStaffOf, type PageArgs } from '@nanum/subgraph-kit'
import type { DonationItemRow } from '../db/tables.js'
import { parseEventPage } from '../arguments.js'
import { canReadDonorContact } from '../rules/access.js'
import type { Context } from '../context.js'

const organisation = (id: string | null) => (id ? { id } : null)

export const DonationItem = {
  __resolveReference: (reference: { id: string }, ctx: Context) =>
    isId(reference.id) ? ctx.loaders.donationItem.load(reference.id.toLowerCase()) : null,

  heldAt: (item: DonationItemRow) => ({ id: item.heldAtCentreId }),
  donor: (item: DonationItemRow) => organisation(item.donorOrganisationId),
  intermediary: (item: DonationItemRow) => organisation(item.intermediaryOrganisationId),
  cleanedBy: (item: DonationItemRow) => organisation(item.cleanedByOrganisationId),

  individualDonor: (item: DonationItemRow, _: unknown, ctx: Context) =>
    item.donorDisplayName
      ? { displayName: item.donorDisplayName, contact: canReadDonorContact(ctx.caller, item.intermediaryOrganisationId) ? item.donorContact : null }
      : null,

  events: (item: DonationItemRow, args: PageArgs, ctx: Context) => {
    const page = parseEventPage(args)
    // Staff of the intermediary organisation (any role) and SYSTEM_ADMINs; isStaffOf('') admits only the latter.
    if (!isStaffOf(ctx.caller, item.intermediaryOrganisationId ?? '')) return null
    return ctx.loaders.eventsOfItem(page).load(item.id)
  },
}
