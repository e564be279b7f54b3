import { isId } from '@nanum/subgraph-kit'
import type { ProgramRow } from '../db/tables.js'
import type { Context } from '../context.js'

export const Program = {
  __resolveReference: (reference: { id: string }, ctx: Context) =>
    isId(reference.id) ? ctx.loaders.program.load(reference.id.toLowerCase()) : null,

  provider: (program: ProgramRow) => ({ id: program.providerOrganisationId }),

  centres: async (program: ProgramRow, _: unknown, ctx: Context) =>
    (await ctx.loaders.centresOfProgram.load(program.id)).map((row) => ({ id: row.centreId })),
}
