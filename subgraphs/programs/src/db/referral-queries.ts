import { and, count, desc, eq, inArray, or, sql } from 'drizzle-orm'
import { countPerGroup, firstPerGroup, keysetAfter, type Database } from '@nanum/db'
import type { CursorKey, Page } from '@nanum/subgraph-kit'
import {
  enrollments,
  programs,
  referrals,
  referralTransitions,
  type EnrollmentRow,
  type EnrollmentStatus,
  type ProgramRow,
  type ReferralRow,
  type ReferralStatus,
} from './tables.js'

type Db = Database['db']
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

const referralOrder = [referrals.sentAt, referrals.id]
export const referralCursor = (row: ReferralRow): CursorKey => [row.sentAt.toISOString(), row.id]

export function referralsByIds(db: Db, ids: readonly string[]) {
  return db.select().from(referrals).where(inArray(referrals.id, [...ids]))
}

export function transitionsOfReferrals(db: Db, ids: readonly string[]) {
  return db.select().from(referralTransitions).where(inArray(referralTransitions.referralId, [...ids])).orderBy(referralTransitions.at, referralTransitions.id)
}

export interface ReferralListFilter {
  status?: ReferralStatus[] | null
  urgency?: ReferralRow['urgency'][] | null
  programId?: string | null
  /** Only referrals this organisation sent or received. */
  involvingOrganisationId?: string | null
}

/** Referrals received (`to`) or sent (`from`) by one organisation, newest first. */
export function referralsOfOrganisation(db: Db, side: 'to' | 'from', organisationId: string, filter: ReferralListFilter, page: Page) {
  return db
    .select()
    .from(referrals)
    .where(and(organisationCondition(side, organisationId), statusCondition(filter), keysetAfter(referralOrder, page.after, 'desc')))
    .orderBy(desc(referrals.sentAt), desc(referrals.id))
    .limit(page.limit + 1)
}

export async function countReferralsOfOrganisation(db: Db, side: 'to' | 'from', organisationId: string, filter: ReferralListFilter) {
  const [row] = await db.select({ n: count() }).from(referrals).where(and(organisationCondition(side, organisationId), statusCondition(filter)))
  return row.n
}

const organisationCondition = (side: 'to' | 'from', organisationId: string) =>
  side === 'to' ? eq(referrals.toOrganisationId, organisationId) : eq(referrals.fromOrganisationId, organisationId)
const statusCondition = (filter: ReferralListFilter) =>
  and(
    filter.status?.length ? inArray(referrals.status, filter.status) : undefined,
    filter.urgency?.length ? inArray(referrals.urgency, filter.urgency) : undefined,
    filter.programId ? eq(referrals.programId, filter.programId) : undefined,
    filter.involvingOrganisationId ? or(eq(referrals.fromOrganisationId, filter.involvingOrganisationId), eq(referrals.toOrganisationId, filter.involvingOrganisationId)) : undefined,
  )

/** Writes a new referral and its first transition (to SENT); null when a referral with its id exists. */
export function insertReferral(db: Db, row: typeof referrals.$inferInsert, note: string | null): Promise<ReferralRow | null> {
  return db.transaction(async (tx) => {
    const [referral] = await tx.insert(referrals).values(row).onConflictDoNothing({ target: referrals.id }).returning()
    if (!referral) return null
    await tx.insert(referralTransitions).values({
      referralId: referral.id,
      fromStatus: null,
      toStatus: 'SENT',
      byUserId: row.fromUserId,
      byOrganisationId: row.fromOrganisationId,
      note,
      at: referral.sentAt,
    })
    return referral
  })
}

/** Writes referrals with their recorded history as they are (demo data); rows whose id is already there are skipped. */
export async function insertReferralsWithHistory(db: Db, rows: (typeof referrals.$inferInsert)[], history: (typeof referralTransitions.$inferInsert)[]) {
  await db.transaction(async (tx) => {
    await tx.insert(referrals).values(rows).onConflictDoNothing()
    await tx.insert(referralTransitions).values(history).onConflictDoNothing()
  })
}

export interface TransitionWrite {
  from: ReferralStatus
  to: ReferralStatus
  byUserId: string | null
  byOrganisationId: string | null
  note: string | null
}

/**
 * Moves a referral from one status to the next only if it is still in the first (a conditional
 * update, so two staff answering at once cannot both succeed), recording the transition.
 * Null when the referral had moved on.
 */
