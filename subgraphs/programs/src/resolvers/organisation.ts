import { isId, parsePage, type PageArgs } from '@nanum/subgraph-kit'
import type { Context } from '../context.js'

/** Organisations are owned by the centres subgraph; this one only adds the programs they provide. */
export const Organisation = {
  __resolveReference: (reference: { id: string }) => (isId(reference.id) ? { id: reference.id.toLowerCase() } : null),

  programs: (organisation: { id: string }, args: PageArgs, ctx: Context) =>
    ctx.loaders.programsOfProvider(parsePage(args, ['text', 'id'])).load(organisation.id),
}
