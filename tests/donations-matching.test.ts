import { describe, expect, it } from 'vitest'
import { database, gql, newId, subgraphUrl, tokenFor } from './helpers.js'
import { seedCentres, seedHousehold, seedHouseholdConsentingTo, seedOrganisation } from './fixtures.js'
import { insertDonationItems, insertNeeds } from '../subgraphs/donations/src/db/queries.js'

/** Anabada donations through the gateway: federation seams with centres and households. */

const donations = () => database('donations').db

async function seed(org: string, centre: string) {
  const donor = newId()
  const items = [newId(), newId(), newId()]
  await insertDonationItems(donations(), [
    { id: items[0], title: 'Stroller', category: 'STROLLER', condition: 'NEW', heldAtCentreId: centre, district: '세종시', dong: '보람동', intermediaryOrganisationId: org, donorOrganisationId: donor },
    { id: items[1], title: 'Blocks', category: 'TOYS', condition: 'GOOD', quantity: 3, heldAtCentreId: centre, district: '세종시', intermediaryOrganisationId: org, donorOrganisationId: donor },
    { id: items[2], title: 'Old crib', category: 'CRIB', condition: 'FAIR', status: 'WITHDRAWN', heldAtCentreId: centre, district: '세종시', intermediaryOrganisationId: org },
  ])
  const household = await seedHouseholdConsentingTo(org)
  const need = newId()
  await insertNeeds(donations(), [
    {
      id: need,
      householdId: household,
      category: 'STROLLER',
      childAgeMonths: 2,
      urgency: 'URGENT',
      district: '세종시',
      dong: '보람동',
      vulnerabilityScore: 80,
      consentConfirmedAt: new Date(),
      consentUntil: new Date(Date.now() + 86_400_000 * 30),
      recordedByOrganisationId: org,
      recordedByUserId: 'test',
    },
  ])
  return { donor, items, household, need }
}

