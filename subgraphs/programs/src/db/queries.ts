import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { keysetAfter, type Database } from '@nanum/db'
import type { CursorKey, Page } from '@nanum/subgraph-kit'
import { containsPattern, programConditions, type ProgramFilter } from './filter-sql.js'
import { programCentres, programs, programSessions, type NewProgramRow, type ProgramRow } from './tables.js'

export { areaKeysFor, type ProgramFilter } from './filter-sql.js'

type Db = Database['db']

/** A program reached through a parent (centre, organisation): the parent's id is the connection's key. */
export type ProgramOfParentRow = ProgramRow & { parentId: string }
/** A program in a relevance-ordered search, with its score (higher first). */
export type ScoredProgramRow = ProgramRow & { score: number }

const programOrder = [programs.name, programs.id]

export const programCursor = (row: ProgramRow): CursorKey => [row.name, row.id]
export const scoredProgramCursor = (row: ScoredProgramRow): CursorKey => [row.score, row.name, row.id]

export function programsByIds(db: Db, ids: readonly string[]) {
  return db.select().from(programs).where(inArray(programs.id, [...ids]))
}

export function listPrograms(db: Db, filter: ProgramFilter, page: Page) {
  return db
    .select()
    .from(programs)
    .where(and(programConditions(filter), keysetAfter(programOrder, page.after)))
    .orderBy(...programOrder.map(asc))
    .limit(page.limit + 1)
}

/**
 * Relevance of a program to a search, as an integer so that it can sit in a cursor: trigram word
 * similarity with the names (counted twice) and with the whole text, plus a bonus when the names
 * contain the query as typed.
 */
function relevance(query: string): SQL<number> {
  const names = sql`(${programs.name} || ' ' || coalesce(${programs.alternateName}, ''))`
  return sql<number>`(round(1000 * (
    2 * public.word_similarity(${query}, ${names})
    + public.word_similarity(${query}, ${programs.searchDocument})
    + case when ${names} ilike ${containsPattern(query)} then 1 else 0 end)))::int`
}

/** Programs matching a search, most relevant first (then by name); the cursor carries the score. */
export function searchProgramsQuery(db: Db, filter: ProgramFilter, query: string, page: Page) {
  const score = relevance(query)
  // Score descending, then name and id ascending: no single row comparison expresses it.
  const after = page.after
    ? sql`(${score} < ${page.after[0]} or (${score} = ${page.after[0]} and (${programs.name}, ${programs.id}) > (${page.after[1]}, ${page.after[2]})))`
    : undefined
  return db
    .select({ program: programs, score })
    .from(programs)
    .where(and(programConditions(filter), after))
    .orderBy(sql`${score} desc`, ...programOrder.map(asc))
    .limit(page.limit + 1)
}

export async function searchPrograms(db: Db, filter: ProgramFilter, query: string, page: Page): Promise<ScoredProgramRow[]> {
  const rows = await searchProgramsQuery(db, filter, query, page)
  return rows.map((row) => ({ ...row.program, score: row.score }))
}

export async function countPrograms(db: Db, filter: ProgramFilter) {
  const [row] = await db.select({ n: count() }).from(programs).where(programConditions(filter))
  return row.n
}

