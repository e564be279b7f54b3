import { parseId, toConnection, type PageArgs } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import { parseItemFilter, parseItemPage } from '../arguments.js'
import { itemVisibility } from '../rules/visibility.js'
import type { Context } from '../context.js'

export const Query = {
  donationItem: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.donationItem.load(parseId(args.id)),

  donationItems: async (_: unknown, args: PageArgs & { filter?: queries.DonationItemFilter | null }, ctx: Context) => {
    const page = parseItemPage(args)
    const filter = parseItemFilter(args.filter)
    const visibility = itemVisibility(ctx.caller)
    const rows = await queries.listDonationItems(ctx.database.db, filter, visibility, page)
    return toConnection(rows, page, queries.donationItemCursor, () =>
      queries.countDonationItems(ctx.database.db, filter, visibility),
    )
  },
}
