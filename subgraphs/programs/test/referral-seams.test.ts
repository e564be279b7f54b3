import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '@nanum/db'
import { authConfigFromEnv, createLogger, createTokenVerifier, serveSubgraph, type SubgraphServer } from '@nanum/subgraph-kit'
import { database, gql, newId, subgraphGql, tokenFor } from '../../../tests/helpers.js'
import { insertPrograms } from '../src/db/queries.js'
import { programsSubgraph } from '../src/subgraph.js'
import { evaluateEligibility } from '../src/rules/eligibility.js'
import type { ProgramRow } from '../src/db/tables.js'

describe('Household lists through the programs subgraph', () => {
  it('resolve only for households the households subgraph lets the caller see, null otherwise', async () => {
    const token = await tokenFor({ org: newId(), roles: ['CASEWORKER'] })
    const response = await subgraphGql(
      'programs',
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { referrals { totalCount } enrollments { totalCount } eligiblePrograms { totalCount } } } }`,
      { representations: [{ __typename: 'Household', id: newId() }] },
      { token },
    )
    expect(response.errors).toBeUndefined()
    expect(response.data._entities).toEqual([{ referrals: null, enrollments: null, eligiblePrograms: null }])
  })
})

describe('when the households subgraph cannot be reached', () => {
  let programs: SubgraphServer
  const HOUSEHOLDS_URL = process.env.HOUSEHOLDS_URL
  beforeAll(async () => {
    // A second programs server on the same database, asking households at a port nobody listens on.
    process.env.HOUSEHOLDS_URL = `http://127.0.0.1:${await freePort()}/graphql`
    programs = await serveSubgraph(programsSubgraph, { database: database('programs'), verifyToken: createTokenVerifier(authConfigFromEnv()), log: createLogger('programs-test', 'silent') })
  })
  afterAll(async () => {
    await programs.stop()
    process.env.HOUSEHOLDS_URL = HOUSEHOLDS_URL
  })
  const call = async (query: string, variables: Record<string, unknown>) =>
    gql(query, variables, { url: programs.url, token: await tokenFor({ org: newId(), roles: ['CASEWORKER'] }) })

  it('refuses to refer or enroll with a clear error, and writes nothing', async () => {
    const [programId, provider] = [newId(), newId()]
    await insertPrograms(database('programs').db, [{ id: programId, name: 'Lunch', description: 'test', category: 'FOOD', providerOrganisationId: provider, capacity: 1 }])
    const sent = await call(`mutation($input: SendReferralInput!) { sendReferral(input: $input) { referral { id } userErrors { code field message } } }`, {
      input: { householdId: newId(), programId, reason: 'Needs meals' },
    })
    expect(sent.data.sendReferral).toEqual({ referral: null, userErrors: [{ code: 'UNAVAILABLE', field: ['input', 'householdId'], message: 'The households service cannot be reached; nothing was written, try again later' }] })
    const token = await tokenFor({ org: provider, roles: ['CASEWORKER'] })
    const enrolled = await gql(`mutation($input: EnrollHouseholdInput!) { enrollHousehold(input: $input) { enrollment { id } userErrors { code field } } }`, { input: { householdId: newId(), programId } }, { url: programs.url, token })
    expect(enrolled.data.enrollHousehold).toEqual({ enrollment: null, userErrors: [{ code: 'UNAVAILABLE', field: ['input', 'householdId'] }] })
    const seats = await gql(`query($id: ID!) { program(id: $id) { seatsTaken } }`, { id: programId }, { url: programs.url })
    expect(seats.data.program.seatsTaken).toBe(0)
  })

  it('answers household lists and eligibility checks with SUBGRAPH_UNAVAILABLE, not with a guess', async () => {
    const lists = await call(`query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { referrals { totalCount } } } }`, {
      representations: [{ __typename: 'Household', id: newId() }],
    })
    expect(lists.data._entities).toEqual([{ referrals: null }])
    expect(lists.errors?.map((error) => error.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE'])
    const programId = newId()
    await insertPrograms(database('programs').db, [{ id: programId, name: 'Seniors', description: 'test', category: 'ELDERLY_CARE', providerOrganisationId: newId(), minAge: 65 }])
    const check = await call(`query($id: ID!, $household: ID!) { program(id: $id) { eligibilityFor(householdId: $household) { eligible } } }`, { id: programId, household: newId() })
    expect(check.data.program).toBeNull()
    expect(check.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE')
  })
})

describe('evaluateEligibility', () => {
  const program = (fields: Partial<ProgramRow>) =>
    ({ minAge: null, maxAge: null, maxIncomeBand: null, requiredHouseholdFlags: [], residencyRequired: false, serviceAreas: [], ...fields }) as ProgramRow
  const unknown = { memberAges: null, incomeBand: null, vulnerabilityFlags: null, district: null, dong: null }

  it('reports a rule whose fact is missing as UNKNOWN, and the program as undecided rather than ineligible', () => {
    const result = evaluateEligibility(program({ minAge: 65, maxIncomeBand: 'NEAR_POOR' }), { ...unknown, incomeBand: 'ABOVE_MEDIAN' })
    expect(result.rules.map((r) => r.outcome)).toEqual(['UNKNOWN', 'FAILED'])
    expect(result.eligible).toBe(false)
    expect(evaluateEligibility(program({ minAge: 65 }), unknown).eligible).toBeNull()
  })

  it('passes a program without rules and checks a dong-level service area', () => {
    expect(evaluateEligibility(program({}), unknown)).toEqual({ eligible: true, rules: [] })
    const area = program({ residencyRequired: true, serviceAreas: [{ district: '서초구', dong: '반포2동' }] })
    expect(evaluateEligibility(area, { ...unknown, district: '서초구', dong: '반포2동' }).eligible).toBe(true)
    expect(evaluateEligibility(area, { ...unknown, district: '서초구', dong: '양재1동' }).eligible).toBe(false)
  })
})
