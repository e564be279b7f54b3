import { badUserInput, parseId, parsePage, toConnection, type PageArgs } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import { parseProgramFilter, searchText, type ProgramFilterArgs } from '../rules/program-filter.js'
import type { Context } from '../context.js'

type ProgramsArgs = PageArgs & { filter?: ProgramFilterArgs | null; orderBy?: 'NAME' | 'RELEVANCE' | null }

export const Query = {
  program: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.program.load(parseId(args.id)),

  programs: async (_: unknown, args: ProgramsArgs, ctx: Context) => {
    const filter = parseProgramFilter(args.filter, 'filter', ctx.loaders.now)
    const search = searchText(args.filter)
    const orderBy = args.orderBy ?? (search ? 'RELEVANCE' : 'NAME')
    const count = () => queries.countPrograms(ctx.database.db, filter)
    if (orderBy === 'RELEVANCE') {
      if (!search) throw badUserInput('orderBy', 'RELEVANCE needs filter.search')
      const page = parsePage(args, ['integer', 'text', 'id'])
      return toConnection(await queries.searchPrograms(ctx.database.db, filter, search, page), page, queries.scoredProgramCursor, count)
    }
    const page = parsePage(args, ['text', 'id'])
    return toConnection(await queries.listPrograms(ctx.database.db, filter, page), page, queries.programCursor, count)
  },
}