const uuidArray = (ids: readonly string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`

/**
 * The first `page.limit + 1` matching programs of each parent in `parentIds`, in one statement:
 * a LATERAL subquery per parent walks its own index range and stops at the page size.
 * `belongs(parent)` is the condition tying a program to a parent (the SQL of `parents.id`).
 */
async function firstProgramsPerParent(
  db: Db,
  parentIds: readonly string[],
  belongs: (parent: SQL) => SQL,
  filter: ProgramFilter,
  page: Page,
): Promise<ProgramOfParentRow[]> {
  if (!parentIds.length) return []
  // Inside the subquery "programs"."programs" is the inner scan; outside it, the outer join.
  const picked = sql`(select parents.id as parent_id, picked.id from unnest(${uuidArray(parentIds)}) as parents(id)
    cross join lateral (
      select ${programs.id} as id from ${programs}
      where ${and(belongs(sql`parents.id`), programConditions(filter), keysetAfter(programOrder, page.after))}
      order by ${programs.name}, ${programs.id}
      limit ${page.limit + 1}
    ) as picked) as page`
  const rows = await db
    .select({ parentId: sql<string>`page.parent_id`, program: programs })
    .from(programs)
    .innerJoin(picked, sql`page.id = ${programs.id}`)
    .orderBy(...programOrder.map(asc))
  return rows.map((row) => ({ ...row.program, parentId: row.parentId }))
}

/** How many matching programs each parent has, in one statement. */
async function countProgramsPerParent(db: Db, parentIds: readonly string[], belongs: (parent: SQL) => SQL, filter: ProgramFilter) {
  if (!parentIds.length) return new Map<string, number>()
  const rows = await db.execute<{ parent_id: string; n: number }>(sql`
    select parents.id as parent_id,
      (select count(*)::int from ${programs} where ${and(belongs(sql`parents.id`), programConditions(filter))}) as n
    from unnest(${uuidArray(parentIds)}) as parents(id)`)
  return new Map(rows.map((row) => [row.parent_id, Number(row.n)]))
}

/** Provided or co-provided by the organisation. */
const ofOrganisation = (organisation: SQL) =>
  sql`(${programs.providerOrganisationId} = ${organisation} or ${programs.coProviderOrganisationIds} @> array[${organisation}])`

/** Delivered at the centre. */
const atCentre = (centre: SQL) =>
  sql`exists (select 1 from ${programCentres} where ${programCentres.programId} = ${programs.id} and ${programCentres.centreId} = ${centre})`

export const programsOfOrganisations = (db: Db, ids: readonly string[], filter: ProgramFilter, page: Page) =>
  firstProgramsPerParent(db, ids, ofOrganisation, filter, page)
export const countProgramsOfOrganisations = (db: Db, ids: readonly string[], filter: ProgramFilter) =>
  countProgramsPerParent(db, ids, ofOrganisation, filter)
export const programsAtCentres = (db: Db, ids: readonly string[], filter: ProgramFilter, page: Page) =>
  firstProgramsPerParent(db, ids, atCentre, filter, page)
export const countProgramsAtCentres = (db: Db, ids: readonly string[], filter: ProgramFilter) =>
  countProgramsPerParent(db, ids, atCentre, filter)

/** A centre as the One Visit brochure needs it: the area its residents live in. */
export interface CentreArea {
  centreId: string
  district: string
  dong: string | null
}

export type OneVisitRow = ProgramRow & { centreId: string; categoryTotal: number }

/**
 * The One Visit brochure of many centres in one statement: every ACTIVE program available to the
 * residents a centre serves (its service area covers the centre's dong or whole district, or it
 * has no area restriction) or delivered at the centre itself, the first `perCategory` of each
 * category by name, with each category's total.
 */
export async function oneVisitPrograms(db: Db, centres: readonly CentreArea[], perCategory: number): Promise<OneVisitRow[]> {
  if (!centres.length) return []
  const texts = (values: readonly (string | null)[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`
  const ranked = sql`(
    with centre as (
      select c.id, array['*', c.district, case when c.dong is null then c.district || '~' else c.district || '/' || c.dong end] as area_keys
      from unnest(${uuidArray(centres.map((c) => c.centreId))}, ${texts(centres.map((c) => c.district))}, ${texts(centres.map((c) => c.dong))})
        as c(id, district, dong)
    ),
    available as (
      select centre.id as centre_id, p.id, p.category, p.name
      from centre join ${programs} p on p.service_area_keys && centre.area_keys
      where p.status = 'ACTIVE'
      union
      select centre.id, p.id, p.category, p.name
      from centre join ${programCentres} pc on pc.centre_id = centre.id join ${programs} p on p.id = pc.program_id
      where p.status = 'ACTIVE'
    )
    select centre_id, id,
      row_number() over (partition by centre_id, category order by name, id) as rank,
      count(*) over (partition by centre_id, category) as total
    from available
  ) as ranked`
  const rows = await db
    .select({ centreId: sql<string>`ranked.centre_id`, total: sql<number>`ranked.total::int`, program: programs })
    .from(programs)
    .innerJoin(ranked, sql`ranked.id = ${programs.id}`)
    // One row per category even when no program is asked for, so that totals still arrive.
    .where(sql`ranked.rank <= ${Math.max(perCategory, 1)}`)
    .orderBy(asc(programs.category), ...programOrder.map(asc))
  return rows.map((row) => ({ ...row.program, centreId: row.centreId, categoryTotal: Number(row.total) }))
}

