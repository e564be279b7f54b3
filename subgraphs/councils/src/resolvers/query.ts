import { parseId, parsePage, toConnection, type PageArgs } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import type { Context } from '../context.js'

export const Query = {
  council: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.council.load(parseId(args.id)),

  councils: async (_: unknown, args: PageArgs & { filter?: queries.CouncilFilter | null }, ctx: Context) => {
    const page = parsePage(args, ['text', 'id'])
    const filter = { ...args.filter }
    if (filter.memberOrganisationId) filter.memberOrganisationId = parseId(filter.memberOrganisationId, 'filter.memberOrganisationId')
    const rows = await queries.listCouncils(ctx.database.db, filter, page)
    return toConnection(rows, page, queries.councilCursor, () => queries.countCouncils(ctx.database.db, filter))
  },
}
