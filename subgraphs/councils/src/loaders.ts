import { connectionLoader, rowLoader } from '@nanum/subgraph-kit'
import type { Database } from '@nanum/db'
import * as queries from './db/queries.js'

export type CouncilsLoaders = ReturnType<typeof createLoaders>

export function createLoaders({ db }: Database) {
  return {
    council: rowLoader((ids: readonly string[]) => queries.councilsByIds(db, ids), (row) => row.id),
    membersOfCouncil: connectionLoader({
      fetch: (ids: readonly string[], page) => queries.membersOfCouncils(db, ids, page),
      count: (ids) => queries.countMembersOfCouncils(db, ids),
      keyOf: (row) => row.councilId,
      cursorOf: queries.membershipCursor,
    }),
    membershipsOfOrganisation: connectionLoader({
      fetch: (ids: readonly string[], page) => queries.membershipsOfOrganisations(db, ids, page),
      count: (ids) => queries.countMembershipsOfOrganisations(db, ids),
      keyOf: (row) => row.organisationId,
      cursorOf: queries.membershipCursor,
    }),
  }
}