export async function transitionReferral(tx: Tx | Db, id: string, change: TransitionWrite): Promise<ReferralRow | null> {
  const [updated] = await tx
    .update(referrals)
    .set({ status: change.to, updatedAt: sql`now()`, ...(change.to === 'ACCEPTED' ? { acceptedAt: sql`now()` } : {}) })
    .where(and(eq(referrals.id, id), eq(referrals.status, change.from)))
    .returning()
  if (!updated) return null
  await tx.insert(referralTransitions).values({
    referralId: id,
    fromStatus: change.from,
    toStatus: change.to,
    byUserId: change.byUserId,
    byOrganisationId: change.byOrganisationId,
    note: change.note,
    at: updated.updatedAt,
  })
  return updated
}

export const inTransaction = <T>(db: Db, work: (tx: Tx) => Promise<T>) => db.transaction(work)

/**
 * Every SENT referral whose answer time has passed at `now` becomes EXPIRED, with its transition,
 * in one statement. Run lazily before referrals are read or changed, and by `expireReferrals`.
 */
export async function expireDueReferrals(db: Db, clock: Date, note: string): Promise<string[]> {
  // Raw SQL binds text: the instant goes as ISO text, cast once.
  const now = sql`${clock.toISOString()}::timestamptz`
  const rows = await db.execute<{ referral_id: string }>(sql`
    with expired as (
      update programs.referrals set status = 'EXPIRED', updated_at = ${now}
      where status = 'SENT' and expires_at <= ${now}
      returning id
    )
    insert into programs.referral_transitions (referral_id, from_status, to_status, note, at)
    select id, 'SENT', 'EXPIRED', ${note}, ${now} from expired
    returning referral_id`)
  return [...rows].map((row) => row.referral_id)
}

// ---------------------------------------------------------------------------------------------
// Enrollments

export function enrollmentsByIds(db: Db, ids: readonly string[]) {
  return db.select().from(enrollments).where(inArray(enrollments.id, [...ids]))
}

/** A household's ACTIVE enrollments in a category (any organisation): the duplicate-service check. */
export function activeEnrollmentsInCategory(db: Db, householdId: string, category: ProgramRow['category']) {
  return db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.householdId, householdId), eq(enrollments.category, category), eq(enrollments.status, 'ACTIVE')))
    .orderBy(enrollments.startsOn, enrollments.id)
}

export type SeatResult = { ok: true; enrollment: EnrollmentRow } | { ok: false; reason: 'NO_FREE_SEAT' | 'REFERRAL_MOVED_ON' }

class Rollback extends Error {
  constructor(readonly reason: 'NO_FREE_SEAT' | 'REFERRAL_MOVED_ON') {
    super(reason)
  }
}

/**
 * Enrolls a household, taking one seat. The seat is taken by one conditional update — it succeeds
 * only while `seats_taken < capacity` at the moment PostgreSQL applies it, with the row locked —
 * so however many staff enroll at once, capacity is never exceeded (the check constraint on
 * `programs` would refuse it anyway). A referral the enrollment answers moves to ENROLLED in the
 * same transaction.
 */
export async function enrollWithSeat(
  db: Db,
  row: typeof enrollments.$inferInsert,
  referralTransition: TransitionWrite | null,
): Promise<SeatResult> {
  try {
    const enrollment = await db.transaction(async (tx) => {
      const taken = await tx
        .update(programs)
        .set({ seatsTaken: sql`${programs.seatsTaken} + 1`, updatedAt: sql`now()` })
        .where(and(eq(programs.id, row.programId), eq(programs.status, 'ACTIVE'), sql`(${programs.capacity} is null or ${programs.seatsTaken} < ${programs.capacity})`))
        .returning({ id: programs.id })
      if (!taken.length) throw new Rollback('NO_FREE_SEAT')
      const [inserted] = await tx.insert(enrollments).values(row).returning()
      if (referralTransition && row.referralId && !(await transitionReferral(tx, row.referralId, referralTransition))) throw new Rollback('REFERRAL_MOVED_ON')
      return inserted
    })
    return { ok: true, enrollment }
  } catch (error) {
    if (error instanceof Rollback) return { ok: false, reason: error.reason }
    throw error
  }
}

