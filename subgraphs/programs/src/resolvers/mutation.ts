import { randomUUID } from 'node:crypto'
import { isId, parseInput, userError, type UserError } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import type { ProgramRow } from '../db/tables.js'
import { manageProblem, requireSignedIn } from '../rules/access.js'
import {
  closeProgramInput,
  createProgramInput,
  newProgramRow,
  programChanges,
  reopenProgramInput,
  setProgramCapacityInput,
  updateProgramInput,
  updateProblems,
} from '../rules/program-input.js'
import type { Context } from '../context.js'

type Payload = { program: ProgramRow | null; userErrors: UserError[] }

const refused = (...userErrors: UserError[]): Payload => ({ program: null, userErrors })
const done = (program: ProgramRow): Payload => ({ program, userErrors: [] })

/**
 * The program an input names, when the caller may manage it. Permission is checked before the
 * rest of the input, so a caller who may not touch the program learns nothing else about it.
 */
async function managedProgram(ctx: Context, rawId: unknown): Promise<{ program: ProgramRow } | { errors: UserError[] } | null> {
  if (!isId(rawId)) return null
  const program = await ctx.loaders.program.load(rawId.toLowerCase())
  if (!program) return { errors: [userError('NOT_FOUND', ['input', 'id'], 'No program has this id')] }
  const problem = manageProblem(ctx.caller, program.providerOrganisationId)
  return problem ? { errors: [problem] } : { program }
}

/** Forget what the loaders hold about a program this request changed. */
function forget(ctx: Context, id: string) {
  ctx.loaders.program.clear(id)
  ctx.loaders.centresOfProgram.clear(id)
  ctx.loaders.sessionsOfProgram.clear(id)
}

type Input = { input: Record<string, unknown> }

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && ((error as { code?: string }).code === '23505' || isUniqueViolation((error as { cause?: unknown }).cause))

export const Mutation = {
  createProgram: async (_: unknown, { input }: Input, ctx: Context): Promise<Payload> => {
    requireSignedIn(ctx.caller)
    if (isId(input.providerId)) {
      const problem = manageProblem(ctx.caller, input.providerId.toLowerCase())
      if (problem) return refused(problem)
    }
    const parsed = parseInput(createProgramInput, input)
    if (!parsed.ok) return refused(...parsed.userErrors)
    const id = parsed.value.id ?? randomUUID()
    const taken = () => refused(userError('CONFLICT', ['input', 'id'], 'A program with this id exists already'))
    if (parsed.value.id && (await ctx.loaders.program.load(id))) return taken()
    const { links } = programChanges(parsed.value)
    try {
      return done(await queries.createProgram(ctx.database.db, newProgramRow(parsed.value, id), links))
    } catch (error) {
      // Someone created the same id between the check and the insert.
      if (isUniqueViolation(error)) return taken()
      throw error
    }
  },

  updateProgram: async (_: unknown, { input }: Input, ctx: Context): Promise<Payload> => {
    requireSignedIn(ctx.caller)
    const target = await managedProgram(ctx, input.id)
    if (target && 'errors' in target) return refused(...target.errors)
    const parsed = parseInput(updateProgramInput, input)
    if (!parsed.ok) return refused(...parsed.userErrors)
    const stored = target!.program
    const problems = updateProblems(stored, parsed.value)
    if (problems.length) return refused(...problems)
    const { changes, links } = programChanges(parsed.value)
    const updated = await queries.updateProgram(ctx.database.db, stored.id, changes, links)
    forget(ctx, stored.id)
    return updated ? done(updated) : refused(userError('NOT_FOUND', ['input', 'id'], 'No program has this id'))
  },

  closeProgram: async (_: unknown, { input }: Input, ctx: Context): Promise<Payload> => {
    requireSignedIn(ctx.caller)
    const target = await managedProgram(ctx, input.id)
    if (target && 'errors' in target) return refused(...target.errors)
    const parsed = parseInput(closeProgramInput, input)
    if (!parsed.ok) return refused(...parsed.userErrors)
    const updated = await queries.updateProgram(
      ctx.database.db,
      parsed.value.id,
      { status: parsed.value.status, statusReason: parsed.value.reason },
      {},
    )
    forget(ctx, parsed.value.id)
    return updated ? done(updated) : refused(userError('NOT_FOUND', ['input', 'id'], 'No program has this id'))
  },

  reopenProgram: async (_: unknown, { input }: Input, ctx: Context): Promise<Payload> => {
    requireSignedIn(ctx.caller)
    const target = await managedProgram(ctx, input.id)
    if (target && 'errors' in target) return refused(...target.errors)
    const parsed = parseInput(reopenProgramInput, input)
    if (!parsed.ok) return refused(...parsed.userErrors)
    const updated = await queries.updateProgram(ctx.database.db, parsed.value.id, { status: 'ACTIVE', statusReason: null }, {})
    forget(ctx, parsed.value.id)
    return updated ? done(updated) : refused(userError('NOT_FOUND', ['input', 'id'], 'No program has this id'))
  },

  setProgramCapacity: async (_: unknown, { input }: Input, ctx: Context): Promise<Payload> => {
    requireSignedIn(ctx.caller)
    const target = await managedProgram(ctx, input.id)
    if (target && 'errors' in target) return refused(...target.errors)
    const parsed = parseInput(setProgramCapacityInput, input)
    if (!parsed.ok) return refused(...parsed.userErrors)
    const { id, capacity, seatsTaken } = parsed.value
    const updated = await queries.setProgramCapacity(ctx.database.db, id, capacity ?? null, seatsTaken ?? undefined)
    forget(ctx, id)
    if (updated) return done(updated)
    // The conditional update found no row: the program went away, or more seats are taken than the new capacity.
    const current = await ctx.loaders.program.load(id)
    if (!current) return refused(userError('NOT_FOUND', ['input', 'id'], 'No program has this id'))
    return refused(
      userError('CONFLICT', ['input', 'capacity'], `${current.seatsTaken} places are taken; capacity cannot be set below that (got ${capacity})`),
    )
  },
}
