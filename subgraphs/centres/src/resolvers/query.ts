import { parseId, toConnection, type PageArgs } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import type { Context } from '../context.js'
import { parseCentreFilter, parseOrganisationFilter, type CentreFilterArgs } from './filters.js'
import { listCursor, parseListPage } from './list-page.js'

export const Query = {
  organisation: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.organisation.load(parseId(args.id)),

  organisations: async (_: unknown, args: PageArgs & { filter?: queries.OrganisationFilter | null }, ctx: Context) => {
    const filter = parseOrganisationFilter(args.filter)
    const order = filter.search ? 'relevance' : 'name'
    const page = parseListPage(args, order)
    const rows = await queries.listOrganisations(ctx.database.db, filter, page)
    return toConnection(rows, page, listCursor(order), () => queries.countOrganisations(ctx.database.db, filter))
  },

  centre: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.centre.load(parseId(args.id)),

  centres: async (_: unknown, args: PageArgs & { filter?: CentreFilterArgs | null }, ctx: Context) => {
    const filter = parseCentreFilter(args.filter)
    const order = queries.centreListOrder(filter)
    const page = parseListPage(args, order)
    const rows = await queries.listCentres(ctx.database.db, filter, page)
    return toConnection(rows, page, listCursor(order), () => queries.countCentres(ctx.database.db, filter))
  },
}
