/**
 * Referrals and enrollments at 100,000 referrals: `npm run bench:referrals`.
 * Starts the embedded database (or uses BENCH_DATABASE_URL, which must be an empty database),
 * migrates, generates 4,000 programs of 200 providers, then 100,000 referrals from 200 sending
 * organisations for 20,000 households over the last 12 months, with their transitions and the
 * enrollments of the ENROLLED and COMPLETED ones. Prints p50/p95 of what the referral fields run
 * (the lazy expiry before every read, inbox pages, household lists in one batch, metrics),
 * seat-taking enrollments under contention, and the plans PostgreSQL picks.
 */
import postgres from 'postgres'
import { and, asc, count, eq, inArray, isNull, sql as sqlText } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/postgres-js'
import type { Database } from '@nanum/db'
import { seededRandom, type SeededRandom } from '@nanum/demo'
import type { Page } from '@nanum/subgraph-kit'
import * as referralQueries from '../src/db/referral-queries.js'
import { enrollments, programs, referrals, referralTransitions, type ReferralStatus } from '../src/db/tables.js'
import { generatePrograms } from '../src/generate.js'
import { openBenchDatabase, percentile } from './bench-database.js'
import { expiryFrom, referralExpiryDays } from '../src/rules/referral-lifecycle.js'

type Db = Database['db']
type NewReferral = typeof referrals.$inferInsert & { id: string }
type NewTransition = typeof referralTransitions.$inferInsert
type NewEnrollment = typeof enrollments.$inferInsert

const REFERRALS = 100_000
const PROGRAMS = 4_000
const RECEIVING_ORGANISATIONS = 200
const SENDING_ORGANISATIONS = 200
const HOUSEHOLDS = 20_000
const BATCH = 1000
const DAY = 86_400_000
const YEAR = 365 * DAY
const EXPIRY_DAYS = referralExpiryDays()
const EXPIRY_NOTE = `No answer within ${EXPIRY_DAYS} days`
const FIRST: Page = { limit: 20, after: null }
/** The instant the data is generated for; the expiry is asked about it, so nothing is due at it. */
const NOW = new Date()

/** Younger referrals are still being answered; older ones have mostly reached a final status. */
const RECENT_MIX: [ReferralStatus, number][] = [['SENT', 0.5], ['ACCEPTED', 0.25], ['DECLINED', 0.1], ['ENROLLED', 0.1], ['CANCELLED', 0.05]]
const SETTLED_MIX: [ReferralStatus, number][] = [['COMPLETED', 0.4], ['DECLINED', 0.25], ['EXPIRED', 0.22], ['ENROLLED', 0.06], ['CANCELLED', 0.05], ['ACCEPTED', 0.02]]
const REASONS = ['방문간호 필요', '긴급 주거 지원 요청', 'Needs food support', 'Counselling after bereavement', '어르신 안부 확인 요청', 'Re-employment training']

const idOf = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
const receivingOrganisations = Array.from({ length: RECEIVING_ORGANISATIONS }, (_, i) => idOf('30000000', i))
const sendingOrganisations = Array.from({ length: SENDING_ORGANISATIONS }, (_, i) => idOf('31000000', i))
const households = Array.from({ length: HOUSEHOLDS }, (_, i) => idOf('40000000', i))


/** A date in Asia/Seoul (UTC+9, no daylight saving), as enrollments store them. */
const seoulDate = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10)
const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9)

async function timed(runs: number, work: (run: number) => PromiseLike<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    await work(run)
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)
}

function report(label: string, sorted: number[], note = '') {
  console.log(`  ${label.padEnd(58)} n=${String(sorted.length).padEnd(4)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}${note ? `  ${note}` : ''}`)
}

/** Runs `insert` on consecutive slices of at most BATCH rows. */
async function inBatches<T>(rows: T[], insert: (batch: T[]) => PromiseLike<unknown>) {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH))
}

interface ProgramFacts {
  id: string
  providerOrganisationId: string
  category: (typeof programs.$inferSelect)['category']
}

/**
 * One referral with the transitions that led to its status and, once the household was enrolled,
 * its enrollment. Times respect the lifecycle: answered before expiry, enrolled after acceptance.
 */
