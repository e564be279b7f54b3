import { parseId, parsePage, toConnection, type PageArgs } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import type { Context } from '../context.js'

export const Query = {
  organisation: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.organisation.load(parseId(args.id)),

  organisations: async (_: unknown, args: PageArgs & { filter?: queries.OrganisationFilter | null }, ctx: Context) => {
    const page = parsePage(args, ['text', 'id'])
    const filter = args.filter ?? {}
    const rows = await queries.listOrganisations(ctx.database.db, filter, page)
    return toConnection(rows, page, queries.organisationCursor, () => queries.countOrganisations(ctx.database.db, filter))
  },

  centre: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.centre.load(parseId(args.id)),

  centres: async (_: unknown, args: PageArgs & { filter?: queries.CentreFilter | null }, ctx: Context) => {
    const page = parsePage(args, ['text', 'id'])
    const filter = { ...args.filter }
    if (filter.organisationId) filter.organisationId = parseId(filter.organisationId, 'filter.organisationId')
    const rows = await queries.listCentres(ctx.database.db, filter, page)
    return toConnection(rows, page, queries.centreCursor, () => queries.countCentres(ctx.database.db, filter))
  },
}
