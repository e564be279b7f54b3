import { isId, type PageArgs } from '@nanum/subgraph-kit'
import { parseInventoryFilter, parseItemPage } from '../arguments.js'
import type { InventoryFilter } from '../db/queries.js'
import type { Context } from '../context.js'

/** A centre of the centres subgraph: this subgraph knows only its id and the items held there. */
export const Centre = {
  __resolveReference: (reference: { id: string }) => (isId(reference.id) ? { id: reference.id.toLowerCase() } : null),

  inventory: (centre: { id: string }, args: PageArgs & { filter?: InventoryFilter | null }, ctx: Context) =>
    ctx.loaders.inventoryOfCentre(parseInventoryFilter(args.filter))(parseItemPage(args)).load(centre.id),
}