function referralWithHistory(rng: SeededRandom, program: ProgramFacts) {
  const now = NOW.getTime()
  const age = rng.next() * YEAR
  const sentAt = now - age
  const status = age < EXPIRY_DAYS * DAY ? rng.weighted(RECENT_MIX) : rng.weighted(SETTLED_MIX)
  const fromOrganisationId = rng.pick(sendingOrganisations)
  const fromUserId = `user-${fromOrganisationId.slice(-4)}-${rng.int(20)}`
  const receiverUserId = `user-${program.providerOrganisationId.slice(-4)}-${rng.int(20)}`
  const answeredAt = sentAt + rng.next() ** 2 * Math.min(age, EXPIRY_DAYS * DAY)
  const accepted = status === 'ACCEPTED' || status === 'ENROLLED' || status === 'COMPLETED'
  const startsAt = answeredAt + rng.next() * Math.min(7 * DAY, now - answeredAt)
  const endsAt = startsAt + rng.next() * (now - startsAt)
  const referral: NewReferral = {
    id: rng.uuid(),
    householdId: rng.pick(households),
    programId: program.id,
    fromOrganisationId,
    fromUserId,
    toOrganisationId: program.providerOrganisationId,
    reason: rng.pick(REASONS),
    urgency: rng.weighted([['ROUTINE', 0.7], ['SOON', 0.2], ['URGENT', 0.1]]),
    status,
    consentUntil: new Date(sentAt + YEAR),
    sentAt: new Date(sentAt),
    expiresAt: expiryFrom(new Date(sentAt), EXPIRY_DAYS),
    acceptedAt: accepted ? new Date(answeredAt) : null,
    updatedAt: new Date(sentAt),
  }
  const transitions: NewTransition[] = [
    { referralId: referral.id, fromStatus: null, toStatus: 'SENT', byUserId: fromUserId, byOrganisationId: fromOrganisationId, at: referral.sentAt },
  ]
  const move = (from: ReferralStatus, to: ReferralStatus, at: number, bySender = false) => {
    transitions.push({
      referralId: referral.id,
      fromStatus: from,
      toStatus: to,
      byUserId: bySender ? fromUserId : to === 'EXPIRED' ? null : receiverUserId,
      byOrganisationId: bySender ? fromOrganisationId : to === 'EXPIRED' ? null : program.providerOrganisationId,
      note: to === 'EXPIRED' ? EXPIRY_NOTE : null,
      at: new Date(at),
    })
    referral.updatedAt = new Date(at)
  }
  let enrollment: NewEnrollment | null = null
  if (status === 'DECLINED') move('SENT', 'DECLINED', answeredAt)
  if (status === 'CANCELLED') move('SENT', 'CANCELLED', answeredAt, true)
  if (status === 'EXPIRED') move('SENT', 'EXPIRED', referral.expiresAt.getTime())
  if (accepted) move('SENT', 'ACCEPTED', answeredAt)
  if (status === 'ENROLLED' || status === 'COMPLETED') {
    move('ACCEPTED', 'ENROLLED', startsAt)
    enrollment = {
      householdId: referral.householdId,
      programId: program.id,
      category: program.category,
      organisationId: program.providerOrganisationId,
      referralId: referral.id,
      status: status === 'COMPLETED' ? 'COMPLETED' : 'ACTIVE',
      startsOn: seoulDate(startsAt),
      endsOn: status === 'COMPLETED' ? seoulDate(endsAt) : null,
      enrolledByUserId: receiverUserId,
      createdAt: new Date(startsAt),
      updatedAt: new Date(status === 'COMPLETED' ? endsAt : startsAt),
    }
  }
  if (status === 'COMPLETED') move('ENROLLED', 'COMPLETED', endsAt)
  return { referral, transitions, enrollment }
}

