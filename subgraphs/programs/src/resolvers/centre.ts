import { isId, parsePage, type PageArgs } from '@nanum/subgraph-kit'
import type { Context } from '../context.js'

/** Centres are owned by the centres subgraph; this one only adds the programs delivered there. */
export const Centre = {
  __resolveReference: (reference: { id: string }) => (isId(reference.id) ? { id: reference.id.toLowerCase() } : null),

  programs: (centre: { id: string }, args: PageArgs, ctx: Context) =>
    ctx.loaders.programsAtCentre(parsePage(args, ['text', 'id'])).load(centre.id),
}
