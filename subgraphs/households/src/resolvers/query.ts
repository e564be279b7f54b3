import { parseId, parsePage, toConnection, type PageArgs } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import { householdListScope, requireSignedIn } from '../rules/access.js'
import type { Context } from '../context.js'

export const Query = {
  household: (_: unknown, args: { id: string }, ctx: Context) => {
    requireSignedIn(ctx.caller)
    return ctx.loaders.household.load(parseId(args.id))
  },

  households: async (_: unknown, args: PageArgs & { filter?: queries.HouseholdFilter | null }, ctx: Context) => {
    const scope = householdListScope(ctx.caller)
    const page = parsePage(args, ['timestamp', 'id'])
    const filter = { ...args.filter }
    if (filter.handlingCentreId) filter.handlingCentreId = parseId(filter.handlingCentreId, 'filter.handlingCentreId')
    const rows = await queries.listHouseholds(ctx.database.db, scope, filter, page)
    return toConnection(rows, page, queries.householdCursor, () => queries.countHouseholds(ctx.database.db, scope, filter))
  },
}
