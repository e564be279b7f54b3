import { and, count, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { keysetAfter, type Database } from '@nanum/db'
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

/** The first `page.limit + 1` items held at each centre, in one statement. */
export async function inventoryOfCentres(
  db: Db,
  centreIds: readonly string[],
  filter: InventoryFilter,
  visibility: ItemVisibility,
  page: Page,
): Promise<DonationItemRow[]> {
  const ranked = db
    .select({
      id: donationItems.id,
      // rankWithin from @nanum/db orders ascending only; this list is newest first.
      rank: sql<number>`row_number() over (partition by ${donationItems.heldAtCentreId} order by ${sql.join(itemOrder, sql`, `)})`.as('rank'),
    })
    .from(donationItems)
    .where(
      and(
        inArray(donationItems.heldAtCentreId, [...centreIds]),
        itemConditions(filter, visibility),
        listedBefore(page.after),
      ),
    )
    .as('ranked')
  return db
    .select({ item: donationItems })
    .from(donationItems)
    .innerJoin(ranked, eq(ranked.id, donationItems.id))
    .where(lte(ranked.rank, page.limit + 1))
    .orderBy(...itemOrder)
    .then((rows) => rows.map((row) => row.item))
}

export async function countInventoryOfCentres(
  db: Db,
  centreIds: readonly string[],
  filter: InventoryFilter,
  visibility: ItemVisibility,
) {
  const rows = await db
    .select({ centreId: donationItems.heldAtCentreId, n: count() })
    .from(donationItems)
    .where(and(inArray(donationItems.heldAtCentreId, [...centreIds]), itemConditions(filter, visibility)))
    .groupBy(donationItems.heldAtCentreId)
  return new Map(rows.map((row) => [row.centreId, row.n]))
}

export async function insertDonationItems(db: Db, rows: (typeof donationItems.$inferInsert)[]) {
  if (rows.length) await db.insert(donationItems).values(rows).onConflictDoNothing()
}
