import { badUserInput, parseId, parsePage, toConnection, type Page, type PageArgs } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import { householdListScope, requireSignedIn } from '../rules/access.js'
import type { Context } from '../context.js'

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Like `parsePage`, and the cursor's timestamp must be one this list wrote (it is cast in SQL). */
function parseHouseholdPage(args: PageArgs): Page {
  const page = parsePage(args, { arity: 2 })
  const createdAt = page.after?.[0]
  if (page.after && (typeof createdAt !== 'string' || !ISO_INSTANT.test(createdAt) || Number.isNaN(Date.parse(createdAt))))
    throw badUserInput('after', 'is not a cursor returned by this list')
  return page
}

export const Query = {
  household: (_: unknown, args: { id: string }, ctx: Context) => {
    requireSignedIn(ctx.caller)
    return ctx.loaders.household.load(parseId(args.id))
  },

  households: async (_: unknown, args: PageArgs & { filter?: queries.HouseholdFilter | null }, ctx: Context) => {
    const scope = householdListScope(ctx.caller)
    const page = parseHouseholdPage(args)
    const filter = { ...args.filter }
    if (filter.handlingCentreId) filter.handlingCentreId = parseId(filter.handlingCentreId, 'filter.handlingCentreId')
    const rows = await queries.listHouseholds(ctx.database.db, scope, filter, page)
    return toConnection(rows, page, queries.householdCursor, () => queries.countHouseholds(ctx.database.db, scope, filter))
  },
}
