import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { keysetAfter, type Database } from '@nanum/db'
import type { CursorKey, Page } from '@nanum/subgraph-kit'
import { householdMembers, households, vulnerabilityFlag, type HouseholdMemberRow, type HouseholdRow } from './tables.js'

type Db = Database['db']

export interface HouseholdFilter {
  district?: string | null
  dong?: string | null
  status?: HouseholdRow['status'] | null
  incomeBand?: HouseholdRow['incomeBand'] | null
  flag?: HouseholdRow['vulnerabilityFlags'][number] | null
  handlingCentreId?: string | null
}

/** The rows a caller may list (see rules/access.ts); always part of the WHERE clause. */
export interface HouseholdScope {
  handlingOrganisationId: string
}

const flagArrayType = sql.raw(`"${vulnerabilityFlag.schema}"."${vulnerabilityFlag.enumName}"[]`)

function householdConditions(scope: HouseholdScope, filter: HouseholdFilter): SQL | undefined {
  return and(
    eq(households.handlingOrganisationId, scope.handlingOrganisationId),
    filter.district ? eq(households.district, filter.district) : undefined,
    filter.dong ? eq(households.dong, filter.dong) : undefined,
    filter.status ? eq(households.status, filter.status) : undefined,
    filter.incomeBand ? eq(households.incomeBand, filter.incomeBand) : undefined,
    // `@>` (array contains) is what the GIN index on the flags serves.
    filter.flag ? sql`${households.vulnerabilityFlags} @> array[${filter.flag}]::${flagArrayType}` : undefined,
    filter.handlingCentreId ? eq(households.handlingCentreId, filter.handlingCentreId) : undefined,
  )
}

/** Newest first: the keyset is (createdAt, id), both descending; the cursor holds the ISO timestamp. */
export const householdCursor = (row: HouseholdRow): CursorKey => [row.createdAt.toISOString(), row.id]

export function householdsByIds(db: Db, ids: readonly string[]) {
  return db.select().from(households).where(inArray(households.id, [...ids]))
}

export function listHouseholds(db: Db, scope: HouseholdScope, filter: HouseholdFilter, page: Page) {
  return db
    .select()
    .from(households)
    .where(and(householdConditions(scope, filter), keysetAfter([households.createdAt, households.id], page.after, 'desc')))
    .orderBy(desc(households.createdAt), desc(households.id))
    .limit(page.limit + 1)
}

export async function countHouseholds(db: Db, scope: HouseholdScope, filter: HouseholdFilter) {
  const [row] = await db.select({ n: count() }).from(households).where(householdConditions(scope, filter))
  return row.n
}

/** Members of many households in one statement: head first (enum order), then by age. */
export function membersOfHouseholds(db: Db, householdIds: readonly string[]): Promise<HouseholdMemberRow[]> {
  return db
    .select()
    .from(householdMembers)
    .where(inArray(householdMembers.householdId, [...householdIds]))
    .orderBy(asc(householdMembers.relation), asc(householdMembers.birthYear), asc(householdMembers.id))
}

/** Inserts households; each gets a fresh random `reference` unless one is given. */
export async function insertHouseholds(db: Db, rows: (typeof households.$inferInsert)[]) {
  // Only an id conflict is skipped (demo data re-seeded); a reference clash must fail loudly.
  if (rows.length) await db.insert(households).values(rows).onConflictDoNothing({ target: households.id })
}

export async function insertHouseholdMembers(db: Db, rows: (typeof householdMembers.$inferInsert)[]) {
  if (rows.length) await db.insert(householdMembers).values(rows).onConflictDoNothing({ target: householdMembers.id })
}
