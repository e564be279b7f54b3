import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '@nanum/db'
import { authConfigFromEnv, createLogger, createTokenVerifier, serveSubgraph, type SubgraphServer } from '@nanum/subgraph-kit'
import { database, gql, newId, subgraphGql, subgraphUrl, tokenFor } from '../../../tests/helpers.js'
import { seedHouseholdConsentingTo } from '../../../tests/fixtures.js'
import { insertDonationItems, insertNeeds } from '../src/db/queries.js'
import { expireReservations } from '../src/db/writes.js'
import type { donationItems, needs } from '../src/db/tables.js'
import { donationsSubgraph } from '../src/subgraph.js'

const db = () => database('donations').db

async function seedItem(org: string, over: Partial<typeof donationItems.$inferInsert> = {}) {
  const id = newId()
  await insertDonationItems(db(), [
    { id, title: 'Stroller', category: 'STROLLER', condition: 'GOOD', heldAtCentreId: newId(), district: '세종시', dong: '보람동', intermediaryOrganisationId: org, ...over },
  ])
  return id
}

async function seedNeed(org: string, over: Partial<typeof needs.$inferInsert> = {}) {
  const id = newId()
  await insertNeeds(db(), [
    {
      id,
      householdId: over.householdId ?? (await seedHouseholdConsentingTo(org)),
      category: 'STROLLER',
      district: '세종시',
      dong: '보람동',
      vulnerabilityScore: 60,
      consentConfirmedAt: new Date(),
      consentUntil: new Date(Date.now() + 365 * 86_400_000),
      recordedByOrganisationId: org,
      recordedByUserId: 'test',
      ...over,
    },
  ])
  return id
}

const intermediary = (org: string) => tokenFor({ org, roles: ['INTERMEDIARY'] })

const LIST = `mutation ($input: ListDonationItemInput!) {
  listDonationItem(input: $input) {
    item { id title size quantity quantityAvailable status photoUrls district intermediary { id } individualDonor { displayName contact } }
    userErrors { code field message }
  }
}`
const ACCEPT = `mutation ($input: AcceptMatchInput!) {
  acceptMatch(input: $input) { match { id status quantity reservedUntil score } handoverCode userErrors { code field message } }
}`
const CONFIRM = `mutation ($input: ConfirmHandoverInput!) {
  confirmHandover(input: $input) { match { id status handedOverAt proxyName } userErrors { code field message } }
}`
const ITEM = `query ($id: ID!) {
  donationItem(id: $id) { id status quantity quantityAvailable events(first: 50) { totalCount edges { node { kind fromStatus toStatus quantity actorUserId actor { id } } } } }
}`
const NEED = `query ($id: ID!) { need(id: $id) { id status quantityOpen } }`

const validItem = { title: '아기 옷 90 (Baby clothes)', category: 'BABY_CLOTHING', condition: 'GOOD', size: '90', quantity: 3, heldAtCentreId: newId(), district: '세종시', dong: '보람동' }