describe('donations through the gateway', () => {
  it('matches, reserves and hands over an item, and the household shows it as received', async () => {
    const org = newId()
    const centre = newId()
    const token = await tokenFor({ org, roles: ['INTERMEDIARY'] })
    const { items, household, need } = await seed(org, centre)

    const dryRun = await gql(
      `mutation ($input: RunBatchMatchingInput!) { runBatchMatching(input: $input) { proposal { item { id title } need { id urgency } quantity score { total } } totalScore userErrors { code } } }`,
      { input: { centreId: centre, dryRun: true } },
      { token },
    )
    expect(dryRun.errors).toBeUndefined()
    expect(dryRun.data.runBatchMatching.proposal).toEqual([{ item: { id: items[0], title: 'Stroller' }, need: { id: need, urgency: 'URGENT' }, quantity: 1, score: { total: expect.any(Number) } }])

    const accepted = await gql(
      `mutation ($input: AcceptMatchInput!) { acceptMatch(input: $input) { match { id status item { title heldAt { id } } } handoverCode userErrors { code } } }`,
      { input: { itemId: items[0], needId: need } },
      { token },
    )
    expect(accepted.errors).toBeUndefined()
    const { match, handoverCode } = accepted.data.acceptMatch
    expect(match).toMatchObject({ status: 'RESERVED', item: { title: 'Stroller', heldAt: { id: centre } } })
    const confirmed = await gql(
      `mutation ($input: ConfirmHandoverInput!) { confirmHandover(input: $input) { match { status } userErrors { code } } }`,
      { input: { matchId: match.id, code: handoverCode } },
      { token },
    )
    expect(confirmed.data.confirmHandover).toEqual({ match: { status: 'HANDED_OVER' }, userErrors: [] })

    // Household.needs and receivedItems are resolved by the donations subgraph on the households' entity.
    const HOUSEHOLD = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { id needs { totalCount edges { node { id status } } } receivedItems { totalCount edges { node { item { id } quantity } } } } } }`
    const own = await gql(HOUSEHOLD, { representations: [{ __typename: 'Household', id: household }] }, { token, url: subgraphUrl('donations') })
    expect(own.data._entities[0]).toEqual({
      id: household,
      needs: { totalCount: 1, edges: [{ node: { id: need, status: 'FULFILLED' } }] },
      receivedItems: { totalCount: 1, edges: [{ node: { item: { id: items[0] }, quantity: 1 } }] },
    })
    const stranger = await gql(HOUSEHOLD, { representations: [{ __typename: 'Household', id: household }] }, { token: await tokenFor({ org: newId(), roles: ['INTERMEDIARY'] }), url: subgraphUrl('donations') })
    expect(stranger.data._entities[0]).toMatchObject({ needs: { totalCount: 0 }, receivedItems: { totalCount: 0 } })
    const anonymous = await gql(HOUSEHOLD, { representations: [{ __typename: 'Household', id: household }] }, { url: subgraphUrl('donations') })
    expect(anonymous.data._entities[0]).toMatchObject({ needs: null, receivedItems: null })

    const metrics = await gql(
      `query ($filter: DonationMetricsFilter) { donationMetrics(filter: $filter) { total { listed matched handedOver expired householdsServed medianDaysToHandover } byCategory { category figures { listed handedOver } } byCentre { centre { id } figures { listed } } } }`,
      { filter: { centreId: centre } },
      { token },
    )
    expect(metrics.errors).toBeUndefined()
    expect(metrics.data.donationMetrics.total).toMatchObject({ listed: 3, matched: 1, handedOver: 1, expired: 0, householdsServed: 1 })
    expect(metrics.data.donationMetrics.total.medianDaysToHandover).toBeGreaterThanOrEqual(0)
    expect(metrics.data.donationMetrics.byCentre).toEqual([{ centre: { id: centre }, figures: { listed: 3 } }])
    expect(metrics.data.donationMetrics.byCategory.find((row: any) => row.category === 'STROLLER').figures).toEqual({ listed: 1, handedOver: 1 })
  })

  it('gives Centre.inventorySummary and Organisation.donations through federation, AVAILABLE only for anonymous callers', async () => {
    const org = newId()
    const centre = newId()
    const { donor, items } = await seed(org, centre)
    const QUERY = `query ($centres: [_Any!]!, $orgs: [_Any!]!) {
      centres: _entities(representations: $centres) { ... on Centre { inventorySummary { category status items piecesAvailable } } }
      orgs: _entities(representations: $orgs) { ... on Organisation { donations(first: 5) { totalCount edges { node { id } } } } }
    }`
    const url = subgraphUrl('donations')
    const variables = { centres: [{ __typename: 'Centre', id: centre }], orgs: [{ __typename: 'Organisation', id: donor }] }
    const staff = await gql(QUERY, variables, { token: await tokenFor({ org, roles: ['VOLUNTEER'] }), url })
    expect(staff.errors).toBeUndefined()
    expect(staff.data.centres[0].inventorySummary).toEqual(
      expect.arrayContaining([
        { category: 'STROLLER', status: 'AVAILABLE', items: 1, piecesAvailable: 1 },
        { category: 'TOYS', status: 'AVAILABLE', items: 1, piecesAvailable: 3 },
        { category: 'CRIB', status: 'WITHDRAWN', items: 1, piecesAvailable: 0 },
      ]),
    )
    expect(staff.data.orgs[0].donations.totalCount).toBe(2)
    const anonymous = await gql(QUERY, variables, { url })
    expect(anonymous.data.centres[0].inventorySummary).toHaveLength(2)
    expect(anonymous.data.orgs[0].donations.edges.map((e: any) => e.node.id).sort()).toEqual([items[0], items[1]].sort())

    // And through the gateway, the public rules of matching.
    const rules = await gql(`{ matchingRules { weights { total } quotaPerPeriod quotaPeriodDays travelLimitKm } }`)
    expect(rules.data.matchingRules).toEqual({ weights: { total: 100 }, quotaPerPeriod: 3, quotaPeriodDays: 90, travelLimitKm: 10 })
  })

  it('refuses metrics and needs to anonymous callers', async () => {
    const response = await gql(`{ needs { totalCount } }`)
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    const metrics = await gql(`{ donationMetrics { total { listed } } }`)
    expect(metrics.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('recording a need across subgraphs', () => {
  const RECORD = `mutation ($input: RecordNeedInput!) { recordNeed(input: $input) { need { id category urgency } userErrors { code field message } } }`
  const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { consent { id } userErrors { code field message } } }`

  it('needs the household’s DONATION_MATCHING consent for the intermediary’s organisation, checked by the households subgraph', async () => {
    const handling = await seedOrganisation()
    const intermediaryOrg = await seedOrganisation()
    const { ids: [centre] } = await seedCentres(handling, 1)
    const household = await seedHousehold(handling, centre)
    const intermediary = await tokenFor({ org: intermediaryOrg, roles: ['INTERMEDIARY'] })
    const input = { householdId: household, category: 'CAR_SEAT', childAgeMonths: 1, urgency: 'HIGH' }

    const refused = await gql(RECORD, { input }, { token: intermediary })
    expect(refused.data.recordNeed.need).toBeNull()
    expect(refused.data.recordNeed.userErrors[0]).toMatchObject({ field: ['input', 'householdId'] })

    const caseworker = await tokenFor({ org: handling, roles: ['CASEWORKER'] })
    const expiresAt = new Date(Date.now() + 90 * 86_400_000).toISOString()
    const granted = await gql(GRANT, { input: { householdId: household, organisationId: intermediaryOrg, purposes: ['DONATION_MATCHING'], categories: ['COARSE'], expiresAt } }, { token: caseworker })
    expect(granted.data.grantConsent.userErrors).toEqual([])

    const recorded = await gql(RECORD, { input }, { token: intermediary })
    expect(recorded.data.recordNeed.userErrors).toEqual([])
    expect(recorded.data.recordNeed.need).toMatchObject({ category: 'CAR_SEAT', urgency: 'HIGH' })
  })
})

