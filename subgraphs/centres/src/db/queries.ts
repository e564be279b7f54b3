import { and, asc, count, eq, getTableColumns, inArray, not, sql, type SQL } from 'drizzle-orm'
import { countPerGroup, firstPerGroup, type Database } from '@nanum/db'
import type { Page } from '@nanum/subgraph-kit'
import {
  centreHoursExceptions,
  centreOpeningHours,
  centres,
  organisationContacts,
  organisations,
  type CentreRow,
  type OrganisationRow,
} from './tables.js'
import { distanceKm, withinBox, type NearPoint } from './geo.js'
import { matchesText, relevancePoints, wordSimilarity } from './text-search.js'
import type { SeoulMoment } from '@nanum/locale'

type Db = Database['db']

export interface OrganisationFilter {
  search?: string | null
  sector?: OrganisationRow['sector'] | null
  kind?: OrganisationRow['kind'] | null
  parentId?: string | null
}

export interface CentreFilter {
  search?: string | null
  district?: string | null
  dong?: string | null
  kind?: CentreRow['kind'] | null
  status?: CentreRow['status'] | null
  organisationId?: string | null
  sector?: OrganisationRow['sector'] | null
  facility?: CentreRow['facilities'][number] | null
  language?: string | null
  /** `openNow` evaluated at this local moment. */
  open?: { isOpen: boolean; at: SeoulMoment } | null
  near?: NearPoint | null
}

/**
 * A list row carries its sort key: the name for the default order, or an integer (negated
 * relevance points, or distance in metres) for the ranked orders, so cursors compare exactly.
 */
export type ListedCentre = CentreRow & { sortKey: string | number; distanceMetres: number | null }
export type ListedOrganisation = OrganisationRow & { sortKey: string | number }

export type ListOrder = 'name' | 'relevance' | 'distance'

// ── organisations ───────────────────────────────────────────────────────────

function organisationConditions(filter: OrganisationFilter): SQL | undefined {
  return and(
    filter.search ? matchesText(sql`${organisations.searchText}`, filter.search) : undefined,
    filter.sector ? eq(organisations.sector, filter.sector) : undefined,
    filter.kind ? eq(organisations.kind, filter.kind) : undefined,
    filter.parentId ? eq(organisations.parentOrganisationId, filter.parentId) : undefined,
  )
}

export function organisationsByIds(db: Db, ids: readonly string[]) {
  return db.select().from(organisations).where(inArray(organisations.id, [...ids]))
}

/** Organisations in name order, or best match first when searching; `sortKey` is the cursor's first value. */
export async function listOrganisations(db: Db, filter: OrganisationFilter, page: Page): Promise<ListedOrganisation[]> {
  const sortKey = filter.search
    ? sql<number>`-${relevancePoints(sql`${organisations.name}`, wordSimilarity(filter.search, sql`${organisations.searchText}`), filter.search)}`
    : sql<string>`${organisations.name}`
  const ranked = db
    .select({ ...getTableColumns(organisations), sortKey: sortKey.as('sort_key') })
    .from(organisations)
    .where(organisationConditions(filter))
    .as('ranked')
  return (await db
    .select()
    .from(ranked)
    .where(page.after ? sql`(${ranked.sortKey}, ${ranked.id}) > (${page.after[0]}, ${page.after[1]})` : undefined)
    .orderBy(asc(ranked.sortKey), asc(ranked.id))
    .limit(page.limit + 1)) as ListedOrganisation[]
}

export async function countOrganisations(db: Db, filter: OrganisationFilter) {
  const [row] = await db.select({ n: count() }).from(organisations).where(organisationConditions(filter))
  return row.n
}

const organisationOrder = [organisations.name, organisations.id]
export const organisationCursor = (row: OrganisationRow) => [row.name, row.id]

/** The first `page.limit + 1` child organisations of each parent, in one statement. */
export const childrenOfOrganisations = (db: Db, parentIds: readonly string[], page: Page) =>
  firstPerGroup(db, { table: organisations, id: organisations.id, group: organisations.parentOrganisationId, keys: parentIds, order: organisationOrder, page })

export const countChildrenOfOrganisations = (db: Db, parentIds: readonly string[]) =>
  countPerGroup(db, { table: organisations, group: organisations.parentOrganisationId, keys: parentIds })

