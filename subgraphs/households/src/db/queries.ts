import { and, asc, count, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { countPerGroup, firstPerGroup, keysetAfter, type Database } from '@nanum/db'
import type { CursorKey, Page } from '@nanum/subgraph-kit'
import type { AccessFacts } from '../rules/access.js'
import {
  accessAudit,
  consents,
  consultationNotes,
  householdMembers,
  households,
  reassignments,
  referralAccess,
  statusChanges,
  visits,
  vulnerabilityFlag,
  type ConsentPurpose,
  type HouseholdMemberRow,
  type HouseholdRow,
  type HouseholdStatus,
  type ReferralAccessRow,
} from './tables.js'

type Db = Database['db']

export interface HouseholdFilter {
  district?: string | null
  dong?: string | null
  status?: HouseholdRow['status'] | null
  incomeBand?: HouseholdRow['incomeBand'] | null
  flag?: HouseholdRow['vulnerabilityFlags'][number] | null
  handlingCentreId?: string | null
}

/** The rows a caller may list (see rules/access.ts `householdListScope`); always part of the WHERE clause. */
export interface HouseholdScope {
  handlingOrganisationId: string
  onlyWithOpenVisitOf?: { userId: string; organisationId: string } | null
}

/** Who is asking: the access facts are computed for this user and organisation. */
export interface Reader {
  userId: string
  organisationId: string
}

export type HouseholdWithFacts = HouseholdRow & Omit<AccessFacts, 'handlingOrganisationId'>

const flagArrayType = sql.raw(`"${vulnerabilityFlag.schema}"."${vulnerabilityFlag.enumName}"[]`)

/** The outer row's id, qualified: drizzle renders a bare column unqualified, which a subquery would rebind. */
const outerHouseholdId = sql.raw('"households"."id"')

const openVisitOf = (householdId: SQL, reader: Reader) =>
  sql`exists (select 1 from households.visits v where v.household_id = ${householdId} and v.assignee_user_id = ${reader.userId}
    and v.assignee_organisation_id = ${reader.organisationId}::uuid and v.completed_at is null)`

/**
 * The facts the access rule needs, computed in the same statement as the households themselves
 * (correlated subqueries served by the consents and open-visits indexes), so that deciding access
 * for any number of households costs no extra query.
 */
function accessFactColumns(reader: Reader) {
  return {
    consentsForCaller: sql<AccessFacts['consentsForCaller']>`coalesce((
      select json_agg(json_build_object('purposes', c.purposes, 'categories', c.categories, 'expiresAt', c.expires_at))
      from households.consents c
      where c.household_id = ${outerHouseholdId} and c.organisation_id = ${reader.organisationId}::uuid
        and c.revoked_at is null and c.expires_at > now()), '[]'::json)`.as('consents_for_caller'),
    hasOpenVisitAssignedToCaller: sql<boolean>`${openVisitOf(outerHouseholdId, reader)}`.as('has_open_visit'),
    // A grant lasts only while the sender's REFERRAL consent does: revoking it ends the grant at once.
    hasActiveReferralForCaller: sql<boolean>`exists (select 1 from households.referral_access r where r.household_id = ${outerHouseholdId}
      and r.organisation_id = ${reader.organisationId}::uuid and r.ended_at is null and r.until > now()
      and exists (select 1 from households.consents c where c.household_id = r.household_id
        and c.organisation_id = r.granted_by_organisation_id and 'REFERRAL' = any(c.purposes)
        and c.revoked_at is null and c.expires_at > now()))`.as('has_active_referral'),
  }
}

function selectHouseholds(db: Db, reader: Reader) {
  // Selecting the table as one nested object keeps drizzle's row mapping (dates, arrays).
  return db.select({ household: households, ...accessFactColumns(reader) }).from(households)
}

const withFacts = (
  rows: { household: HouseholdRow; consentsForCaller: AccessFacts['consentsForCaller']; hasOpenVisitAssignedToCaller: boolean; hasActiveReferralForCaller: boolean }[],
) =>
  rows.map(
    (row): HouseholdWithFacts => ({
      ...row.household,
      consentsForCaller: row.consentsForCaller,
      hasOpenVisitAssignedToCaller: row.hasOpenVisitAssignedToCaller,
      hasActiveReferralForCaller: row.hasActiveReferralForCaller,
    }),
  )

function householdConditions(scope: HouseholdScope, filter: HouseholdFilter): SQL | undefined {
  return and(
    eq(households.handlingOrganisationId, scope.handlingOrganisationId),
    scope.onlyWithOpenVisitOf ? openVisitOf(outerHouseholdId, scope.onlyWithOpenVisitOf) : undefined,
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

export async function householdsByIds(db: Db, ids: readonly string[], reader: Reader): Promise<HouseholdWithFacts[]> {
  return withFacts(await selectHouseholds(db, reader).where(inArray(households.id, [...ids])))
}

export async function listHouseholds(db: Db, scope: HouseholdScope, filter: HouseholdFilter, page: Page, reader: Reader) {
  return withFacts(
    await selectHouseholds(db, reader)
      .where(and(householdConditions(scope, filter), keysetAfter([households.createdAt, households.id], page.after, 'desc')))
      .orderBy(desc(households.createdAt), desc(households.id))
      .limit(page.limit + 1),
  )
}

export async function countHouseholds(db: Db, scope: HouseholdScope, filter: HouseholdFilter) {
  const [row] = await db.select({ n: count() }).from(households).where(householdConditions(scope, filter))
  return row.n
}

/**
 * Households of an organisation in MONITORING whose next visit date has passed, or that nobody has
 * met for `days` days (counting from entering MONITORING when never visited).
 */
function overdueConditions(organisationId: string, days: number) {
  return and(
    eq(households.handlingOrganisationId, organisationId),
    eq(households.status, 'MONITORING'),
    or(
      lt(households.nextVisitDue, sql`current_date`),
      sql`coalesce(${households.lastVisitedAt}, ${households.statusChangedAt}) < now() - make_interval(days => ${days}::int)`,
    ),
  )
}

export async function listOverdueMonitoring(db: Db, organisationId: string, days: number, page: Page, reader: Reader) {
  return withFacts(
    await selectHouseholds(db, reader)
      .where(and(overdueConditions(organisationId, days), keysetAfter([households.createdAt, households.id], page.after, 'desc')))
      .orderBy(desc(households.createdAt), desc(households.id))
      .limit(page.limit + 1),
  )
}

export async function countOverdueMonitoring(db: Db, organisationId: string, days: number) {
  const [row] = await db.select({ n: count() }).from(households).where(overdueConditions(organisationId, days))
  return row.n
}

/** Members of many households in one statement: head first (enum order), then by age. */
export function membersOfHouseholds(db: Db, householdIds: readonly string[]): Promise<HouseholdMemberRow[]> {
  return db
    .select()
    .from(householdMembers)
    .where(inArray(householdMembers.householdId, [...householdIds]))
    .orderBy(asc(householdMembers.householdId), asc(householdMembers.relation), asc(householdMembers.birthYear), asc(householdMembers.id))
}

/** Inserts households; each gets a fresh random `reference` unless one is given. */
export async function insertHouseholds(db: Db, rows: (typeof households.$inferInsert)[]) {
  // Only an id conflict is skipped (demo data re-seeded); a reference clash must fail loudly.
  if (rows.length) await db.insert(households).values(rows).onConflictDoNothing({ target: households.id })
}

export async function insertHouseholdMembers(db: Db, rows: (typeof householdMembers.$inferInsert)[]) {
  if (rows.length) await db.insert(householdMembers).values(rows).onConflictDoNothing({ target: householdMembers.id })
}

export async function insertConsents(db: Db, rows: (typeof consents.$inferInsert)[]) {
  if (rows.length) await db.insert(consents).values(rows).onConflictDoNothing({ target: consents.id })
}

export async function insertVisits(db: Db, rows: (typeof visits.$inferInsert)[]) {
  if (rows.length) await db.insert(visits).values(rows).onConflictDoNothing({ target: visits.id })
}

export async function insertStatusChanges(db: Db, rows: (typeof statusChanges.$inferInsert)[]) {
  if (rows.length) await db.insert(statusChanges).values(rows).onConflictDoNothing({ target: statusChanges.id })
}

/** The household registered under a duplicate key, with the reader's access facts. */
export async function householdByDuplicateKey(db: Db, key: string, reader: Reader): Promise<HouseholdWithFacts | null> {
  const rows = withFacts(await selectHouseholds(db, reader).where(eq(households.duplicateKey, key)))
  return rows[0] ?? null
}

export interface NewHousehold {
  household: typeof households.$inferInsert & { id: string }
  members: (typeof householdMembers.$inferInsert)[]
  firstStatusChange: Omit<typeof statusChanges.$inferInsert, 'householdId'>
}

/**
 * Registers a household, its members and the first entry of its status history in one
 * transaction. Returns false when the duplicate key is taken (a concurrent report won): the unique
 * index, not the earlier check, is what guarantees one registration.
 */
export async function registerHousehold(db: Db, input: NewHousehold): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(households).values(input.household).onConflictDoNothing({ target: households.duplicateKey }).returning({ id: households.id })
    if (!inserted.length) return false
    if (input.members.length) await tx.insert(householdMembers).values(input.members)
    await tx.insert(statusChanges).values({ ...input.firstStatusChange, householdId: input.household.id })
    return true
  })
}

