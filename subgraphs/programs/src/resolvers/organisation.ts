import { extendedEntity, parsePage, type PageArgs } from '@nanum/subgraph-kit'
import { parseProgramFilter, type ProgramFilterArgs } from '../rules/program-filter.js'
import type { Context } from '../context.js'

/** Organisations are owned by the centres subgraph; this one only adds the programs they provide. */
export const Organisation = {
  __resolveReference: extendedEntity,

  programs: (organisation: { id: string }, args: PageArgs & { filter?: ProgramFilterArgs | null }, ctx: Context) =>
    ctx.loaders
      .programsOfOrganisation(parseProgramFilter(args.filter, 'filter', ctx.loaders.now))(parsePage(args, ['text', 'id']))
      .load(organisation.id),
}
