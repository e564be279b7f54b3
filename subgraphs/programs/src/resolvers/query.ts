import { parseId, parsePage, toConnection, type PageArgs } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import type { Context } from '../context.js'

function parseProgramFilter(filter: queries.ProgramFilter | null | undefined): queries.ProgramFilter {
  const parsed = { ...filter }
  if (parsed.providerId != null) parsed.providerId = parseId(parsed.providerId, 'filter.providerId')
  if (parsed.centreId != null) parsed.centreId = parseId(parsed.centreId, 'filter.centreId')
  return parsed
}

export const Query = {
  program: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.program.load(parseId(args.id)),

  programs: async (_: unknown, args: PageArgs & { filter?: queries.ProgramFilter | null }, ctx: Context) => {
    const page = parsePage(args, ['text', 'id'])
    const filter = parseProgramFilter(args.filter)
    const rows = await queries.listPrograms(ctx.database.db, filter, page)
    return toConnection(rows, page, queries.programCursor, () => queries.countPrograms(ctx.database.db, filter))
  },
}