/** The centres of each program (ids only: centres belong to the centres subgraph). */
export function centresOfPrograms(db: Db, programIds: readonly string[]) {
  return db
    .select()
    .from(programCentres)
    .where(inArray(programCentres.programId, [...programIds]))
    .orderBy(asc(programCentres.programId), asc(programCentres.centreId))
}

const DAY_ORDER = sql`array_position(enum_range(null::programs.day_of_week), ${programSessions.day})`

/** The weekly sessions of each program, Monday first. */
export function sessionsOfPrograms(db: Db, programIds: readonly string[]) {
  return db
    .select()
    .from(programSessions)
    .where(inArray(programSessions.programId, [...programIds]))
    .orderBy(asc(programSessions.programId), DAY_ORDER, asc(programSessions.opens))
}

export async function insertPrograms(db: Db, rows: NewProgramRow[]) {
  if (rows.length) await db.insert(programs).values(rows).onConflictDoNothing()
}

export async function insertProgramCentres(db: Db, rows: (typeof programCentres.$inferInsert)[]) {
  if (rows.length) await db.insert(programCentres).values(rows).onConflictDoNothing()
}

export async function insertProgramSessions(db: Db, rows: (typeof programSessions.$inferInsert)[]) {
  if (rows.length) await db.insert(programSessions).values(rows).onConflictDoNothing()
}

export type ProgramChanges = Partial<Omit<NewProgramRow, 'id' | 'providerOrganisationId' | 'createdAt' | 'updatedAt'>>
export interface ProgramLinks {
  centreIds?: readonly string[]
  sessions?: readonly Omit<typeof programSessions.$inferInsert, 'programId'>[]
}

/** Creates a program with its centres and sessions, all or nothing. */
export function createProgram(db: Db, row: NewProgramRow & { id: string }, links: ProgramLinks) {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(programs).values(row).returning()
    await replaceLinks(tx as unknown as Db, row.id, links)
    return created
  })
}

/** Applies changes to a program (and replaces centres/sessions when given), all or nothing; null when it is gone. */
export function updateProgram(db: Db, id: string, changes: ProgramChanges, links: ProgramLinks): Promise<ProgramRow | null> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(programs)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(programs.id, id))
      .returning()
    if (!updated) return null
    await replaceLinks(tx as unknown as Db, id, links)
    return updated
  })
}

async function replaceLinks(db: Db, programId: string, links: ProgramLinks) {
  if (links.centreIds) {
    await db.delete(programCentres).where(eq(programCentres.programId, programId))
    await insertProgramCentres(db, [...new Set(links.centreIds)].map((centreId) => ({ programId, centreId })))
  }
  if (links.sessions) {
    await db.delete(programSessions).where(eq(programSessions.programId, programId))
    await insertProgramSessions(db, links.sessions.map((session) => ({ programId, ...session })))
  }
}

/**
 * Sets capacity (and seats taken) in one conditional UPDATE, so that a concurrent enrolment can
 * never leave more seats taken than places: no row comes back when the new capacity would be
 * below the seats taken at that moment.
 */
export async function setProgramCapacity(db: Db, id: string, capacity: number | null, seatsTaken: number | undefined) {
  const seats = seatsTaken ?? programs.seatsTaken
  const [updated] = await db
    .update(programs)
    .set({ capacity, ...(seatsTaken != null ? { seatsTaken } : {}), updatedAt: sql`now()` })
    .where(and(eq(programs.id, id), capacity == null ? undefined : sql`${seats} <= ${capacity}`))
    .returning()
  return updated ?? null
}