describe('a revoked consent', () => {
  it('stops reservations at once, not when the consent would have expired', async () => {
    const org = newId()
    const token = await tokenFor({ org, roles: ['INTERMEDIARY'] })
    const { items, household, need } = await seed(org, newId())
    await database('households').sql`update households.consents set revoked_at = now(), revoked_by_user_id = 'test' where household_id = ${household}`

    const accepted = await gql(
      `mutation ($input: AcceptMatchInput!) { acceptMatch(input: $input) { match { id } handoverCode userErrors { code field message } } }`,
      { input: { itemId: items[0], needId: need } },
      { token },
    )
    expect(accepted.data.acceptMatch.match).toBeNull()
    expect(accepted.data.acceptMatch.handoverCode).toBeNull()
    expect(accepted.data.acceptMatch.userErrors[0]).toMatchObject({ code: 'NOT_ALLOWED', field: ['input', 'needId'] })
    expect(accepted.data.acceptMatch.userErrors[0].message).toMatch(/no longer active/)
  })
})

describe('suggested needs', () => {
  it("are derived from the children's ages the households subgraph shares, only with callers who may see the household", async () => {
    const org = await seedOrganisation()
    const { ids: [centre] } = await seedCentres(org, 1)
    const household = await seedHousehold(org, centre) // a parent born 1994 and a child born 2026
    const query = `query ($id: ID!) { household(id: $id) { suggestedNeeds { category childAgeMonths reason } } }`

    const staff = await gql(query, { id: household }, { token: await tokenFor({ org, roles: ['CASEWORKER'] }) })
    expect(staff.errors).toBeUndefined()
    const categories = staff.data.household.suggestedNeeds.map((s: any) => s.category)
    expect(categories).toEqual(expect.arrayContaining(['CAR_SEAT', 'CRIB', 'STROLLER', 'BABY_CLOTHING']))
    expect(categories).not.toContain('SCHOOL_UNIFORM')
    expect(staff.data.household.suggestedNeeds[0].childAgeMonths).toBeLessThan(24)

    const stranger = await gql(query, { id: household }, { token: await tokenFor({ org: newId(), roles: ['INTERMEDIARY'] }) })
    expect(stranger.data.household).toBeNull()
  })
})
