import DataLoader from 'dataloader'
import { connectionLoader, groupLoader, loaderFamily, rowLoader } from '@nanum/subgraph-kit'
import type { Database } from '@nanum/db'
import * as queries from './db/queries.js'
import type { ProgramCategoryGroup } from './rules/one-visit.js'
import { groupByCategory } from './rules/one-visit.js'

export type ProgramsLoaders = ReturnType<typeof createLoaders>

const parentConnection = (
  fetch: (ids: readonly string[], page: Parameters<typeof queries.programsAtCentres>[3]) => Promise<queries.ProgramOfParentRow[]>,
  count: (ids: readonly string[]) => Promise<Map<string, number>>,
) => connectionLoader({ fetch, count, keyOf: (row) => row.parentId, cursorOf: queries.programCursor })

export function createLoaders({ db }: Database) {
  return {
    /** The request's "now", so that every `openNow` in one request asks about the same instant (and shares a batch). */
    now: new Date(),
    program: rowLoader((ids: readonly string[]) => queries.programsByIds(db, ids), (row) => row.id),
    centresOfProgram: groupLoader((ids: readonly string[]) => queries.centresOfPrograms(db, ids), (row) => row.programId),
    sessionsOfProgram: groupLoader((ids: readonly string[]) => queries.sessionsOfPrograms(db, ids), (row) => row.programId),
    programsOfOrganisation: loaderFamily((filter: queries.ProgramFilter) =>
      parentConnection(
        (ids, page) => queries.programsOfOrganisations(db, ids, filter, page),
        (ids) => queries.countProgramsOfOrganisations(db, ids, filter),
      ),
    ),
    programsAtCentre: loaderFamily((filter: queries.ProgramFilter) =>
      parentConnection(
        (ids, page) => queries.programsAtCentres(db, ids, filter, page),
        (ids) => queries.countProgramsAtCentres(db, ids, filter),
      ),
    ),
    /** One Visit brochures of every centre asked about in the request, one statement per batch. */
    oneVisit: loaderFamily(
      (perCategory: number) =>
        new DataLoader<queries.CentreArea, ProgramCategoryGroup[], string>(
          async (centres) => {
            const byCentre = new Map<string, queries.OneVisitRow[]>()
            for (const row of await queries.oneVisitPrograms(db, centres, perCategory)) {
              const rows = byCentre.get(row.centreId)
              if (rows) rows.push(row)
              else byCentre.set(row.centreId, [row])
            }
            return centres.map((centre) => groupByCategory(byCentre.get(centre.centreId) ?? [], perCategory))
          },
          { cacheKeyFn: (centre) => `${centre.centreId} ${centre.district} ${centre.dong ?? ''}` },
        ),
    ),
  }
}
