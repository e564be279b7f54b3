import { isId } from '@nanum/subgraph-kit'
import type { ProgramRow } from '../db/tables.js'
import type { Context } from '../context.js'

const hhmm = (time: string) => time.slice(0, 5)

export const Program = {
  __resolveReference: (reference: { id: string }, ctx: Context) =>
    isId(reference.id) ? ctx.loaders.program.load(reference.id.toLowerCase()) : null,

  provider: (program: ProgramRow) => ({ id: program.providerOrganisationId }),
  coProviders: (program: ProgramRow) => program.coProviderOrganisationIds.map((id) => ({ id })),

  centres: async (program: ProgramRow, _: unknown, ctx: Context) =>
    (await ctx.loaders.centresOfProgram.load(program.id)).map((row) => ({ id: row.centreId })),

  serviceArea: (program: ProgramRow) => program.serviceAreas,

  eligibility: (program: ProgramRow) => ({
    minAge: program.minAge,
    maxAge: program.maxAge,
    maxIncomeBand: program.maxIncomeBand,
    residencyRequired: program.residencyRequired,
    requiredHouseholdFlags: program.requiredHouseholdFlags,
    requiredDocuments: program.requiredDocuments,
    description: program.eligibilityDescription,
  }),

  freeSeats: (program: ProgramRow) => (program.capacity == null ? null : program.capacity - program.seatsTaken),

  schedule: async (program: ProgramRow, _: unknown, ctx: Context) => ({
    sessions: (await ctx.loaders.sessionsOfProgram.load(program.id)).map((session) => ({
      day: session.day,
      opens: hhmm(session.opens),
      closes: hhmm(session.closes),
    })),
    description: program.scheduleDescription,
  }),
}
