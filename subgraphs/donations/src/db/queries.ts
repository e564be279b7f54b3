import { and, count, desc, eq, gt, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { countPerGroup, firstPerGroup, keysetAfter, type Database } from '@nanum/db'
import type { CursorKey, Page } from '@nanum/subgraph-kit'
import type { ItemVisibility } from '../rules/visibility.js'
import { donationItems, itemEvents, matches, needs, type DonationItemRow, type ItemEventRow, type MatchRow, type NeedRow } from './tables.js'

type Db = Database['db']

export interface DonationItemFilter {
  category?: DonationItemRow['category'] | null
  condition?: DonationItemRow['condition'] | null
  status?: DonationItemRow['status'] | null
  centreId?: string | null
  donorId?: string | null
  ageMonths?: number | null
}

export type InventoryFilter = Pick<DonationItemFilter, 'category' | 'status'>

// Newest first; the id breaks ties between items listed in the same millisecond.
const itemKeyset = [donationItems.listedAt, donationItems.id]
const itemOrder = itemKeyset.map((column) => desc(column))

export const donationItemCursor = (row: DonationItemRow): CursorKey => [row.listedAt.toISOString(), row.id]

/** The one place the visibility rule becomes SQL: a WHERE condition, so counts and pages agree. */
function visibleItems(visibility: ItemVisibility): SQL | undefined {
  return visibility.statuses ? inArray(donationItems.status, [...visibility.statuses]) : undefined
}

/** Rows after the cursor in the descending order: `(listed_at, id) < (…)`. */
const listedBefore = (after: CursorKey | null) => keysetAfter(itemKeyset, after, 'desc')

function itemConditions(filter: DonationItemFilter, visibility: ItemVisibility): SQL | undefined {
  const age = filter.ageMonths
  return and(
    visibleItems(visibility),
    filter.category ? eq(donationItems.category, filter.category) : undefined,
    filter.condition ? eq(donationItems.condition, filter.condition) : undefined,
    filter.status ? eq(donationItems.status, filter.status) : undefined,
    filter.centreId ? eq(donationItems.heldAtCentreId, filter.centreId) : undefined,
    filter.donorId ? eq(donationItems.donorOrganisationId, filter.donorId) : undefined,
    age != null
      ? and(
          or(isNull(donationItems.minAgeMonths), lte(donationItems.minAgeMonths, age)),
          or(isNull(donationItems.maxAgeMonths), gte(donationItems.maxAgeMonths, age)),
        )
      : undefined,
  )
}

export function donationItemsByIds(db: Db, ids: readonly string[], visibility: ItemVisibility) {
  return db
    .select()
    .from(donationItems)
    .where(and(inArray(donationItems.id, [...ids]), visibleItems(visibility)))
}

export function listDonationItems(db: Db, filter: DonationItemFilter, visibility: ItemVisibility, page: Page) {
  return db
    .select()
    .from(donationItems)
    .where(and(itemConditions(filter, visibility), listedBefore(page.after)))
    .orderBy(...itemOrder)
    .limit(page.limit + 1)
}

export async function countDonationItems(db: Db, filter: DonationItemFilter, visibility: ItemVisibility) {
  const [row] = await db.select({ n: count() }).from(donationItems).where(itemConditions(filter, visibility))
  return row.n
}

/** The first `page.limit + 1` items held at each centre, newest first, in one statement. */
export const inventoryOfCentres = (db: Db, centreIds: readonly string[], filter: InventoryFilter, visibility: ItemVisibility, page: Page) =>
  firstPerGroup(db, {
    table: donationItems,
    id: donationItems.id,
    group: donationItems.heldAtCentreId,
    keys: centreIds,
    order: itemKeyset,
    direction: 'desc',
    where: itemConditions(filter, visibility),
    page,
  })

export const countInventoryOfCentres = (db: Db, centreIds: readonly string[], filter: InventoryFilter, visibility: ItemVisibility) =>
  countPerGroup(db, { table: donationItems, group: donationItems.heldAtCentreId, keys: centreIds, where: itemConditions(filter, visibility) })

/** Inserts seed rows; pieces of an AVAILABLE item are all available unless said otherwise. */
export async function insertDonationItems(db: Db, rows: (typeof donationItems.$inferInsert)[]) {
  const complete = rows.map((row) => ({
    ...row,
    quantityAvailable: row.quantityAvailable ?? ((row.status ?? 'AVAILABLE') === 'AVAILABLE' ? (row.quantity ?? 1) : 0),
  }))
  if (complete.length) await db.insert(donationItems).values(complete).onConflictDoNothing()
}

export async function insertNeeds(db: Db, rows: (typeof needs.$inferInsert)[]) {
  const complete = rows.map((row) => ({ ...row, quantityOpen: row.quantityOpen ?? row.quantity ?? 1 }))
  if (complete.length) await db.insert(needs).values(complete).onConflictDoNothing()
}

export async function insertMatches(db: Db, rows: (typeof matches.$inferInsert)[]) {
  if (rows.length) await db.insert(matches).values(rows).onConflictDoNothing()
}

/** Items donated by each organisation, newest first, one statement for every organisation. */
export const donationsOfOrganisations = (db: Db, organisationIds: readonly string[], visibility: ItemVisibility, page: Page) =>
  firstPerGroup(db, {
    table: donationItems,
    id: donationItems.id,
    group: donationItems.donorOrganisationId,
    keys: organisationIds,
    order: itemKeyset,
    direction: 'desc',
    where: visibleItems(visibility),
    page,
  })

export const countDonationsOfOrganisations = (db: Db, organisationIds: readonly string[], visibility: ItemVisibility) =>
  countPerGroup(db, { table: donationItems, group: donationItems.donorOrganisationId, keys: organisationIds, where: visibleItems(visibility) })

/** Listings and available pieces per centre, category and status, for every centre at once. */
export function inventorySummaries(db: Db, centreIds: readonly string[], visibility: ItemVisibility) {
  return db
    .select({
      centreId: donationItems.heldAtCentreId,
      category: donationItems.category,
      status: donationItems.status,
      items: count(),
      piecesAvailable: sql<number>`coalesce(sum(${donationItems.quantityAvailable}), 0)::int`,
    })
    .from(donationItems)
    .where(and(inArray(donationItems.heldAtCentreId, [...centreIds]), visibleItems(visibility)))
    .groupBy(donationItems.heldAtCentreId, donationItems.category, donationItems.status)
    .orderBy(desc(count()), donationItems.category, donationItems.status)
}

// ---- needs -------------------------------------------------------------------------------

/** Which needs a caller sees: those its organisation recorded (null: every need, for SYSTEM_ADMIN). */
export interface NeedVisibility {
  organisationId: string | null
}

const visibleNeeds = (visibility: NeedVisibility) =>
  visibility.organisationId ? eq(needs.recordedByOrganisationId, visibility.organisationId) : undefined

const needKeyset = [needs.createdAt, needs.id]
export const needCursor = (row: NeedRow): CursorKey => [row.createdAt.toISOString(), row.id]

export interface NeedFilter {
  householdId?: string | null
  category?: NeedRow['category'] | null
  status?: NeedRow['status'] | null
  urgency?: NeedRow['urgency'] | null
}

const needConditions = (filter: NeedFilter, visibility: NeedVisibility) =>
  and(
    visibleNeeds(visibility),
    filter.householdId ? eq(needs.householdId, filter.householdId) : undefined,
    filter.category ? eq(needs.category, filter.category) : undefined,
    filter.status ? eq(needs.status, filter.status) : undefined,
    filter.urgency ? eq(needs.urgency, filter.urgency) : undefined,
  )

export const needsByIds = (db: Db, ids: readonly string[], visibility: NeedVisibility) =>
  db.select().from(needs).where(and(inArray(needs.id, [...ids]), visibleNeeds(visibility)))

export const listNeeds = (db: Db, filter: NeedFilter, visibility: NeedVisibility, page: Page) =>
  db
    .select()
    .from(needs)
    .where(and(needConditions(filter, visibility), keysetAfter(needKeyset, page.after)))
    .orderBy(...needKeyset)
    .limit(page.limit + 1)

export async function countNeeds(db: Db, filter: NeedFilter, visibility: NeedVisibility) {
  const [row] = await db.select({ n: count() }).from(needs).where(needConditions(filter, visibility))
  return row.n
}

export const needsOfHouseholds = (db: Db, householdIds: readonly string[], visibility: NeedVisibility, page: Page) =>
  firstPerGroup(db, { table: needs, id: needs.id, group: needs.householdId, keys: householdIds, order: needKeyset, where: visibleNeeds(visibility), page })

export const countNeedsOfHouseholds = (db: Db, householdIds: readonly string[], visibility: NeedVisibility) =>
  countPerGroup(db, { table: needs, group: needs.householdId, keys: householdIds, where: visibleNeeds(visibility) })

// ---- matches -----------------------------------------------------------------------------

const visibleMatches = (visibility: NeedVisibility) =>
  visibility.organisationId ? eq(matches.createdByOrganisationId, visibility.organisationId) : undefined

const matchKeyset = [matches.createdAt, matches.id]
export const matchCursor = (row: MatchRow): CursorKey => [row.createdAt.toISOString(), row.id]

export const matchesByIds = (db: Db, ids: readonly string[], visibility: NeedVisibility) =>
  db.select().from(matches).where(and(inArray(matches.id, [...ids]), visibleMatches(visibility)))

const handedOver = (visibility: NeedVisibility) => and(eq(matches.status, 'HANDED_OVER'), visibleMatches(visibility))

export const receivedOfHouseholds = (db: Db, householdIds: readonly string[], visibility: NeedVisibility, page: Page) =>
  firstPerGroup(db, { table: matches, id: matches.id, group: matches.householdId, keys: householdIds, order: matchKeyset, direction: 'desc', where: handedOver(visibility), page })

export const countReceivedOfHouseholds = (db: Db, householdIds: readonly string[], visibility: NeedVisibility) =>
  countPerGroup(db, { table: matches, group: matches.householdId, keys: householdIds, where: handedOver(visibility) })

// ---- item events -------------------------------------------------------------------------

const eventKeyset = [itemEvents.at, itemEvents.id]
export const eventCursor = (row: ItemEventRow): CursorKey => [row.at.toISOString(), row.id]

export const eventsOfItems = (db: Db, itemIds: readonly string[], page: Page) =>
  firstPerGroup(db, { table: itemEvents, id: itemEvents.id, group: itemEvents.itemId, keys: itemIds, order: eventKeyset, page })

export const countEventsOfItems = (db: Db, itemIds: readonly string[]) =>
  countPerGroup(db, { table: itemEvents, group: itemEvents.itemId, keys: itemIds })

// ---- matching inputs ---------------------------------------------------------------------

export interface MatchingScope {
  /** Items and needs of this organisation only (null: every organisation, for SYSTEM_ADMIN). */
  organisationId: string | null
  centreId?: string | null
  district?: string | null
  itemId?: string | null
  needId?: string | null
}

export const itemsForMatching = (db: Db, scope: MatchingScope) =>
  db
    .select()
    .from(donationItems)
    .where(
      and(
        eq(donationItems.status, 'AVAILABLE'),
        gt(donationItems.quantityAvailable, 0),
        scope.organisationId ? eq(donationItems.intermediaryOrganisationId, scope.organisationId) : undefined,
        scope.centreId ? eq(donationItems.heldAtCentreId, scope.centreId) : undefined,
        scope.district ? eq(donationItems.district, scope.district) : undefined,
        scope.itemId ? eq(donationItems.id, scope.itemId) : undefined,
      ),
    )

export const needsForMatching = (db: Db, scope: MatchingScope) =>
  db
    .select()
    .from(needs)
    .where(
      and(
        eq(needs.status, 'OPEN'),
        scope.organisationId ? eq(needs.recordedByOrganisationId, scope.organisationId) : undefined,
        scope.district ? eq(needs.district, scope.district) : undefined,
        scope.needId ? eq(needs.id, scope.needId) : undefined,
      ),
    )

/** Pieces each household received or was allocated since `since` (for fairness and quota). */
export async function householdHistories(db: Db, householdIds: readonly string[], since: Date) {
  if (!householdIds.length) return new Map<string, { receivedInPeriod: number }>()
  const rows = await db
    .select({ householdId: matches.householdId, pieces: sql<number>`sum(${matches.quantity})::int` })
    .from(matches)
    .where(and(inArray(matches.householdId, [...householdIds]), inArray(matches.status, ['RESERVED', 'ALLOCATED', 'HANDED_OVER']), gte(matches.createdAt, since)))
    .groupBy(matches.householdId)
  return new Map(rows.map((row) => [row.householdId, { receivedInPeriod: row.pieces }]))
}