async function seed(db: Db) {
  const rng = seededRandom(7)
  await generatePrograms(db, { programs: PROGRAMS, centreIds: [], organisationIds: receivingOrganisations, seed: 1, batchSize: BATCH })
  const programFacts: ProgramFacts[] = await db
    .select({ id: programs.id, providerOrganisationId: programs.providerOrganisationId, category: programs.category })
    .from(programs)
    .orderBy(programs.id)
  for (let start = 0; start < REFERRALS; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, REFERRALS - start) }, () => referralWithHistory(rng, rng.pick(programFacts)))
    await db.insert(referrals).values(batch.map((row) => row.referral))
    await inBatches(
      batch.flatMap((row) => row.transitions),
      (rows) => db.insert(referralTransitions).values(rows),
    )
    await inBatches(
      batch.flatMap((row) => (row.enrollment ? [row.enrollment] : [])),
      (rows) => db.insert(enrollments).values(rows),
    )
  }
}

/**
 * The statements a query function sends, as text and parameters: a second connection with
 * postgres.js's `debug` hook, so the plans shown are of exactly what the subgraph runs, also for
 * functions that build their SQL inside and return only a promise.
 */
function statementRecorder(url: string) {
  let recorded: { text: string; params: unknown[] }[] = []
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { search_path: 'programs' },
    debug: (_connection, text, params) => {
      if (!text.trimStart().startsWith('select b.oid, b.typarray')) recorded.push({ text, params: [...params] })
    },
  })
  const db: Db = drizzle(client)
  return {
    async statementsOf(work: (db: Db) => PromiseLike<unknown>) {
      recorded = []
      await work(db)
      return recorded
    },
    close: () => client.end({ timeout: 5 }),
  }
}

class RolledBack extends Error {}

/** `'{<50 uuids>}'` in a plan line becomes `'{50 ids}'`: the plan stays readable, its shape unchanged. */
const shortenIdLists = (line: string) => line.replace(/'\{(?:[0-9a-f-]{36},){3,}[0-9a-f-]{36}\}'/g, (list) => `'{${list.split(',').length} ids}'`)

/** EXPLAIN ANALYZE runs the statement, so it runs in a transaction that is rolled back: an UPDATE leaves nothing behind. */
async function explain(sql: postgres.Sql, title: string, statements: { text: string; params: unknown[] }[]) {
  for (const { text, params } of statements) {
    let plan: postgres.Row[] = []
    await sql
      .begin(async (tx) => {
        plan = await tx.unsafe(`explain (analyze, costs off, timing off, summary off) ${text}`, params as never[])
        throw new RolledBack()
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error
      })
    console.log(`\nEXPLAIN ANALYZE ${title}:`)
    for (const row of plan) console.log(`  ${shortenIdLists(row['QUERY PLAN'])}`)
  }
}