export function contactsOfOrganisations(db: Db, organisationIds: readonly string[]) {
  return db
    .select()
    .from(organisationContacts)
    .where(inArray(organisationContacts.organisationId, [...organisationIds]))
    .orderBy(asc(organisationContacts.organisationId), asc(organisationContacts.position))
}

/** Whether `candidateParentId` is `organisationId` itself or below it: making it the parent would close a cycle. */
export async function isSelfOrDescendant(db: Db, organisationId: string, candidateParentId: string): Promise<boolean> {
  const rows = await db.execute(sql`
    with recursive up(id, parent) as (
      select id, parent_organisation_id from ${organisations} where id = ${candidateParentId}
      union
      select o.id, o.parent_organisation_id from ${organisations} o join up on o.id = up.parent
    )
    select 1 from up where id = ${organisationId} limit 1`)
  return rows.length > 0
}

// ── centres ─────────────────────────────────────────────────────────────────

/** Open at a local moment: ACTIVE and within that day's hours, where a date's exception replaces the weekly hours (see rules/opening.ts). */
function openAt(at: SeoulMoment): SQL {
  return sql`(${centres.status} = 'ACTIVE' and (
    (${centres.id} in (
       select h.centre_id from ${centreOpeningHours} h
       where h.day = ${at.day} and h.opens <= ${at.time}::time and h.closes > ${at.time}::time)
     and not exists (select 1 from ${centreHoursExceptions} e where e.centre_id = ${centres.id} and e.date = ${at.date}::date))
    or exists (
       select 1 from ${centreHoursExceptions} e
       where e.centre_id = ${centres.id} and e.date = ${at.date}::date and not e.is_closed
         and e.opens <= ${at.time}::time and e.closes > ${at.time}::time)))`
}

/**
 * Centres whose own text or whose operating organisation's text matches: two arms of a UNION so
 * that each can use its trigram index (an OR across the two tables would not).
 */
function matchesSearch(term: string): SQL {
  return sql`${centres.id} in (
    select s.id from ${centres} s where ${matchesText(sql`s.search_text`, term)}
    union
    select m.id from ${centres} m join ${organisations} o on o.id = m.organisation_id where ${matchesText(sql`o.search_text`, term)})`
}

function centreConditions(filter: CentreFilter): SQL | undefined {
  return and(
    filter.search ? matchesSearch(filter.search) : undefined,
    filter.district ? eq(centres.district, filter.district) : undefined,
    filter.dong ? eq(centres.dong, filter.dong) : undefined,
    filter.kind ? eq(centres.kind, filter.kind) : undefined,
    filter.status ? eq(centres.status, filter.status) : undefined,
    filter.organisationId ? eq(centres.organisationId, filter.organisationId) : undefined,
    filter.sector
      ? inArray(centres.organisationId, sql`(select id from ${organisations} where ${organisations.sector} = ${filter.sector})`)
      : undefined,
    filter.facility ? sql`${centres.facilities} @> array[${filter.facility}]::centres.facility[]` : undefined,
    filter.language ? sql`${centres.languages} @> array[${filter.language}]::text[]` : undefined,
    filter.open ? (filter.open.isOpen ? openAt(filter.open.at) : not(openAt(filter.open.at))) : undefined,
    filter.near
      ? and(
          withinBox(sql`${centres.latitude}`, sql`${centres.longitude}`, filter.near),
          sql`${distanceKm(sql`${centres.latitude}`, sql`${centres.longitude}`, filter.near)} <= ${filter.near.radiusKm}::float8`,
        )
      : undefined,
  )
}

/** Which order a centre list takes: distance when `near` is given, else relevance when searching, else name. */
export const centreListOrder = (filter: CentreFilter): ListOrder => (filter.near ? 'distance' : filter.search ? 'relevance' : 'name')

function centreSortKey(filter: CentreFilter, order: ListOrder): SQL {
  if (order === 'distance') return sql<number>`round(1000 * ${distanceKm(sql`${centres.latitude}`, sql`${centres.longitude}`, filter.near!)})::int`
  if (order === 'relevance') {
    const term = filter.search!
    const organisationSimilarity = sql`coalesce((select ${wordSimilarity(term, sql`o.search_text`)} from ${organisations} o where o.id = ${centres.organisationId}), 0)`
    // The operator's own words count for a little less than the centre's.
    const similarity = sql`greatest(${wordSimilarity(term, sql`${centres.searchText}`)}, 0.8 * ${organisationSimilarity})`
    return sql<number>`-${relevancePoints(sql`${centres.name}`, similarity, term)}`
  }
  return sql<string>`${centres.name}`
}

