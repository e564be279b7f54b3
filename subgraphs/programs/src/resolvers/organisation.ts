import { isId, parsePage, type PageArgs } from '@nanum/subgraph-kit'
import { parseProgramFilter, type ProgramFilterArgs } from '../rules/program-filter.js'
import type { Context } from '../context.js'

/** Organisations are owned by the centres subgraph; this one only adds the programs they provide. */
export const Organisation = {
  __resolveReference: (reference: { id: string }) => (isId(reference.id) ? { id: reference.id.toLowerCase() } : null),

  programs: (organisation: { id: string }, args: PageArgs & { filter?: ProgramFilterArgs | null }, ctx: Context) =>
    ctx.loaders
      .programsOfOrganisation(parseProgramFilter(args.filter, 'filter', ctx.loaders.now))(parsePage(args, ['text', 'id']))
      .load(organisation.id),
}
