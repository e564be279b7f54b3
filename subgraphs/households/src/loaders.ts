import { groupLoader, rowLoader, type Caller } from '@nanum/subgraph-kit'
import type { Database } from '@nanum/db'
import * as queries from './db/queries.js'
import { visibleHouseholds } from './rules/access.js'

export type HouseholdsLoaders = ReturnType<typeof createLoaders>

export function createLoaders({ db }: Database, caller: Caller) {
  return {
    /**
     * Households by id, already filtered by the access rule: a household the caller may not see
     * loads as null, exactly like one that does not exist. Every path to a household by id
     * (`household(id)`, `_entities`) goes through here. Anonymous callers cost no query.
     */
    household: rowLoader(
      async (ids: readonly string[]) => (caller.kind === 'user' ? visibleHouseholds(caller, await queries.householdsByIds(db, ids)) : []),
      (row) => row.id,
    ),
    membersOfHousehold: groupLoader((ids: readonly string[]) => queries.membersOfHouseholds(db, ids), (row) => row.householdId),
  }
}