/** Ends an ACTIVE enrollment and frees its seat (and completes the referral it answered), or null when it was no longer ACTIVE. */
export async function endEnrollment(
  db: Db,
  id: string,
  status: Exclude<EnrollmentStatus, 'ACTIVE'>,
  endsOn: string,
  referralTransition: TransitionWrite | null,
): Promise<EnrollmentRow | null> {
  return db.transaction(async (tx) => {
    const [ended] = await tx
      .update(enrollments)
      .set({ status, endsOn, updatedAt: sql`now()` })
      .where(and(eq(enrollments.id, id), eq(enrollments.status, 'ACTIVE')))
      .returning()
    if (!ended) return null
    await tx
      .update(programs)
      .set({ seatsTaken: sql`greatest(${programs.seatsTaken} - 1, 0)`, updatedAt: sql`now()` })
      .where(eq(programs.id, ended.programId))
    if (referralTransition && ended.referralId) await transitionReferral(tx, ended.referralId, referralTransition)
    return ended
  })
}


// ---------------------------------------------------------------------------------------------
// Nested lists (Household.referrals, Program.referrals, Household.enrollments, Program.enrollments):
// one statement per batch of parents, newest first.

export type ReferralParent = 'householdId' | 'programId'
export const enrollmentCursor = (row: EnrollmentRow): CursorKey => [row.startsOn, row.id]

export function referralsOfParents(db: Db, parent: ReferralParent, keys: readonly string[], filter: ReferralListFilter, page: Page) {
  return firstPerGroup(db, { table: referrals, id: referrals.id, group: referrals[parent], keys, order: referralOrder, direction: 'desc', where: statusCondition(filter), page })
}

export function countReferralsOfParents(db: Db, parent: ReferralParent, keys: readonly string[], filter: ReferralListFilter) {
  return countPerGroup<string>(db, { table: referrals, group: referrals[parent], keys, where: statusCondition(filter) })
}

export interface EnrollmentListFilter {
  status?: EnrollmentStatus[] | null
  /** Only enrollments with this serving organisation. */
  involvingOrganisationId?: string | null
}

const enrollmentOrder = [enrollments.startsOn, enrollments.id]
const enrollmentStatusCondition = (filter: EnrollmentListFilter) =>
  and(
    filter.status?.length ? inArray(enrollments.status, filter.status) : undefined,
    filter.involvingOrganisationId ? eq(enrollments.organisationId, filter.involvingOrganisationId) : undefined,
  )

export function enrollmentsOfParents(db: Db, parent: ReferralParent, keys: readonly string[], filter: EnrollmentListFilter, page: Page) {
  return firstPerGroup(db, { table: enrollments, id: enrollments.id, group: enrollments[parent], keys, order: enrollmentOrder, direction: 'desc', where: enrollmentStatusCondition(filter), page })
}

export function countEnrollmentsOfParents(db: Db, parent: ReferralParent, keys: readonly string[], filter: EnrollmentListFilter) {
  return countPerGroup<string>(db, { table: enrollments, group: enrollments[parent], keys, where: enrollmentStatusCondition(filter) })
}

// ---------------------------------------------------------------------------------------------
// Metrics

export type MetricsGrouping = 'ORGANISATION' | 'SENDING_ORGANISATION' | 'PROGRAM' | 'MONTH'

export interface ReferralMetricsRow {
  key: string
  sent: number
  accepted: number
  declined: number
  completed: number
  medianHoursToAcceptance: number | null
}

/**
 * Referrals sent in [from, to), grouped by receiving or sending organisation, program or month of sending
 * (Asia/Seoul, UTC+9 without daylight saving), with the median time from sending to acceptance.
 * `organisationId` limits them to referrals that organisation sent or received.
 */
