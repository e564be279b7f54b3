import { and, arrayContains, asc, count, eq, inArray, lte, type SQL } from 'drizzle-orm'
import { countPerGroup, firstPerGroup, keysetAfter, rankWithin, type Database } from '@nanum/db'
import type { Page } from '@nanum/subgraph-kit'
import { programCentres, programs, type ProgramRow } from './tables.js'

type Db = Database['db']

export interface ProgramFilter {
  category?: ProgramRow['category'] | null
  lifeStage?: ProgramRow['lifeStages'][number] | null
  providerId?: string | null
  centreId?: string | null
  status?: ProgramRow['status'] | null
}

/** A program reached through one of its centres: the centre is the connection's parent. */
export type ProgramAtCentreRow = ProgramRow & { centreId: string }

const programOrder = [programs.name, programs.id]

function programConditions(db: Db, filter: ProgramFilter): SQL | undefined {
  return and(
    filter.category ? eq(programs.category, filter.category) : undefined,
    filter.lifeStage ? arrayContains(programs.lifeStages, [filter.lifeStage]) : undefined,
    filter.providerId ? eq(programs.providerOrganisationId, filter.providerId) : undefined,
    filter.centreId
      ? inArray(programs.id, db.select({ id: programCentres.programId }).from(programCentres).where(eq(programCentres.centreId, filter.centreId)))
      : undefined,
    filter.status ? eq(programs.status, filter.status) : undefined,
  )
}

export const programCursor = (row: ProgramRow) => [row.name, row.id]

export function programsByIds(db: Db, ids: readonly string[]) {
  return db.select().from(programs).where(inArray(programs.id, [...ids]))
}

export function listPrograms(db: Db, filter: ProgramFilter, page: Page) {
  return db
    .select()
    .from(programs)
    .where(and(programConditions(db, filter), keysetAfter(programOrder, page.after)))
    .orderBy(...programOrder.map(asc))
    .limit(page.limit + 1)
}

export async function countPrograms(db: Db, filter: ProgramFilter) {
  const [row] = await db.select({ n: count() }).from(programs).where(programConditions(db, filter))
  return row.n
}

/** The centres of each program (ids only: centres belong to the centres subgraph). */
export function centresOfPrograms(db: Db, programIds: readonly string[]) {
  return db
    .select()
    .from(programCentres)
    .where(inArray(programCentres.programId, [...programIds]))
    .orderBy(asc(programCentres.programId), asc(programCentres.centreId))
}

/** The first `page.limit + 1` programs of each provider, in one statement. */
export const programsOfProviders = (db: Db, organisationIds: readonly string[], page: Page) =>
  firstPerGroup(db, { table: programs, id: programs.id, group: programs.providerOrganisationId, keys: organisationIds, order: programOrder, page })

export const countProgramsOfProviders = (db: Db, organisationIds: readonly string[]) =>
  countPerGroup(db, { table: programs, group: programs.providerOrganisationId, keys: organisationIds })

/** The first `page.limit + 1` programs delivered at each centre, in one statement. */
export async function programsAtCentres(db: Db, centreIds: readonly string[], page: Page): Promise<ProgramAtCentreRow[]> {
  const ranked = db
    .select({
      programId: programCentres.programId,
      centreId: programCentres.centreId,
      rank: rankWithin(programCentres.centreId, programOrder).as('rank'),
    })
    .from(programCentres)
    .innerJoin(programs, eq(programs.id, programCentres.programId))
    .where(and(inArray(programCentres.centreId, [...centreIds]), keysetAfter(programOrder, page.after)))
    .as('ranked')
  return db
    .select({ centreId: ranked.centreId, program: programs })
    .from(programs)
    .innerJoin(ranked, eq(ranked.programId, programs.id))
    .where(lte(ranked.rank, page.limit + 1))
    .orderBy(...programOrder.map(asc))
    .then((rows) => rows.map((row) => ({ ...row.program, centreId: row.centreId })))
}

export const countProgramsAtCentres = (db: Db, centreIds: readonly string[]) =>
  countPerGroup(db, { table: programCentres, group: programCentres.centreId, keys: centreIds })

export async function insertPrograms(db: Db, rows: (typeof programs.$inferInsert)[]) {
  if (rows.length) await db.insert(programs).values(rows).onConflictDoNothing()
}

export async function insertProgramCentres(db: Db, rows: (typeof programCentres.$inferInsert)[]) {
  if (rows.length) await db.insert(programCentres).values(rows).onConflictDoNothing()
}
