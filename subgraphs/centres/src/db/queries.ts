import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm'
import { countPerGroup, firstPerGroup, keysetAfter, type Database } from '@nanum/db'
import type { Page } from '@nanum/subgraph-kit'
import { centres, organisations, type CentreRow, type OrganisationRow } from './tables.js'

type Db = Database['db']

export interface OrganisationFilter {
  sector?: OrganisationRow['sector'] | null
  kind?: OrganisationRow['kind'] | null
}

export interface CentreFilter {
  district?: string | null
  dong?: string | null
  kind?: CentreRow['kind'] | null
  organisationId?: string | null
}

const organisationOrder = [organisations.name, organisations.id]
const centreOrder = [centres.name, centres.id]

function organisationConditions(filter: OrganisationFilter): SQL | undefined {
  return and(
    filter.sector ? eq(organisations.sector, filter.sector) : undefined,
    filter.kind ? eq(organisations.kind, filter.kind) : undefined,
  )
}

function centreConditions(filter: CentreFilter): SQL | undefined {
  return and(
    filter.district ? eq(centres.district, filter.district) : undefined,
    filter.dong ? eq(centres.dong, filter.dong) : undefined,
    filter.kind ? eq(centres.kind, filter.kind) : undefined,
    filter.organisationId ? eq(centres.organisationId, filter.organisationId) : undefined,
  )
}

export const organisationCursor = (row: OrganisationRow) => [row.name, row.id]
export const centreCursor = (row: CentreRow) => [row.name, row.id]

export function organisationsByIds(db: Db, ids: readonly string[]) {
  return db.select().from(organisations).where(inArray(organisations.id, [...ids]))
}

export function listOrganisations(db: Db, filter: OrganisationFilter, page: Page) {
  return db
    .select()
    .from(organisations)
    .where(and(organisationConditions(filter), keysetAfter(organisationOrder, page.after)))
    .orderBy(...organisationOrder.map(asc))
    .limit(page.limit + 1)
}

export async function countOrganisations(db: Db, filter: OrganisationFilter) {
  const [row] = await db.select({ n: count() }).from(organisations).where(organisationConditions(filter))
  return row.n
}

export function centresByIds(db: Db, ids: readonly string[]) {
  return db.select().from(centres).where(inArray(centres.id, [...ids]))
}

export function listCentres(db: Db, filter: CentreFilter, page: Page) {
  return db
    .select()
    .from(centres)
    .where(and(centreConditions(filter), keysetAfter(centreOrder, page.after)))
    .orderBy(...centreOrder.map(asc))
    .limit(page.limit + 1)
}

export async function countCentres(db: Db, filter: CentreFilter) {
  const [row] = await db.select({ n: count() }).from(centres).where(centreConditions(filter))
  return row.n
}

/** The first `page.limit + 1` centres of each organisation, in one statement. */
export const centresOfOrganisations = (db: Db, organisationIds: readonly string[], page: Page) =>
  firstPerGroup(db, { table: centres, id: centres.id, group: centres.organisationId, keys: organisationIds, order: centreOrder, page })

export const countCentresOfOrganisations = (db: Db, organisationIds: readonly string[]) =>
  countPerGroup(db, { table: centres, group: centres.organisationId, keys: organisationIds })

export async function insertOrganisations(db: Db, rows: (typeof organisations.$inferInsert)[]) {
  if (rows.length) await db.insert(organisations).values(rows).onConflictDoNothing()
}

export async function insertCentres(db: Db, rows: (typeof centres.$inferInsert)[]) {
  if (rows.length) await db.insert(centres).values(rows).onConflictDoNothing()
}