export async function referralMetrics(db: Db, range: { from: Date; to: Date }, groupBy: MetricsGrouping, organisationId: string | null): Promise<ReferralMetricsRow[]> {
  // Grouped by the column itself (read in order from its index, no sort of text keys), formatted after.
  const month = sql`date_trunc('month', sent_at + interval '9 hours')`
  const [group, key] =
    groupBy === 'ORGANISATION'
      ? [sql`to_organisation_id`, sql`to_organisation_id::text`]
      : groupBy === 'SENDING_ORGANISATION'
        ? [sql`from_organisation_id`, sql`from_organisation_id::text`]
        : groupBy === 'PROGRAM'
          ? [sql`program_id`, sql`program_id::text`]
          : [month, sql`to_char(${month}, 'YYYY-MM')`]
  const scope = organisationId ? sql`and (from_organisation_id = ${organisationId}::uuid or to_organisation_id = ${organisationId}::uuid)` : sql``
  const rows = await db.execute<{ key: string; sent: string; accepted: string; declined: string; completed: string; median_seconds: string | null }>(sql`
    select ${key} as key,
      count(*) as sent,
      count(accepted_at) as accepted,
      count(*) filter (where status = 'DECLINED') as declined,
      count(*) filter (where status = 'COMPLETED') as completed,
      percentile_cont(0.5) within group (order by extract(epoch from accepted_at - sent_at)) filter (where accepted_at is not null) as median_seconds
    from programs.referrals
    where sent_at >= ${range.from.toISOString()}::timestamptz and sent_at < ${range.to.toISOString()}::timestamptz ${scope}
    group by ${group}
    order by ${group}`)
  return [...rows].map((row) => ({
    key: row.key,
    sent: Number(row.sent),
    accepted: Number(row.accepted),
    declined: Number(row.declined),
    completed: Number(row.completed),
    medianHoursToAcceptance: row.median_seconds == null ? null : Math.round((Number(row.median_seconds) / 3600) * 100) / 100,
  }))
}

// ---------------------------------------------------------------------------------------------
// Eligibility

/** A household's facts as the eligibility query takes them; null: unknown (never filters). */
export interface EligibilityKey {
  householdId: string
  ages: number[] | null
  band: string | null
  flags: string[] | null
  areaKeys: string[] | null
  /** Only this organisation's programs; null: every provider's. */
  providerId: string | null
}

/** Programs no rule of which fails for the household (unknown facts do not filter), per household, in one statement. */
function eligibleCondition() {
  return sql`p.status = 'ACTIVE'
    and (h.ages is null or (p.min_age is null and p.max_age is null)
      or exists (select 1 from unnest(h.ages) a where a >= coalesce(p.min_age, 0) and a <= coalesce(p.max_age, 1000)))
    and (h.band is null or p.max_income_band is null or h.band::programs.income_band <= p.max_income_band)
    and (h.flags is null or p.required_household_flags <@ h.flags::programs.vulnerability_flag[])
    and (h.area_keys is null or not p.residency_required or p.service_area_keys && h.area_keys)
    and (h.provider_id is null or p.provider_organisation_id = h.provider_id)`
}

const householdsRecordset = (keys: readonly EligibilityKey[]) =>
  sql`jsonb_to_recordset(${JSON.stringify(keys.map((k) => ({ household_id: k.householdId, ages: k.ages, band: k.band, flags: k.flags, area_keys: k.areaKeys, provider_id: k.providerId })))}::jsonb)
    as h(household_id text, ages int[], band text, flags text[], area_keys text[], provider_id uuid)`

export async function eligibleProgramsOf(db: Db, keys: readonly EligibilityKey[], page: Page): Promise<(ProgramRow & { parentId: string })[]> {
  const after = page.after ? sql`and (p.name, p.id) > (${page.after[0]}, ${page.after[1]}::uuid)` : sql``
  const rows = await db.execute<{ parent_id: string; id: string }>(sql`
    select h.household_id as parent_id, e.id from ${householdsRecordset(keys)}
    cross join lateral (
      select p.id, p.name from programs.programs p where ${eligibleCondition()} ${after}
      order by p.name, p.id limit ${page.limit + 1}
    ) e
    order by h.household_id, e.name, e.id`)
  const ids = [...new Set([...rows].map((row) => row.id))]
  const programsById = new Map((ids.length ? await db.select().from(programs).where(inArray(programs.id, ids)) : []).map((p) => [p.id, p]))
  return [...rows].map((row) => ({ ...programsById.get(row.id)!, parentId: row.parent_id }))
}

export async function countEligibleProgramsOf(db: Db, keys: readonly EligibilityKey[]): Promise<Map<string, number>> {
  const rows = await db.execute<{ parent_id: string; n: string }>(sql`
    select h.household_id as parent_id, (select count(*) from programs.programs p where ${eligibleCondition()}) as n
    from ${householdsRecordset(keys)}`)
  return new Map([...rows].map((row) => [row.parent_id, Number(row.n)]))
}