async function main() {
  // The subgraph's own pool size (openDatabase's default), so concurrent enrollments contend as in production.
  const bench = await openBenchDatabase({ max: 10 })
  const { url, embedded } = bench
  const { db, sql } = bench.database
  console.log(`database: ${embedded ? 'embedded (PGlite)' : 'PostgreSQL server'}; referral expiry ${EXPIRY_DAYS} days`)

  let started = performance.now()
  await seed(db)
  const seedSeconds = (performance.now() - started) / 1000
  started = performance.now()
  // Autovacuum would have run after 100,000 inserts; without it index-only scans visit the heap.
  for (const table of ['programs', 'referrals', 'referral_transitions', 'enrollments']) await sql.unsafe(`vacuum analyze programs.${table}`)
  console.log(`seeded in ${seedSeconds.toFixed(1)} s, vacuum analyze ${((performance.now() - started) / 1000).toFixed(1)} s`)

  const byStatus = await db.select({ status: referrals.status, n: count() }).from(referrals).groupBy(referrals.status).orderBy(referrals.status)
  const enrollmentsByStatus = await db.select({ status: enrollments.status, n: count() }).from(enrollments).groupBy(enrollments.status).orderBy(enrollments.status)
  const [{ n: transitionCount }] = await db.select({ n: count() }).from(referralTransitions)
  const perInbox = (await db.select({ n: count() }).from(referrals).groupBy(referrals.toOrganisationId)).map((row) => row.n).sort((a, b) => a - b)
  const perHousehold = (await db.select({ n: count() }).from(referrals).groupBy(referrals.householdId)).map((row) => row.n).sort((a, b) => a - b)
  console.log(`referrals: ${byStatus.map((row) => `${row.status} ${row.n}`).join(', ')}`)
  console.log(`enrollments: ${enrollmentsByStatus.map((row) => `${row.status} ${row.n}`).join(', ')}; transitions: ${transitionCount}; programs: ${PROGRAMS}`)
  console.log(`referrals per receiving organisation (${perInbox.length}): min ${perInbox[0]}, median ${percentile(perInbox, 50)}, max ${perInbox.at(-1)}`)
  console.log(`referrals per household (${perHousehold.length}): min ${perHousehold[0]}, median ${percentile(perHousehold, 50)}, max ${perHousehold.at(-1)}`)

  // 1. The expiry every referral read runs first.
  console.log('\nexpireDueReferrals')
  const nothingDue = await timed(50, async () => {
    const expired = await referralQueries.expireDueReferrals(db, NOW, EXPIRY_NOTE)
    if (expired.length) throw new Error(`expected nothing due at ${NOW.toISOString()}, ${expired.length} expired`)
  })
  report('nothing due', nothingDue)
  // Ask about a later instant: the one at which the 1,000 soonest SENT referrals are due.
  const [thousandth] = await db
    .select({ expiresAt: referrals.expiresAt })
    .from(referrals)
    .where(eq(referrals.status, 'SENT'))
    .orderBy(asc(referrals.expiresAt))
    .offset(999)
    .limit(1)
  let expiredCount = 0
  const thousandDue = await timed(1, async () => {
    expiredCount = (await referralQueries.expireDueReferrals(db, thousandth.expiresAt, EXPIRY_NOTE)).length
  })
  const ahead = (thousandth.expiresAt.getTime() - NOW.getTime()) / DAY
  report('~1,000 due (clock moved to the 1,000th SENT expiry)', thousandDue, `${expiredCount} expired, clock ${ahead.toFixed(1)} days ahead`)

  // 2. Inbox pages of 50 receiving organisations.
  console.log('\nreferralInbox (referralsOfOrganisation "to", 50 organisations, first 20)')
  const inboxes = receivingOrganisations.slice(0, 50)
  const toAnswer: ReferralStatus[] = ['SENT', 'ACCEPTED']
  const firstPages = new Map<string, Awaited<ReturnType<typeof referralQueries.referralsOfOrganisation>>>()
  report('page 1, no filter', await timed(inboxes.length, async (i) => firstPages.set(inboxes[i], await referralQueries.referralsOfOrganisation(db, 'to', inboxes[i], { status: null }, FIRST))))
  report('page 1, status SENT or ACCEPTED', await timed(inboxes.length, (i) => referralQueries.referralsOfOrganisation(db, 'to', inboxes[i], { status: toAnswer }, FIRST)))
  report('totalCount, no filter', await timed(inboxes.length, (i) => referralQueries.countReferralsOfOrganisation(db, 'to', inboxes[i], { status: null })))
  report('totalCount, status SENT or ACCEPTED', await timed(inboxes.length, (i) => referralQueries.countReferralsOfOrganisation(db, 'to', inboxes[i], { status: toAnswer })))
  const secondPage = (organisationId: string): Page => ({ limit: FIRST.limit, after: referralQueries.referralCursor(firstPages.get(organisationId)![FIRST.limit - 1]) })
  report('page 2 (after the cursor of row 20), no filter', await timed(inboxes.length, (i) => referralQueries.referralsOfOrganisation(db, 'to', inboxes[i], { status: null }, secondPage(inboxes[i]))))

  // 3. Household lists, 50 households a batch (what the loaders send for one request).
  console.log('\nHousehold.referrals / Household.enrollments (one batch of 50 households, first 20 each; 20 batches)')
  const pickHouseholds = seededRandom(11)
  const batches = Array.from({ length: 20 }, () => Array.from({ length: 50 }, () => pickHouseholds.pick(households)).filter((id, i, all) => all.indexOf(id) === i))
  const involving: string[] = []
  const rowCounts = { referrals: 0, enrollments: 0, involving: 0 }
  report(
    'referralsOfParents',
    await timed(batches.length, async (i) => {
      const rows = await referralQueries.referralsOfParents(db, 'householdId', batches[i], { status: null }, FIRST)
      rowCounts.referrals += rows.length
      // The filter a caseworker of an organisation that dealt with one of these households gets.
      involving[i] = rows[0].fromOrganisationId
    }),
    `${(rowCounts.referrals / batches.length).toFixed(0)} rows a batch`,
  )
  report('countReferralsOfParents', await timed(batches.length, (i) => referralQueries.countReferralsOfParents(db, 'householdId', batches[i], { status: null })))
  const serving: string[] = []
  report(
    'enrollmentsOfParents',
    await timed(batches.length, async (i) => {
      const rows = await referralQueries.enrollmentsOfParents(db, 'householdId', batches[i], { status: null }, FIRST)
      rowCounts.enrollments += rows.length
      // Enrollments involve their serving organisation only.
      serving[i] = rows[0]?.organisationId ?? receivingOrganisations[i]
    }),
    `${(rowCounts.enrollments / batches.length).toFixed(0)} rows a batch`,
  )
  report('countEnrollmentsOfParents', await timed(batches.length, (i) => referralQueries.countEnrollmentsOfParents(db, 'householdId', batches[i], { status: null })))
  report(
    'referralsOfParents, involvingOrganisationId',
    await timed(batches.length, async (i) => {
      rowCounts.involving += (await referralQueries.referralsOfParents(db, 'householdId', batches[i], { involvingOrganisationId: involving[i] }, FIRST)).length
    }),
    `${(rowCounts.involving / batches.length).toFixed(1)} rows a batch`,
  )
  report('countReferralsOfParents, involvingOrganisationId', await timed(batches.length, (i) => referralQueries.countReferralsOfParents(db, 'householdId', batches[i], { involvingOrganisationId: involving[i] })))
  report('enrollmentsOfParents, involvingOrganisationId', await timed(batches.length, (i) => referralQueries.enrollmentsOfParents(db, 'householdId', batches[i], { involvingOrganisationId: serving[i] }, FIRST)))
  report('countEnrollmentsOfParents, involvingOrganisationId', await timed(batches.length, (i) => referralQueries.countEnrollmentsOfParents(db, 'householdId', batches[i], { involvingOrganisationId: serving[i] })))

  // 4. Metrics over the last 12 months.
  console.log('\nreferralMetrics (12 months)')
  const range = { from: new Date(NOW.getTime() - YEAR), to: NOW }
  const scopeOrganisation = receivingOrganisations[0]
  for (const groupBy of ['ORGANISATION', 'SENDING_ORGANISATION', 'PROGRAM', 'MONTH'] as const) {
    for (const organisationId of [null, scopeOrganisation]) {
      let groups = 0
      const times = await timed(5, async () => {
        groups = (await referralQueries.referralMetrics(db, range, groupBy, organisationId)).length
      })
      report(`${groupBy}${organisationId ? ', one organisation' : ''}`, times, `${groups} groups`)
    }
  }

  // 5. Enrollments taking seats.
  console.log('\nenrollWithSeat')
  const contended = await db
    .insert(programs)
    .values(
      Array.from({ length: 20 }, (_, i) => ({
        name: `Bench seats ${i + 1}`,
        description: 'Five seats, ten households asking for them at once',
        category: 'HEALTHCARE' as const,
        providerOrganisationId: receivingOrganisations[i],
        capacity: 5,
      })),
    )
    .returning({ id: programs.id, providerOrganisationId: programs.providerOrganisationId, category: programs.category })
  started = performance.now()
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) => {
      const program = contended[i % contended.length]
      return referralQueries.enrollWithSeat(
        db,
        {
          householdId: households[i],
          programId: program.id,
          category: program.category,
          organisationId: program.providerOrganisationId,
          referralId: null,
          startsOn: seoulDate(NOW.getTime()),
          enrolledByUserId: 'bench',
        },
        null,
      )
    }),
  )
  const wall = performance.now() - started
  const succeeded = results.filter((result) => result.ok).length
  const contendedIds = contended.map((program) => program.id)
  const [{ seats }] = await db.select({ seats: sqlText<number>`sum(${programs.seatsTaken})::int` }).from(programs).where(inArray(programs.id, contendedIds))
  const [{ n: enrolled }] = await db.select({ n: count() }).from(enrollments).where(inArray(enrollments.programId, contendedIds))
  console.log(
    `  200 concurrent into 20 programs of 5 seats (pool of 10): ${succeeded} enrolled, ${results.length - succeeded} NO_FREE_SEAT; ` +
      `wall ${wall.toFixed(0)} ms, ${((succeeded / wall) * 1000).toFixed(0)} enrollments/s (${((results.length / wall) * 1000).toFixed(0)} attempts/s); ` +
      `seats_taken ${seats}, enrollment rows ${enrolled}`,
  )
  if (succeeded !== 100 || seats !== 100 || enrolled !== 100) throw new Error(`capacity broken: expected exactly 100 enrollments, got ${succeeded} (seats_taken ${seats}, rows ${enrolled})`)

  // Enrolling from an ACCEPTED referral, as enrollHousehold does: seat, enrollment, referral to ENROLLED and its transition.
  const accepted = await db
    .select({ referral: referrals, category: programs.category })
    .from(referrals)
    .innerJoin(programs, eq(programs.id, referrals.programId))
    .where(and(eq(referrals.status, 'ACCEPTED'), eq(programs.status, 'ACTIVE'), isNull(programs.capacity)))
    .orderBy(referrals.id)
    .limit(500)
  const outcomes = new Map<string, number>()
  const sequential = await timed(accepted.length, async (i) => {
    const { referral, category } = accepted[i]
    const result = await referralQueries.enrollWithSeat(
      db,
      {
        householdId: referral.householdId,
        programId: referral.programId,
        category,
        organisationId: referral.toOrganisationId,
        referralId: referral.id,
        startsOn: seoulDate(NOW.getTime()),
        enrolledByUserId: 'bench',
      },
      { from: 'ACCEPTED', to: 'ENROLLED', byUserId: 'bench', byOrganisationId: referral.toOrganisationId, note: null },
    )
    const outcome = result.ok ? 'enrolled' : result.reason
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
  })
  report('sequential, from ACCEPTED referrals (programs without capacity)', sequential, [...outcomes].map(([outcome, n]) => `${n} ${outcome}`).join(', '))

  // Plans of exactly the statements the subgraph sends.
  const recorder = statementRecorder(url)
  const inbox = inboxes[0]
  const household = batches[0]
  const inboxSize = await referralQueries.countReferralsOfOrganisation(db, 'to', inbox, { status: null })
  await explain(sql, `inbox page 1 (an organisation with ${inboxSize} referrals)`, await recorder.statementsOf((db) => referralQueries.referralsOfOrganisation(db, 'to', inbox, { status: null }, FIRST)))
  await explain(sql, 'inbox page 1, status SENT or ACCEPTED', await recorder.statementsOf((db) => referralQueries.referralsOfOrganisation(db, 'to', inbox, { status: toAnswer }, FIRST)))
  await explain(sql, 'expireDueReferrals, nothing due', await recorder.statementsOf((db) => referralQueries.expireDueReferrals(db, NOW, EXPIRY_NOTE)))
  await explain(sql, 'referralsOfParents, 50 households', await recorder.statementsOf((db) => referralQueries.referralsOfParents(db, 'householdId', household, { status: null }, FIRST)))
  await explain(sql, 'referralsOfParents, 50 households, involvingOrganisationId', await recorder.statementsOf((db) => referralQueries.referralsOfParents(db, 'householdId', household, { involvingOrganisationId: involving[0] }, FIRST)))
  await explain(sql, 'enrollmentsOfParents, 50 households', await recorder.statementsOf((db) => referralQueries.enrollmentsOfParents(db, 'householdId', household, { status: null }, FIRST)))
  await explain(sql, 'referralMetrics by ORGANISATION, 12 months', await recorder.statementsOf((db) => referralQueries.referralMetrics(db, range, 'ORGANISATION', null)))
  await explain(sql, 'referralMetrics by MONTH, one organisation', await recorder.statementsOf((db) => referralQueries.referralMetrics(db, range, 'MONTH', scopeOrganisation)))
  await recorder.close()

  console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB${embedded ? ' (this process, the embedded database included)' : ' (this process)'}`)
  await bench.close()
}

await main()
