import { and, asc, count, eq, exists, inArray, type SQL } from 'drizzle-orm'
import { countPerGroup, firstPerGroup, keysetAfter, type Database } from '@nanum/db'
import type { Page } from '@nanum/subgraph-kit'
import { councilMemberships, councils, type CouncilMembershipRow, type CouncilRow } from './tables.js'

type Db = Database['db']

export interface CouncilFilter {
  district?: string | null
  kind?: CouncilRow['kind'] | null
  memberOrganisationId?: string | null
}

const councilOrder = [councils.name, councils.id]
/**
 * Memberships, of a council or of an organisation, in the order they began. (Not by role: the
 * keyset would cast the cursor to the enum type by its unqualified name, which does not resolve
 * where the connection's search_path is not the subgraph's schema, as on the embedded database.)
 */
const membershipOrder = [councilMemberships.joinedOn, councilMemberships.id]

export const councilCursor = (row: CouncilRow) => [row.name, row.id]
export const membershipCursor = (row: CouncilMembershipRow) => [row.joinedOn, row.id]

function councilConditions(db: Db, filter: CouncilFilter): SQL | undefined {
  return and(
    filter.district ? eq(councils.district, filter.district) : undefined,
    filter.kind ? eq(councils.kind, filter.kind) : undefined,
    filter.memberOrganisationId
      ? exists(
          db
            .select({ one: councilMemberships.id })
            .from(councilMemberships)
            .where(and(eq(councilMemberships.councilId, councils.id), eq(councilMemberships.organisationId, filter.memberOrganisationId))),
        )
      : undefined,
  )
}

export function councilsByIds(db: Db, ids: readonly string[]) {
  return db.select().from(councils).where(inArray(councils.id, [...ids]))
}

export function listCouncils(db: Db, filter: CouncilFilter, page: Page) {
  return db
    .select()
    .from(councils)
    .where(and(councilConditions(db, filter), keysetAfter(councilOrder, page.after)))
    .orderBy(...councilOrder.map(asc))
    .limit(page.limit + 1)
}

export async function countCouncils(db: Db, filter: CouncilFilter) {
  const [row] = await db.select({ n: count() }).from(councils).where(councilConditions(db, filter))
  return row.n
}

type MembershipParent = typeof councilMemberships.councilId | typeof councilMemberships.organisationId

/** The first `page.limit + 1` memberships of each parent (council or organisation), in one statement. */
const membershipsOf = (db: Db, parent: MembershipParent, parentIds: readonly string[], page: Page) =>
  firstPerGroup(db, { table: councilMemberships, id: councilMemberships.id, group: parent, keys: parentIds, order: membershipOrder, page })

const countMembershipsOf = (db: Db, parent: MembershipParent, parentIds: readonly string[]) =>
  countPerGroup(db, { table: councilMemberships, group: parent, keys: parentIds })

export const membersOfCouncils = (db: Db, councilIds: readonly string[], page: Page) =>
  membershipsOf(db, councilMemberships.councilId, councilIds, page)

export const countMembersOfCouncils = (db: Db, councilIds: readonly string[]) =>
  countMembershipsOf(db, councilMemberships.councilId, councilIds)

export const membershipsOfOrganisations = (db: Db, organisationIds: readonly string[], page: Page) =>
  membershipsOf(db, councilMemberships.organisationId, organisationIds, page)

export const countMembershipsOfOrganisations = (db: Db, organisationIds: readonly string[]) =>
  countMembershipsOf(db, councilMemberships.organisationId, organisationIds)

export async function insertCouncils(db: Db, rows: (typeof councils.$inferInsert)[]) {
  if (rows.length) await db.insert(councils).values(rows).onConflictDoNothing()
}

export async function insertCouncilMemberships(db: Db, rows: (typeof councilMemberships.$inferInsert)[]) {
  if (rows.length) await db.insert(councilMemberships).values(rows).onConflictDoNothing()
}
