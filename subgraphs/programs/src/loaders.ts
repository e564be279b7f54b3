import { connectionLoader, groupLoader, rowLoader } from '@nanum/subgraph-kit'
import type { Database } from '@nanum/db'
import * as queries from './db/queries.js'

export type ProgramsLoaders = ReturnType<typeof createLoaders>

export function createLoaders({ db }: Database) {
  return {
    program: rowLoader((ids: readonly string[]) => queries.programsByIds(db, ids), (row) => row.id),
    centresOfProgram: groupLoader((ids: readonly string[]) => queries.centresOfPrograms(db, ids), (row) => row.programId),
    programsOfProvider: connectionLoader({
      fetch: (ids: readonly string[], page) => queries.programsOfProviders(db, ids, page),
      count: (ids) => queries.countProgramsOfProviders(db, ids),
      keyOf: (row) => row.providerOrganisationId,
      cursorOf: queries.programCursor,
    }),
    programsAtCentre: connectionLoader({
      fetch: (ids: readonly string[], page) => queries.programsAtCentres(db, ids, page),
      count: (ids) => queries.countProgramsAtCentres(db, ids),
      keyOf: (row) => row.centreId,
      cursorOf: queries.programCursor,
    }),
  }
}
