import { database, newId, sqlStatements } from '../../../tests/helpers.js'
import { insertProgramCentres, insertPrograms, insertProgramSessions } from '../src/db/queries.js'
import type { NewProgramRow, ProgramSessionRow } from '../src/db/tables.js'

export type NewProgram = Partial<NewProgramRow> &
  Pick<NewProgramRow, 'name' | 'providerOrganisationId'> & {
    centreIds?: string[]
    sessions?: Omit<ProgramSessionRow, 'programId'>[]
  }

export const programsDb = () => database('programs').db

/**
 * Names sort alike under every collation (C on PGlite, a locale on a server): one case, letters
 * and digits only, and a prefix unique to the test.
 */
export const uniquePrefix = () => `P${newId().slice(0, 8).toUpperCase()}`

/** Inserts programs (with fresh ids unless given), where each is delivered and its weekly sessions. */
export async function seedPrograms(programs: NewProgram[]) {
  const rows = programs.map(({ centreIds: _, sessions: __, ...program }) => ({
    id: newId(),
    description: `About ${program.name}`,
    category: 'OTHER' as const,
    ...program,
  }))
  await insertPrograms(programsDb(), rows)
  await insertProgramCentres(
    programsDb(),
    programs.flatMap((program, i) => (program.centreIds ?? []).map((centreId) => ({ programId: rows[i].id, centreId }))),
  )
  await insertProgramSessions(
    programsDb(),
    programs.flatMap((program, i) => (program.sessions ?? []).map((session) => ({ programId: rows[i].id, ...session }))),
  )
  return rows
}

/** SQL statements one request costs. Runs it once first so connections (and their type lookup) are already open. */
export async function statementsFor(request: () => Promise<unknown>) {
  await request()
  const before = await sqlStatements('programs')
  await request()
  return (await sqlStatements('programs')) - before
}

export const names = (connection: { edges: { node: { name: string } }[] }) => connection.edges.map((edge) => edge.node.name)

export const PROGRAMS = /* GraphQL */ `
  query Programs($filter: ProgramFilter, $orderBy: ProgramOrder, $first: Int, $after: String) {
    programs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name } }
    }
  }
`
