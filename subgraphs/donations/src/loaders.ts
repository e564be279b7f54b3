import { connectionLoader, loaderFamily, rowLoader, type Caller } from '@nanum/subgraph-kit'
import type { Database } from '@nanum/db'
import * as queries from './db/queries.js'
import { itemVisibility } from './rules/visibility.js'

export type DonationsLoaders = ReturnType<typeof createLoaders>

/** Loaders see only what the caller may see: the visibility rule is part of every statement. */
export function createLoaders({ db }: Database, caller: Caller) {
  const visibility = itemVisibility(caller)
  return {
    donationItem: rowLoader((ids: readonly string[]) => queries.donationItemsByIds(db, ids, visibility), (row) => row.id),
    /** `inventoryOfCentre(filter)(page).load(centreId)`: centres asking alike share one batch. */
    inventoryOfCentre: loaderFamily((filter: queries.InventoryFilter) =>
      connectionLoader({
        fetch: (ids: readonly string[], page) => queries.inventoryOfCentres(db, ids, filter, visibility, page),
        count: (ids) => queries.countInventoryOfCentres(db, ids, filter, visibility),
        keyOf: (row) => row.heldAtCentreId,
        cursorOf: queries.donationItemCursor,
      }),
    ),
  }
}
