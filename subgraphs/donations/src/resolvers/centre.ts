import { suggestedCategories } from '../rules/suggestions.js'
import { extendedEntity, type PageArgs } from '@nanum/subgraph-kit'
import { parseCreatedPage, parseInventoryFilter, parseItemPage } from '../arguments.js'
import type { InventoryFilter } from '../db/queries.js'
import { needVisibility } from '../rules/access.js'
import type { Context } from '../context.js'


/** A centre of the centres subgraph: this subgraph knows only its id and the items held there. */
export const Centre = {
  __resolveReference: extendedEntity,

  inventory: (centre: { id: string }, args: PageArgs & { filter?: InventoryFilter | null }, ctx: Context) =>
    ctx.loaders.inventoryOfCentre(parseInventoryFilter(args.filter))(parseItemPage(args)).load(centre.id),

  inventorySummary: (centre: { id: string }, _: unknown, ctx: Context) => ctx.loaders.inventorySummary.load(centre.id),
}

/** An organisation of the centres subgraph, here as the donor of items. */
export const Organisation = {
  __resolveReference: extendedEntity,

  donations: (organisation: { id: string }, args: PageArgs, ctx: Context) => ctx.loaders.donationsOfOrganisation(parseItemPage(args)).load(organisation.id),
}

/**
 * A household of the households subgraph. Its needs and received goods are personal data: they
 * are shown only to staff of the organisation that recorded them (the intermediary the household
 * consented to), and to SYSTEM_ADMINs; anyone else gets null, not an empty list.
 */
export const Household = {
  __resolveReference: extendedEntity,

  needs: (household: { id: string }, args: PageArgs, ctx: Context) => {
    const page = parseCreatedPage(args)
    return needVisibility(ctx.caller) ? ctx.loaders.needsOfHousehold(page).load(household.id) : null
  },

  receivedItems: (household: { id: string }, args: PageArgs, ctx: Context) => {
    const page = parseCreatedPage(args)
    return needVisibility(ctx.caller) ? ctx.loaders.receivedOfHousehold(page).load(household.id) : null
  },

  // `members` arrives from the households subgraph (@requires), already filtered by its access
  // rules: a household the caller may not see comes without members, and gets no suggestions.
  suggestedNeeds: (household: { members?: readonly { age: number }[] | null }) =>
    household.members ? suggestedCategories(household.members.filter((member) => member.age < 18).map((member) => member.age * 12 + 6)) : null,
}