/**
 * Moves a case from `from` to `to` and records the change, in one transaction. Returns false when
 * the case is no longer in `from` (someone changed it first): nothing is written then.
 */
export async function changeStatus(
  db: Db,
  change: { householdId: string; from: HouseholdStatus; to: HouseholdStatus; reason: string; userId: string; organisationId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(households)
      .set({ status: change.to, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(households.id, change.householdId), eq(households.status, change.from)))
      .returning({ id: households.id })
    if (!updated.length) return false
    await tx.insert(statusChanges).values({
      householdId: change.householdId,
      fromStatus: change.from,
      toStatus: change.to,
      reason: change.reason,
      changedByUserId: change.userId,
      changedByOrganisationId: change.organisationId,
    })
    return true
  })
}

/** Reassigns a case and records it; false when the case changed hands meanwhile. */
export async function reassign(db: Db, change: typeof reassignments.$inferInsert): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(households)
      .set({
        handlingCentreId: change.toCentreId,
        handlingOrganisationId: change.toOrganisationId,
        caseworkerUserId: change.toCaseworkerUserId ?? null,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(households.id, change.householdId),
          eq(households.handlingOrganisationId, change.fromOrganisationId),
          eq(households.handlingCentreId, change.fromCentreId),
          change.fromCaseworkerUserId ? eq(households.caseworkerUserId, change.fromCaseworkerUserId) : isNull(households.caseworkerUserId),
        ),
      )
      .returning({ id: households.id })
    if (!updated.length) return false
    await tx.insert(reassignments).values(change)
    return true
  })
}

