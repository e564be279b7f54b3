import { connectionLoader, groupLoader, loaderFamily, rowLoader, type Caller, type Page } from '@nanum/subgraph-kit'
import type { Database } from '@nanum/db'
import * as queries from './db/queries.js'
import { itemVisibility } from './rules/visibility.js'
import { needVisibility } from './rules/access.js'

export type DonationsLoaders = ReturnType<typeof createLoaders>

/** Loaders see only what the caller may see: the visibility rule is part of every statement. */
export function createLoaders({ db }: Database, caller: Caller) {
  const visibility = itemVisibility(caller)
  // Anonymous callers see no needs or matches: an impossible organisation id keeps the SQL uniform.
  const needs = needVisibility(caller) ?? { organisationId: '00000000-0000-0000-0000-000000000000' }
  return {
    donationItem: rowLoader((ids: readonly string[]) => queries.donationItemsByIds(db, ids, visibility), (row) => row.id),
    need: rowLoader((ids: readonly string[]) => queries.needsByIds(db, ids, needs), (row) => row.id),
    match: rowLoader((ids: readonly string[]) => queries.matchesByIds(db, ids, needs), (row) => row.id),
    /** `inventoryOfCentre(filter)(page).load(centreId)`: centres asking alike share one batch. */
    inventoryOfCentre: loaderFamily((filter: queries.InventoryFilter) =>
      connectionLoader({
        fetch: (ids: readonly string[], page) => queries.inventoryOfCentres(db, ids, filter, visibility, page),
        count: (ids) => queries.countInventoryOfCentres(db, ids, filter, visibility),
        keyOf: (row) => row.heldAtCentreId,
        cursorOf: queries.donationItemCursor,
      }),
    ),
    inventorySummary: groupLoader((ids: readonly string[]) => queries.inventorySummaries(db, ids, visibility), (row) => row.centreId),
    donationsOfOrganisation: connectionLoader({
      fetch: (ids: readonly string[], page: Page) => queries.donationsOfOrganisations(db, ids, visibility, page),
      count: (ids) => queries.countDonationsOfOrganisations(db, ids, visibility),
      keyOf: (row) => row.donorOrganisationId!,
      cursorOf: queries.donationItemCursor,
    }),
    needsOfHousehold: connectionLoader({
      fetch: (ids: readonly string[], page: Page) => queries.needsOfHouseholds(db, ids, needs, page),
      count: (ids) => queries.countNeedsOfHouseholds(db, ids, needs),
      keyOf: (row) => row.householdId,
      cursorOf: queries.needCursor,
    }),
    receivedOfHousehold: connectionLoader({
      fetch: (ids: readonly string[], page: Page) => queries.receivedOfHouseholds(db, ids, needs, page),
      count: (ids) => queries.countReceivedOfHouseholds(db, ids, needs),
      keyOf: (row) => row.householdId,
      cursorOf: queries.matchCursor,
    }),
    eventsOfItem: connectionLoader({
      fetch: (ids: readonly string[], page: Page) => queries.eventsOfItems(db, ids, page),
      count: (ids) => queries.countEventsOfItems(db, ids),
      keyOf: (row) => row.itemId,
      cursorOf: queries.eventCursor,
    }),
  }
}