describe('listDonationItem', () => {
  it('lists an item for the caller organisation, with an individual donor whose contact only its staff read', async () => {
    const org = newId()
    const token = await intermediary(org)
    const response = await subgraphGql(
      'donations',
      LIST,
      { input: { ...validItem, photoUrls: ['https://example.org/a.jpg'], individualDonor: { displayName: '세종맘 김OO', contact: '010-0000-0000' } } },
      { token },
    )
    expect(response.errors).toBeUndefined()
    const { item, userErrors } = response.data.listDonationItem
    expect(userErrors).toEqual([])
    expect(item).toMatchObject({ size: '90', quantity: 3, quantityAvailable: 3, status: 'AVAILABLE', intermediary: { id: org }, individualDonor: { contact: '010-0000-0000' } })
    const other = await subgraphGql('donations', `query ($id: ID!) { donationItem(id: $id) { individualDonor { displayName contact } } }`, { id: item.id }, { token: await intermediary(newId()) })
    expect(other.data.donationItem.individualDonor).toEqual({ displayName: '세종맘 김OO', contact: null })
    const history = await subgraphGql('donations', ITEM, { id: item.id }, { token })
    expect(history.data.donationItem.events.edges.map((e: any) => e.node.kind)).toEqual(['LISTED'])
  })

  const bad: [string, Record<string, unknown>, string[]][] = [
    ['an http photo URL', { photoUrls: ['http://example.org/a.jpg'] }, ['input', 'photoUrls', '0']],
    ['a size outside the convention', { size: 'M' }, ['input', 'size']],
    ['an inverted age range', { minAgeMonths: 24, maxAgeMonths: 12 }, ['input', 'maxAgeMonths']],
    ['an unknown district', { district: 'Atlantis' }, ['input', 'district']],
    ['a zero quantity', { quantity: 0 }, ['input', 'quantity']],
    ['a malformed centre id', { heldAtCentreId: 'centre-1' }, ['input', 'heldAtCentreId']],
    ['a date in the past', { availableUntil: '2020-01-01T00:00:00Z' }, ['input', 'availableUntil']],
  ]
  for (const [name, change, field] of bad)
    it(`refuses ${name}, naming the field, and writes nothing`, async () => {
      const title = `bad-${newId()}`
      const response = await subgraphGql('donations', LIST, { input: { ...validItem, title, ...change } }, { token: await intermediary(newId()) })
      expect(response.data.listDonationItem.item).toBeNull()
      expect(response.data.listDonationItem.userErrors[0]).toMatchObject({ code: 'INVALID_VALUE', field })
    })

  it('refuses anonymous callers and staff without an intermediary role', async () => {
    const anonymous = await subgraphGql('donations', LIST, { input: validItem })
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    const volunteer = await subgraphGql('donations', LIST, { input: validItem }, { token: await tokenFor({ org: newId(), roles: ['VOLUNTEER'] }) })
    expect(volunteer.data.listDonationItem.userErrors[0].code).toBe('NOT_ALLOWED')
  })
})

describe('managing items', () => {
  it('lets only the intermediary organisation update, clean and withdraw, recording each change', async () => {
    const org = newId()
    const item = await seedItem(org, { quantity: 2 })
    const token = await intermediary(org)
    const UPDATE = `mutation ($input: UpdateDonationItemInput!) { updateDonationItem(input: $input) { item { id title quantity quantityAvailable } userErrors { code field } } }`
    const stranger = await subgraphGql('donations', UPDATE, { input: { itemId: item, title: 'Mine now' } }, { token: await intermediary(newId()) })
    expect(stranger.data.updateDonationItem.userErrors).toEqual([{ code: 'NOT_ALLOWED', field: ['input', 'itemId'] }])
    const updated = await subgraphGql('donations', UPDATE, { input: { itemId: item, title: 'Twin stroller', quantity: 4 } }, { token })
    expect(updated.data.updateDonationItem.item).toMatchObject({ title: 'Twin stroller', quantity: 4, quantityAvailable: 4 })
    const cleaner = newId()
    const cleaned = await subgraphGql(
      'donations',
      `mutation ($input: RecordCleaningInput!) { recordCleaning(input: $input) { item { cleanedBy { id } cleanedAt inspectedAt } userErrors { code field } } }`,
      { input: { itemId: item, cleanedByOrganisationId: cleaner, cleanedAt: '2026-01-02T03:04:05.000Z' } },
      { token },
    )
    expect(cleaned.data.recordCleaning.item).toEqual({ cleanedBy: { id: cleaner }, cleanedAt: '2026-01-02T03:04:05.000Z', inspectedAt: null })
    const WITHDRAW = `mutation ($input: WithdrawDonationItemInput!) { withdrawDonationItem(input: $input) { item { status } userErrors { code field } } }`
    expect((await subgraphGql('donations', WITHDRAW, { input: { itemId: item, reason: 'broken wheel' } }, { token })).data.withdrawDonationItem.item.status).toBe('WITHDRAWN')
    expect((await subgraphGql('donations', WITHDRAW, { input: { itemId: item } }, { token })).data.withdrawDonationItem.userErrors[0].code).toBe('CONFLICT')
    const history = await subgraphGql('donations', ITEM, { id: item }, { token })
    expect(history.data.donationItem.events.edges.map((e: any) => e.node.kind)).toEqual(['UPDATED', 'CLEANED', 'WITHDRAWN'])
    expect(history.data.donationItem.events.edges[2].node.actor).toEqual({ id: org })
  })
})

