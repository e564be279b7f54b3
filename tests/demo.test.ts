import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '@nanum/db'
import { HOUSEHOLD, ORG, REFERRAL } from '@nanum/demo'
import { authConfigFromEnv, createLogger } from '@nanum/subgraph-kit'
import { startStack, type Stack } from '../scripts/stack.js'
import { SUBGRAPHS } from '../scripts/subgraphs.js'
import { createFreshDatabase } from './fresh-database.js'
import { gql, tokenFor } from './helpers.js'

/**
 * The demo data `npm start` loads, on a graph of its own (the shared test graph holds no demo
 * rows): seeding twice changes nothing, and the README's examples find what they promise.
 */
describe('demo data', () => {
  let stack: Stack
  let dropDatabase: (() => Promise<void>) | undefined
  // startStack tells services where their peers are through <NAME>_URL; put them back afterwards.
  const peerUrls = Object.fromEntries(SUBGRAPHS.map((s) => [`${s.name.toUpperCase()}_URL`, process.env[`${s.name.toUpperCase()}_URL`]]))
  const query = (text: string, variables: Record<string, unknown> = {}, token?: string) => gql(text, variables, { url: stack.gatewayUrl, token })

  beforeAll(async () => {
    const serverUrl = process.env.TEST_DATABASE_URL
    const fresh = serverUrl ? await createFreshDatabase(serverUrl, 'nanum_demo') : undefined
    dropDatabase = fresh?.drop
    stack = await startStack({ databaseUrl: fresh?.url, demoData: true, auth: authConfigFromEnv(), log: createLogger('demo-test', 'warn') })
    // A second start on the same database seeds again.
    for (const subgraph of SUBGRAPHS) {
      const database = openDatabase({ url: stack.databaseUrl, schema: subgraph.name, max: 1 })
      await subgraph.seedDemoData?.(database)
      await database.close()
    }
  }, 120_000)
  afterAll(async () => {
    await stack?.stop()
    await dropDatabase?.()
    for (const [variable, value] of Object.entries(peerUrls)) {
      if (value === undefined) delete process.env[variable]
      else process.env[variable] = value
    }
  })

  it('serves the public directory and the households of their handling organisation, once each', async () => {
    const centres = await query(`{ centres(filter: { district: "서대문구" }) { totalCount } programs { totalCount } }`)
    expect(centres.data.centres.totalCount).toBeGreaterThan(0)
    expect(centres.data.programs.totalCount).toBe(7)
    const token = await tokenFor({ org: ORG.sejongHappyMomsCenterOperator, roles: ['CASEWORKER'] })
    const households = await query(`{ households { totalCount edges { node { id dong } } } }`, {}, token)
    expect(households.data.households).toEqual({ totalCount: 1, edges: [{ node: { id: HOUSEHOLD.sejongSingleMother, dong: expect.any(String) } }] })
  })

  it('holds a referral Seocho-gu sent and the Welfare Foundation accepted, with its history once', async () => {
    const foundation = await tokenFor({ org: ORG.seochoWelfareFoundation, roles: ['CASEWORKER'] })
    const inbox = await query(
      `{ referralInbox { totalCount edges { node { id status fromOrganisation { name } fromCentre { name } household { dong accessBasis } transitions { toStatus } } } } }`,
      {},
      foundation,
    )
    expect(inbox.errors).toBeUndefined()
    expect(inbox.data.referralInbox.totalCount).toBe(1)
    expect(inbox.data.referralInbox.edges[0].node).toMatchObject({
      id: REFERRAL.seochoLunchDelivery,
      status: 'ACCEPTED',
      household: { dong: '반포2동', accessBasis: ['REFERRAL'] },
      transitions: [{ toStatus: 'SENT' }, { toStatus: 'ACCEPTED' }],
    })
    const seochoGu = await tokenFor({ org: ORG.seochoGu, roles: ['CASEWORKER'] })
    const household = await query(`query($id: ID!) { household(id: $id) { accessBasis referralConsentUntil referrals { totalCount } } }`, { id: HOUSEHOLD.seochoGrandparentCarer }, seochoGu)
    expect(household.data.household).toEqual({ accessBasis: ['HANDLING_ORGANISATION', 'CONSENT'], referralConsentUntil: '2030-01-01T00:00:00.000Z', referrals: { totalCount: 1 } })
  })
})
