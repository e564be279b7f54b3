import { and, count, desc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm'
import { countPerGroup, firstPerGroup, keysetAfter, type Database } from '@nanum/db'
import type { CursorKey, Page } from '@nanum/subgraph-kit'
import type { ItemVisibility } from '../rules/visibility.js'
import { donationItems, type DonationItemRow } from './tables.js'

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

export async function insertDonationItems(db: Db, rows: (typeof donationItems.$inferInsert)[]) {
  if (rows.length) await db.insert(donationItems).values(rows).onConflictDoNothing()
}