describe('reservation and handover', () => {
  it('reserves, refuses a wrong code, hands over with the right one and records every step', async () => {
    const org = newId()
    const token = await intermediary(org)
    const item = await seedItem(org)
    const need = await seedNeed(org)
    const accepted = (await subgraphGql('donations', ACCEPT, { input: { itemId: item, needId: need, reservationHours: 24 } }, { token })).data.acceptMatch
    expect(accepted.userErrors).toEqual([])
    expect(accepted.handoverCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    expect(accepted.match.status).toBe('RESERVED')
    expect((await subgraphGql('donations', NEED, { id: need }, { token })).data.need).toMatchObject({ status: 'MATCHED', quantityOpen: 0 })

    const wrong = await subgraphGql('donations', CONFIRM, { input: { matchId: accepted.match.id, code: 'AAAA-AAAA' } }, { token })
    expect(wrong.data.confirmHandover).toEqual({ match: null, userErrors: [{ code: 'INVALID_VALUE', field: ['input', 'code'], message: expect.any(String) }] })
    const both = await subgraphGql('donations', CONFIRM, { input: { matchId: accepted.match.id, code: accepted.handoverCode, proxyName: 'Grandma' } }, { token })
    expect(both.data.confirmHandover.userErrors[0]).toMatchObject({ code: 'INVALID_VALUE', field: ['input', 'code'] })

    const stranger = await subgraphGql('donations', CONFIRM, { input: { matchId: accepted.match.id, code: accepted.handoverCode } }, { token: await intermediary(newId()) })
    expect(stranger.data.confirmHandover.userErrors[0].code).toBe('NOT_FOUND')

    const right = await subgraphGql('donations', CONFIRM, { input: { matchId: accepted.match.id, code: accepted.handoverCode.toLowerCase() } }, { token })
    expect(right.data.confirmHandover.userErrors).toEqual([])
    expect(right.data.confirmHandover.match.status).toBe('HANDED_OVER')
    const again = await subgraphGql('donations', CONFIRM, { input: { matchId: accepted.match.id, code: accepted.handoverCode } }, { token })
    expect(again.data.confirmHandover.userErrors[0].code).toBe('CONFLICT')

    expect((await subgraphGql('donations', NEED, { id: need }, { token })).data.need.status).toBe('FULFILLED')
    const events = (await subgraphGql('donations', ITEM, { id: item }, { token })).data.donationItem
    expect(events.status).toBe('HANDED_OVER')
    expect(events.events.edges.map((e: any) => [e.node.kind, e.node.fromStatus, e.node.toStatus])).toEqual([
      ['RESERVED', 'AVAILABLE', 'RESERVED'],
      ['HANDED_OVER', 'RESERVED', 'HANDED_OVER'],
    ])
  })

  it('schedules a pickup and accepts a proxy instead of the code', async () => {
    const org = newId()
    const token = await intermediary(org)
    const item = await seedItem(org)
    const need = await seedNeed(org)
    const accepted = (await subgraphGql('donations', ACCEPT, { input: { itemId: item, needId: need } }, { token })).data.acceptMatch
    const scheduled = await subgraphGql(
      'donations',
      `mutation ($input: ScheduleHandoverInput!) { scheduleHandover(input: $input) { match { status method scheduledAt reservedUntil } userErrors { code field } } }`,
      { input: { matchId: accepted.match.id, method: 'PICKUP', scheduledAt: new Date(Date.now() + 86_400_000).toISOString() } },
      { token },
    )
    expect(scheduled.data.scheduleHandover.match).toMatchObject({ status: 'ALLOCATED', method: 'PICKUP', reservedUntil: null })
    expect((await subgraphGql('donations', ITEM, { id: item }, { token })).data.donationItem.status).toBe('ALLOCATED')
    const proxy = await subgraphGql('donations', CONFIRM, { input: { matchId: accepted.match.id, proxyName: '할머니 (grandmother)' } }, { token })
    expect(proxy.data.confirmHandover.match).toMatchObject({ status: 'HANDED_OVER', proxyName: '할머니 (grandmother)' })
  })

  it('returns a lapsed reservation to AVAILABLE (with a fixed clock) so the next candidate can be offered', async () => {
    const org = newId()
    const token = await intermediary(org)
    const item = await seedItem(org)
    const [first, second] = [await seedNeed(org), await seedNeed(org)]
    const accepted = (await subgraphGql('donations', ACCEPT, { input: { itemId: item, needId: first, reservationHours: 1 } }, { token })).data.acceptMatch
    expect(accepted.userErrors).toEqual([])
    const taken = await subgraphGql('donations', ACCEPT, { input: { itemId: item, needId: second } }, { token })
    expect(taken.data.acceptMatch.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'itemId'] })

    // Before the expiry nothing lapses; two hours later the sweep returns the piece.
    expect(await expireReservations(db(), new Date(Date.now() + 30 * 60_000), { itemId: item })).toEqual({ expiredReservations: 0, expiredItems: 0 })
    expect(await expireReservations(db(), new Date(Date.now() + 2 * 3_600_000), { itemId: item })).toEqual({ expiredReservations: 1, expiredItems: 0 })
    const match = await subgraphGql('donations', `query ($id: ID!) { match(id: $id) { status } }`, { id: accepted.match.id }, { token })
    expect(match.data.match.status).toBe('EXPIRED')
    expect((await subgraphGql('donations', ITEM, { id: item }, { token })).data.donationItem).toMatchObject({ status: 'AVAILABLE', quantityAvailable: 1 })
    expect((await subgraphGql('donations', NEED, { id: first }, { token })).data.need).toMatchObject({ status: 'OPEN', quantityOpen: 1 })
    const late = await subgraphGql('donations', CONFIRM, { input: { matchId: accepted.match.id, code: accepted.handoverCode } }, { token })
    expect(late.data.confirmHandover.userErrors[0].code).toBe('CONFLICT')

    const next = await subgraphGql('donations', ACCEPT, { input: { itemId: item, needId: second } }, { token })
    expect(next.data.acceptMatch.userErrors).toEqual([])
  })

  it('expires items past their available-until date', async () => {
    const org = newId()
    const item = await seedItem(org, { availableUntil: new Date(Date.now() + 60_000) })
    expect(await expireReservations(db(), new Date(Date.now() + 120_000), { itemId: item })).toEqual({ expiredReservations: 0, expiredItems: 1 })
    const token = await intermediary(org)
    expect((await subgraphGql('donations', ITEM, { id: item }, { token })).data.donationItem.status).toBe('EXPIRED')
  })
})