export async function insertConsent(db: Db, row: typeof consents.$inferInsert) {
  const [consent] = await db.insert(consents).values(row).returning()
  return consent
}

export async function consentsByIds(db: Db, ids: readonly string[]) {
  return db.select().from(consents).where(inArray(consents.id, [...ids]))
}

/** Revokes a consent unless already revoked; returns the row, or null when it was revoked already. */
export async function revokeConsent(db: Db, id: string, userId: string, reason: string | null) {
  const [row] = await db
    .update(consents)
    .set({ revokedAt: sql`now()`, revokedByUserId: userId, revocationReason: reason })
    .where(and(eq(consents.id, id), isNull(consents.revokedAt)))
    .returning()
  return row ?? null
}

export async function insertVisit(db: Db, row: typeof visits.$inferInsert) {
  const [visit] = await db.insert(visits).values(row).returning()
  return visit
}

export function visitsByIds(db: Db, ids: readonly string[]) {
  return db.select().from(visits).where(inArray(visits.id, [...ids]))
}

/**
 * Records a visit's result and, when the household was met, when it was last visited and when
 * the next visit is due. Returns null when the visit was completed meanwhile.
 */
export async function completeVisit(
  db: Db,
  result: { visitId: string; householdId: string; completedAt: Date; observations: string; outcome: NonNullable<typeof visits.$inferSelect['outcome']>; nextVisitDate: string | null },
) {
  return db.transaction(async (tx) => {
    const [visit] = await tx
      .update(visits)
      .set({ completedAt: result.completedAt, observations: result.observations, outcome: result.outcome, nextVisitDate: result.nextVisitDate })
      .where(and(eq(visits.id, result.visitId), isNull(visits.completedAt)))
      .returning()
    if (!visit) return null
    const met = result.outcome !== 'NOT_AT_HOME' && result.outcome !== 'REFUSED_CONTACT'
    await tx
      .update(households)
      .set({
        ...(met ? { lastVisitedAt: sql`greatest(${households.lastVisitedAt}, ${result.completedAt.toISOString()}::timestamptz)` } : {}),
        ...(result.nextVisitDate ? { nextVisitDue: result.nextVisitDate } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(households.id, result.householdId))
    return visit
  })
}

/** Soonest first: keyset (scheduledFor, id) ascending. */
export const visitCursor = (row: typeof visits.$inferSelect): CursorKey => [row.scheduledFor.toISOString(), row.id]

function upcomingConditions(reader: Reader) {
  return and(eq(visits.assigneeUserId, reader.userId), eq(visits.assigneeOrganisationId, reader.organisationId), isNull(visits.completedAt))
}

export function upcomingVisitsOf(db: Db, reader: Reader, page: Page) {
  return db
    .select()
    .from(visits)
    .where(and(upcomingConditions(reader), keysetAfter([visits.scheduledFor, visits.id], page.after)))
    .orderBy(asc(visits.scheduledFor), asc(visits.id))
    .limit(page.limit + 1)
}

export async function countUpcomingVisitsOf(db: Db, reader: Reader) {
  const [row] = await db.select({ n: count() }).from(visits).where(upcomingConditions(reader))
  return row.n
}

export async function insertNote(db: Db, row: typeof consultationNotes.$inferInsert) {
  const [note] = await db.insert(consultationNotes).values(row).returning()
  return note
}

export async function insertAuditRows(db: Db, rows: (typeof accessAudit.$inferInsert)[]) {
  if (rows.length) await db.insert(accessAudit).values(rows)
}

/** Nested connections under many households: one statement for the rows, one for the counts. */
const nested = {
  statusHistory: { table: statusChanges, id: statusChanges.id, group: statusChanges.householdId, order: [statusChanges.changedAt, statusChanges.id], direction: 'asc' },
  reassignments: { table: reassignments, id: reassignments.id, group: reassignments.householdId, order: [reassignments.changedAt, reassignments.id], direction: 'asc' },
  visits: { table: visits, id: visits.id, group: visits.householdId, order: [visits.scheduledFor, visits.id], direction: 'desc' },
  consents: { table: consents, id: consents.id, group: consents.householdId, order: [consents.grantedAt, consents.id], direction: 'desc' },
  notes: { table: consultationNotes, id: consultationNotes.id, group: consultationNotes.householdId, order: [consultationNotes.createdAt, consultationNotes.id], direction: 'desc' },
  auditTrail: { table: accessAudit, id: accessAudit.id, group: accessAudit.householdId, order: [accessAudit.occurredAt, accessAudit.id], direction: 'desc' },
} as const

export type NestedList = keyof typeof nested

export function nestedPage(db: Db, list: NestedList, householdIds: readonly string[], page: Page, where?: SQL) {
  const spec = nested[list]
  return firstPerGroup(db, { table: spec.table, id: spec.id, group: spec.group, keys: householdIds, order: spec.order, direction: spec.direction, where, page }) as Promise<any[]>
}

export function nestedCounts(db: Db, list: NestedList, householdIds: readonly string[], where?: SQL) {
  const spec = nested[list]
  return countPerGroup<string>(db, { table: spec.table, group: spec.group, keys: householdIds, where })
}

/** Notes the reader's organisation wrote (the rest are private to their writers). */
export const notesWrittenBy = (organisationId: string) => eq(consultationNotes.organisationId, organisationId)

/** Keyset of nested lists: (instant, id). */
export const instantCursor = (instant: Date, id: string): CursorKey => [instant.toISOString(), id]

export interface Period {
  from: Date
  /** Exclusive. */
  to: Date
}

export interface AreaPeriod extends Period {
  district: string
  dong?: string | null
}

const inArea = (area: AreaPeriod) => and(eq(households.district, area.district), area.dong ? eq(households.dong, area.dong) : undefined)

/** Outreach statistics of an area and period: four grouped statements, whatever the area's size. */
export async function outreachStatistics(db: Db, area: AreaPeriod) {
  const [discovered, transitions, visitRoles] = await Promise.all([
    db
      .select({ source: households.discoverySource, n: count() })
      .from(households)
      .where(and(inArea(area), gte(households.discoveredAt, area.from), lt(households.discoveredAt, area.to)))
      .groupBy(households.discoverySource)
      .orderBy(households.discoverySource),
    db
      .select({ status: statusChanges.toStatus, n: sql<number>`count(distinct ${statusChanges.householdId})::int` })
      .from(statusChanges)
      .innerJoin(households, eq(households.id, statusChanges.householdId))
      .where(and(inArea(area), gte(statusChanges.changedAt, area.from), lt(statusChanges.changedAt, area.to)))
      .groupBy(statusChanges.toStatus),
    db
      .select({ role: visits.visitorRole, n: count() })
      .from(visits)
      .innerJoin(households, eq(households.id, visits.householdId))
      .where(and(inArea(area), gte(visits.completedAt, area.from), lt(visits.completedAt, area.to)))
      .groupBy(visits.visitorRole)
      .orderBy(visits.visitorRole),
  ])
  return { discovered, transitions, visitRoles }
}

/** Per handling centre: open cases by status, and visits completed in the period by role. */
export async function centreOutreach(db: Db, centreIds: readonly string[], period: Period) {
  const [cases, visitRoles] = await Promise.all([
    db
      .select({ centreId: households.handlingCentreId, status: households.status, n: count() })
      .from(households)
      .where(inArray(households.handlingCentreId, [...centreIds]))
      .groupBy(households.handlingCentreId, households.status)
      .orderBy(households.status),
    db
      .select({ centreId: households.handlingCentreId, role: visits.visitorRole, n: count() })
      .from(visits)
      .innerJoin(households, eq(households.id, visits.householdId))
      .where(and(inArray(households.handlingCentreId, [...centreIds]), gte(visits.completedAt, period.from), lt(visits.completedAt, period.to)))
      .groupBy(households.handlingCentreId, visits.visitorRole)
      .orderBy(visits.visitorRole),
  ])
  return { cases, visitRoles }
}

export type { ConsentPurpose }

export async function referralAccessById(db: Db, referralId: string): Promise<ReferralAccessRow | null> {
  const [row] = await db.select().from(referralAccess).where(eq(referralAccess.referralId, referralId))
  return row ?? null
}

export async function insertReferralAccess(db: Db, row: typeof referralAccess.$inferInsert): Promise<ReferralAccessRow | null> {
  const [inserted] = await db.insert(referralAccess).values(row).onConflictDoNothing({ target: referralAccess.referralId }).returning()
  return inserted ?? null
}

/** Moves an unended grant's end (capped by its consent), or ends it; null when it had ended. */
export async function changeReferralAccess(db: Db, referralId: string, change: { until: Date } | { end: true }): Promise<ReferralAccessRow | null> {
  const [row] = await db
    .update(referralAccess)
    .set('end' in change ? { endedAt: sql`now()` } : { until: sql`least(${change.until.toISOString()}::timestamptz, ${referralAccess.consentUntil})` })
    .where(and(eq(referralAccess.referralId, referralId), isNull(referralAccess.endedAt)))
    .returning()
  return row ?? null
}
