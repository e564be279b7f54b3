import { isId, parsePage, type PageArgs } from '@nanum/subgraph-kit'
import type { CouncilRow } from '../db/tables.js'
import type { Context } from '../context.js'

export const Council = {
  __resolveReference: (reference: { id: string }, ctx: Context) =>
    isId(reference.id) ? ctx.loaders.council.load(reference.id.toLowerCase()) : null,

  members: (council: CouncilRow, args: PageArgs, ctx: Context) =>
    ctx.loaders.membersOfCouncil(parsePage(args, ['date', 'id'])).load(council.id),
}