describe('no double allocation', () => {
  it('lets exactly one of 100 concurrent reservations of the last piece win', async () => {
    const org = newId()
    const token = await intermediary(org)
    const item = await seedItem(org)
    const needIds = await Promise.all(Array.from({ length: 100 }, () => seedNeed(org)))
    const results = await Promise.all(needIds.map((needId) => subgraphGql('donations', ACCEPT, { input: { itemId: item, needId } }, { token })))
    for (const result of results) expect(result.errors).toBeUndefined()
    const winners = results.filter((result) => result.data.acceptMatch.match)
    const losers = results.filter((result) => !result.data.acceptMatch.match)
    expect(winners).toHaveLength(1)
    expect(losers).toHaveLength(99)
    for (const loser of losers) expect(loser.data.acceptMatch.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'itemId'] })
    const state = (await subgraphGql('donations', ITEM, { id: item }, { token })).data.donationItem
    expect(state).toMatchObject({ status: 'RESERVED', quantityAvailable: 0 })
    expect(state.events.totalCount).toBe(1)
  })

  it('splits an item of 5 pieces among 20 concurrent requests for 1 piece: exactly 5 win', async () => {
    const org = newId()
    const token = await intermediary(org)
    const item = await seedItem(org, { quantity: 5 })
    const needIds = await Promise.all(Array.from({ length: 20 }, () => seedNeed(org)))
    const results = await Promise.all(needIds.map((needId) => subgraphGql('donations', ACCEPT, { input: { itemId: item, needId } }, { token })))
    expect(results.filter((result) => result.data.acceptMatch.match)).toHaveLength(5)
    expect((await subgraphGql('donations', ITEM, { id: item }, { token })).data.donationItem.quantityAvailable).toBe(0)
  })

  it('keeps the count from going negative in the database itself', async () => {
    await expect(insertDonationItems(db(), [{ id: newId(), title: 'x', category: 'TOYS', condition: 'GOOD', heldAtCentreId: newId(), quantity: 1, quantityAvailable: -1 }])).rejects.toThrow()
    await expect(insertDonationItems(db(), [{ id: newId(), title: 'x', category: 'TOYS', condition: 'GOOD', heldAtCentreId: newId(), quantity: 1, quantityAvailable: 2 }])).rejects.toThrow()
  })
})