export function centresByIds(db: Db, ids: readonly string[]) {
  return db.select().from(centres).where(inArray(centres.id, [...ids]))
}

/** The statement behind `listCentres` (also explained in the index tests). */
export function centreListQuery(db: Db, filter: CentreFilter, page: Page) {
  const order = centreListOrder(filter)
  const distanceMetres = filter.near
    ? sql<number>`round(1000 * ${distanceKm(sql`${centres.latitude}`, sql`${centres.longitude}`, filter.near)})::int`
    : sql<null>`null::int`
  const ranked = db
    .select({ ...getTableColumns(centres), sortKey: centreSortKey(filter, order).as('sort_key'), distanceMetres: distanceMetres.as('distance_metres') })
    .from(centres)
    .where(centreConditions(filter))
    .as('ranked')
  return db
    .select()
    .from(ranked)
    .where(page.after ? sql`(${ranked.sortKey}, ${ranked.id}) > (${page.after[0]}, ${page.after[1]})` : undefined)
    .orderBy(asc(ranked.sortKey), asc(ranked.id))
    .limit(page.limit + 1)
}

/** One page of centres in `centreListOrder(filter)`; `page.after` is `[sortKey, id]`. */
export async function listCentres(db: Db, filter: CentreFilter, page: Page): Promise<ListedCentre[]> {
  return (await centreListQuery(db, filter, page)) as ListedCentre[]
}

export async function countCentres(db: Db, filter: CentreFilter) {
  const [row] = await db.select({ n: count() }).from(centres).where(centreConditions(filter))
  return row.n
}

const centreOrder = [centres.name, centres.id]
export const centreCursor = (row: CentreRow) => [row.name, row.id]

/** The first `page.limit + 1` centres of each organisation, in one statement. */
export const centresOfOrganisations = (db: Db, organisationIds: readonly string[], page: Page) =>
  firstPerGroup(db, { table: centres, id: centres.id, group: centres.organisationId, keys: organisationIds, order: centreOrder, page })

export const countCentresOfOrganisations = (db: Db, organisationIds: readonly string[]) =>
  countPerGroup(db, { table: centres, group: centres.organisationId, keys: organisationIds })

export function openingHoursOfCentres(db: Db, centreIds: readonly string[]) {
  return db
    .select()
    .from(centreOpeningHours)
    .where(inArray(centreOpeningHours.centreId, [...centreIds]))
    .orderBy(asc(centreOpeningHours.centreId), sql`${centreOpeningHours.day}`, asc(centreOpeningHours.opens))
}

export function hoursExceptionsOfCentres(db: Db, centreIds: readonly string[]) {
  return db
    .select()
    .from(centreHoursExceptions)
    .where(inArray(centreHoursExceptions.centreId, [...centreIds]))
    .orderBy(asc(centreHoursExceptions.centreId), asc(centreHoursExceptions.date))
}

// ── inserts (demo data, fixtures, generator) ────────────────────────────────

export async function insertOrganisations(db: Db, rows: (typeof organisations.$inferInsert)[]) {
  if (rows.length) await db.insert(organisations).values(rows).onConflictDoNothing()
}

export async function insertOrganisationContacts(db: Db, rows: (typeof organisationContacts.$inferInsert)[]) {
  if (rows.length) await db.insert(organisationContacts).values(rows).onConflictDoNothing()
}

export async function insertCentres(db: Db, rows: (typeof centres.$inferInsert)[]) {
  if (rows.length) await db.insert(centres).values(rows).onConflictDoNothing()
}

export async function insertOpeningHours(db: Db, rows: (typeof centreOpeningHours.$inferInsert)[]) {
  if (rows.length) await db.insert(centreOpeningHours).values(rows).onConflictDoNothing()
}

export async function insertHoursExceptions(db: Db, rows: (typeof centreHoursExceptions.$inferInsert)[]) {
  if (rows.length) await db.insert(centreHoursExceptions).values(rows).onConflictDoNothing()
}