describe('matching through the subgraph', () => {
  it('suggests needs for an item with the score broken down, and runs a batch dry run then for real', async () => {
    const org = newId()
    const token = await intermediary(org)
    const centre = newId()
    const anyAge = await seedItem(org, { heldAtCentreId: centre, condition: 'NEW' })
    const infantOnly = await seedItem(org, { heldAtCentreId: centre, condition: 'NEW', maxAgeMonths: 6 })
    const toddler = await seedNeed(org, { childAgeMonths: 24, urgency: 'URGENT' })
    const infant = await seedNeed(org, { childAgeMonths: 3, urgency: 'URGENT', vulnerabilityScore: 90 })
    await seedNeed(org, { category: 'CRIB' })
    await seedNeed(newId(), { childAgeMonths: 3, urgency: 'URGENT', vulnerabilityScore: 100 }) // another organisation's

    const suggestions = await subgraphGql(
      'donations',
      `query ($id: ID!) { matchSuggestionsForItem(itemId: $id) { need { id } score { vulnerability urgency total } } }`,
      { id: infantOnly },
      { token },
    )
    expect(suggestions.errors).toBeUndefined()
    expect(suggestions.data.matchSuggestionsForItem).toEqual([{ need: { id: infant }, score: { vulnerability: 27, urgency: 20, total: expect.any(Number) } }])
    const forbidden = await subgraphGql('donations', `query ($id: ID!) { matchSuggestionsForItem(itemId: $id) { score { total } } }`, { id: infantOnly }, { token: await intermediary(newId()) })
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN')

    const BATCH = `mutation ($input: RunBatchMatchingInput!) {
      runBatchMatching(input: $input) { proposal { item { id } need { id } quantity score { total } } totalScore reserved { match { id status } handoverCode } userErrors { code field } }
    }`
    const dry = (await subgraphGql('donations', BATCH, { input: { centreId: centre } }, { token })).data.runBatchMatching
    expect(dry.proposal.map((p: any) => [p.item.id, p.need.id]).sort()).toEqual([[anyAge, toddler], [infantOnly, infant]].sort())
    expect(dry.totalScore).toBeCloseTo(dry.proposal.reduce((sum: number, p: any) => sum + p.score.total * p.quantity, 0), 6)
    expect(dry.reserved).toEqual([])
    expect((await subgraphGql('donations', ITEM, { id: anyAge }, { token })).data.donationItem.status).toBe('AVAILABLE')

    const real = (await subgraphGql('donations', BATCH, { input: { centreId: centre, dryRun: false } }, { token })).data.runBatchMatching
    expect(real.userErrors).toEqual([])
    expect(real.reserved.map((r: any) => r.match.status)).toEqual(['RESERVED', 'RESERVED'])
    expect((await subgraphGql('donations', NEED, { id: toddler }, { token })).data.need.status).toBe('MATCHED')
  })

  it('publishes the rules it applies', async () => {
    const response = await subgraphGql('donations', `{ matchingRules { hardConstraints { name } weights { vulnerability total } quotaPerPeriod categories { category sizes } suggestionRules { category fromMonths } } }`)
    expect(response.errors).toBeUndefined()
    const rules = response.data.matchingRules
    expect(rules.hardConstraints.map((c: any) => c.name)).toEqual(['CATEGORY', 'AGE', 'SIZE', 'ITEM_AVAILABLE', 'NEED_OPEN', 'CONSENT', 'SERVICE_AREA', 'QUOTA'])
    expect(rules.weights.total).toBe(100)
    expect(rules.categories.find((c: any) => c.category === 'BABY_CLOTHING').sizes).toContain('90')
  })
})

describe('recording a need needs the households subgraph to confirm consent', () => {
  let withHouseholds: SubgraphServer
  beforeAll(async () => {
    // A second donations server that knows where the households subgraph of this test run is.
    process.env.HOUSEHOLDS_URL = `${subgraphUrl('households')}/graphql`
    withHouseholds = await serveSubgraph(donationsSubgraph, {
      database: database('donations'),
      verifyToken: createTokenVerifier(authConfigFromEnv()),
      log: createLogger('donations-test', 'silent'),
    })
  })
  afterAll(async () => {
    delete process.env.HOUSEHOLDS_URL
    await withHouseholds?.stop()
  })

  const RECORD = `mutation ($input: RecordNeedInput!) { recordNeed(input: $input) { need { id } userErrors { code field message } } }`

  it('refuses a household the households subgraph does not confirm consent for, writing nothing', async () => {
    const org = newId()
    const householdId = newId()
    const response = await gql(RECORD, { input: { householdId, category: 'CAR_SEAT', childAgeMonths: 0, urgency: 'URGENT' } }, { token: await intermediary(org), url: withHouseholds.url })
    expect(response.errors).toBeUndefined()
    expect(response.data.recordNeed.need).toBeNull()
    expect(response.data.recordNeed.userErrors[0]).toMatchObject({ code: expect.stringMatching(/^(NOT_ALLOWED|NOT_FOUND)$/), field: ['input', 'householdId'] })
    const listed = await subgraphGql('donations', `query ($h: ID!) { needs(filter: { householdId: $h }) { totalCount } }`, { h: householdId }, { token: await intermediary(org) })
    expect(listed.data.needs.totalCount).toBe(0)
  })

  it('refuses bad input before asking anyone', async () => {
    const response = await gql(RECORD, { input: { householdId: 'nope', category: 'BABY_CLOTHING', size: 'XL', quantity: 0 } }, { token: await intermediary(newId()), url: withHouseholds.url })
    expect(response.data.recordNeed.userErrors.map((e: any) => e.field)).toEqual([
      ['input', 'householdId'],
      ['input', 'quantity'],
    ])
  })

  it('refuses when the households subgraph cannot be reached', async () => {
    const reachable = process.env.HOUSEHOLDS_URL
    process.env.HOUSEHOLDS_URL = `http://127.0.0.1:${await freePort()}/graphql`
    try {
      const response = await gql(RECORD, { input: { householdId: newId(), category: 'CAR_SEAT' } }, { token: await intermediary(newId()), url: withHouseholds.url })
      expect(response.data.recordNeed.need).toBeNull()
      expect(response.data.recordNeed.userErrors[0]).toMatchObject({ code: 'UNAVAILABLE', field: ['input', 'householdId'] })
      expect(response.data.recordNeed.userErrors[0].message).toMatch(/reach|unavailable|households/i)
    } finally {
      process.env.HOUSEHOLDS_URL = reachable
    }
  })
})
