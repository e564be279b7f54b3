import { describe, it, expect } from 'vitest'
import { authConfigFromEnv, signToken } from '@nanum/subgraph-kit'
import { database, newId, sqlStatements, subgraphGql, tokenFor } from '../../../tests/helpers.js'
import { insertHouseholdMembers, insertHouseholds } from '../src/db/queries.js'
import { HOUSEHOLD_REFERENCE } from '../src/rules/reference.js'

type HouseholdInsert = Parameters<typeof insertHouseholds>[1][number]

const db = () => database('households').db

/**
 * Seeds `count` households handled by a fresh organisation (so no other test's rows are in its
 * lists), created one minute apart, newest first in index order.
 */
async function seedHouseholds(count: number, overrides: (i: number) => Partial<HouseholdInsert> = () => ({})) {
  const organisationId = newId()
  const centreId = newId()
  const start = Date.UTC(2026, 0, 1, 9, 0, 0)
  const rows: HouseholdInsert[] = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    district: '서대문구',
    dong: '홍제1동',
    incomeBand: 'NEAR_POOR',
    vulnerabilityFlags: [],
    status: 'IDENTIFIED',
    handlingCentreId: centreId,
    handlingOrganisationId: organisationId,
    createdAt: new Date(start - i * 60_000),
    ...overrides(i),
  }))
  await insertHouseholds(db(), rows)
  return { organisationId, centreId, ids: rows.map((row) => row.id!) }
}

const staffOf = (org: string) => tokenFor({ org, roles: ['CASEWORKER'] })

const HOUSEHOLD = /* GraphQL */ `
  query ($id: ID!) {
    household(id: $id) {
      id reference district dong incomeBand vulnerabilityFlags status createdAt updatedAt
      members { id birthYear relation }
      handlingCentre { id }
      handlingOrganisation { id }
    }
  }
`
const LIST = /* GraphQL */ `
  query ($filter: HouseholdFilter, $first: Int, $after: String) {
    households(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`
const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Household { id reference members { birthYear relation } } }
  }
`
const references = (ids: string[]) => ids.map((id) => ({ __typename: 'Household', id }))
const listIds = (response: { data?: any }) => response.data.households.edges.map((edge: any) => edge.node.id)

describe('households: who may see a household', () => {
  it('shows a household to staff of the handling organisation, by id, in the list and through _entities', async () => {
    const { organisationId, centreId, ids } = await seedHouseholds(1, () => ({
      district: '세종시',
      dong: '도담동',
      incomeBand: 'BASIC_LIVELIHOOD_RECIPIENT',
      vulnerabilityFlags: ['SINGLE_PARENT', 'INFANT'],
      status: 'SUPPORTED',
    }))
    const token = await tokenFor({ org: organisationId, roles: ['NURSE'] })

    const byId = await subgraphGql('households', HOUSEHOLD, { id: ids[0] }, { token })
    expect(byId.errors).toBeUndefined()
    expect(byId.data.household).toMatchObject({
      id: ids[0],
      district: '세종시',
      dong: '도담동',
      incomeBand: 'BASIC_LIVELIHOOD_RECIPIENT',
      vulnerabilityFlags: ['SINGLE_PARENT', 'INFANT'],
      status: 'SUPPORTED',
      createdAt: '2026-01-01T09:00:00.000Z',
      members: [],
      handlingCentre: { id: centreId },
      handlingOrganisation: { id: organisationId },
    })
    expect(byId.data.household.reference).toMatch(HOUSEHOLD_REFERENCE)

    const list = await subgraphGql('households', LIST, {}, { token })
    expect(list.data.households.totalCount).toBe(1)
    expect(listIds(list)).toEqual(ids)

    const entities = await subgraphGql('households', ENTITIES, { representations: references(ids) }, { token })
    expect(entities.errors).toBeUndefined()
    expect(entities.data._entities).toEqual([{ id: ids[0], reference: byId.data.household.reference, members: [] }])
  })

  it("gives another organisation's staff nothing, not even a system administrator, and does not reveal existence", async () => {
    const { centreId, ids } = await seedHouseholds(2)
    for (const roles of [['CASEWORKER'], ['SYSTEM_ADMIN'], ['ORG_ADMIN']] as const) {
      const token = await tokenFor({ org: newId(), roles: [...roles] })
      const byId = await subgraphGql('households', HOUSEHOLD, { id: ids[0] }, { token })
      expect(byId.errors).toBeUndefined()
      expect(byId.data.household).toBeNull()
      const missing = await subgraphGql('households', HOUSEHOLD, { id: newId() }, { token })
      expect(missing).toEqual(byId)

      const list = await subgraphGql('households', LIST, { filter: { handlingCentreId: centreId } }, { token })
      expect(list.data.households).toMatchObject({ totalCount: 0, edges: [] })

      const entities = await subgraphGql('households', ENTITIES, { representations: references(ids) }, { token })
      expect(entities.errors).toBeUndefined()
      expect(entities.data._entities).toEqual([null, null])
    }
  })

  it('refuses anonymous callers: UNAUTHENTICATED for household(id) and households, null from _entities', async () => {
    const { ids } = await seedHouseholds(1)

    const byId = await subgraphGql('households', HOUSEHOLD, { id: ids[0] })
    expect(byId.data?.household ?? null).toBeNull()
    expect(byId.errors?.[0]).toMatchObject({ message: 'Household data requires a signed-in caller', extensions: { code: 'UNAUTHENTICATED' } })

    const list = await subgraphGql('households', LIST, {})
    expect(list.data ?? null).toBeNull()
    expect(list.errors?.[0]).toMatchObject({ message: 'Household data requires a signed-in caller', extensions: { code: 'UNAUTHENTICATED' } })

    const before = await sqlStatements('households')
    const entities = await subgraphGql('households', ENTITIES, { representations: references(ids) })
    expect(entities.errors).toBeUndefined()
    expect(entities.data._entities).toEqual([null])
    expect(await sqlStatements('households')).toBe(before)
  })

  const invalidTokens: Record<string, (organisationId: string) => Promise<string>> = {
    expired: (org) => tokenFor({ org, roles: ['CASEWORKER'], expiresIn: Math.floor(Date.now() / 1000) - 60 }),
    'signed with another secret': (org) =>
      signToken({ ...authConfigFromEnv(), jwtSecret: 'not-the-nanum-secret-but-long-enough-0123456789' }, { sub: 'user-1', org, roles: ['CASEWORKER'] }),
    'with an altered signature': async (org) => {
      const [header, payload, signature] = (await staffOf(org)).split('.')
      return [header, payload, [...signature].reverse().join('')].join('.')
    },
    'with a payload swapped for another organisation': async (org) => {
      const [header, payload, signature] = (await staffOf(org)).split('.')
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
      return [header, Buffer.from(JSON.stringify({ ...claims, org: newId() })).toString('base64url'), signature].join('.')
    },
  }
  it.each(Object.keys(invalidTokens))('refuses a token %s with UNAUTHENTICATED and no data', async (name) => {
    const { organisationId, ids } = await seedHouseholds(1)
    const token = await invalidTokens[name](organisationId)
    for (const [query, variables] of [
      [HOUSEHOLD, { id: ids[0] }],
      [LIST, {}],
      [ENTITIES, { representations: references(ids) }],
    ] as const) {
      const response = await subgraphGql('households', query, variables, { token })
      expect(response.data ?? null).toBeNull()
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    }
  })
})

describe('households: list', () => {
  it('filters by district, dong, status, income band, vulnerability flag and handling centre', async () => {
    const otherCentre = newId()
    const variants: Partial<HouseholdInsert>[] = [
      { district: '서초구', dong: '반포2동', vulnerabilityFlags: ['GRANDPARENT_CAREGIVER'] },
      { district: '서초구', dong: '서초3동', status: 'ASSESSED' },
      { incomeBand: 'BASIC_LIVELIHOOD_RECIPIENT', vulnerabilityFlags: ['ELDERLY_LIVING_ALONE', 'DISABILITY'] },
      { vulnerabilityFlags: ['DISABILITY'], handlingCentreId: otherCentre },
      { status: 'ASSESSED', incomeBand: 'BASIC_LIVELIHOOD_RECIPIENT' },
      {},
    ]
    const { organisationId, ids } = await seedHouseholds(variants.length, (i) => variants[i])
    const token = await staffOf(organisationId)
    const expectations: [Record<string, unknown>, string[]][] = [
      [{}, ids],
      [{ district: '서초구' }, [ids[0], ids[1]]],
      [{ district: '서초구', dong: '반포2동' }, [ids[0]]],
      [{ dong: '홍제1동' }, ids.slice(2)],
      [{ status: 'ASSESSED' }, [ids[1], ids[4]]],
      [{ incomeBand: 'BASIC_LIVELIHOOD_RECIPIENT' }, [ids[2], ids[4]]],
      [{ flag: 'DISABILITY' }, [ids[2], ids[3]]],
      [{ flag: 'GRANDPARENT_CAREGIVER' }, [ids[0]]],
      [{ flag: 'PREGNANT' }, []],
      [{ handlingCentreId: otherCentre }, [ids[3]]],
      [{ handlingCentreId: otherCentre.toUpperCase() }, [ids[3]]],
      [{ status: 'ASSESSED', incomeBand: 'BASIC_LIVELIHOOD_RECIPIENT', dong: '홍제1동' }, [ids[4]]],
    ]
    for (const [filter, expected] of expectations) {
      const response = await subgraphGql('households', LIST, { filter }, { token })
      expect(response.errors, JSON.stringify(filter)).toBeUndefined()
      expect(listIds(response), JSON.stringify(filter)).toEqual(expected)
      expect(response.data.households.totalCount, JSON.stringify(filter)).toBe(expected.length)
    }
  })

  it('pages newest first with keyset cursors, ties broken by id, totalCount over all pages', async () => {
    // Rows 2-4 share one creation instant: the id (descending) decides their order.
    const tiedAt = new Date(Date.UTC(2026, 0, 1, 8, 58, 0))
    const { organisationId, ids } = await seedHouseholds(7, (i) => (i >= 2 && i <= 4 ? { createdAt: tiedAt } : {}))
    const expected = [ids[0], ids[1], ...ids.slice(2, 5).sort().reverse(), ids[5], ids[6]]
    const token = await staffOf(organisationId)
    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    do {
      const response: any = await subgraphGql('households', LIST, { first: 3, after }, { token })
      expect(response.errors).toBeUndefined()
      const { edges, pageInfo, totalCount } = response.data.households
      expect(totalCount).toBe(7)
      expect(pageInfo.hasPreviousPage).toBe(after !== null)
      expect(pageInfo.endCursor).toBe(edges.at(-1).cursor)
      seen.push(...edges.map((edge: any) => edge.node.id))
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null
      pages++
    } while (after)
    expect(pages).toBe(3)
    expect(seen).toEqual(expected)

    const empty = await subgraphGql('households', LIST, { first: 0 }, { token })
    expect(empty.data.households).toMatchObject({ totalCount: 7, edges: [], pageInfo: { hasNextPage: true, endCursor: null } })
  })
})

describe('households: members', () => {
  it('lists members head first, then by year of birth; a household without members has none', async () => {
    const { organisationId, ids } = await seedHouseholds(2)
    await insertHouseholdMembers(db(), [
      { householdId: ids[0], birthYear: 2019, relation: 'GRANDCHILD' },
      { householdId: ids[0], birthYear: 1953, relation: 'SPOUSE' },
      { householdId: ids[0], birthYear: 1956, relation: 'HEAD' },
      { householdId: ids[0], birthYear: 2017, relation: 'GRANDCHILD' },
    ])
    const token = await staffOf(organisationId)
    const response = await subgraphGql('households', ENTITIES, { representations: references(ids) }, { token })
    expect(response.data._entities.map((household: any) => household.members)).toEqual([
      [
        { birthYear: 1956, relation: 'HEAD' },
        { birthYear: 1953, relation: 'SPOUSE' },
        { birthYear: 2017, relation: 'GRANDCHILD' },
        { birthYear: 2019, relation: 'GRANDCHILD' },
      ],
      [],
    ])
  })
})

describe('households: batching', () => {
  async function statementsFor(count: number) {
    const { organisationId, ids } = await seedHouseholds(count)
    await insertHouseholdMembers(db(), ids.map((householdId) => ({ householdId, birthYear: 1950, relation: 'HEAD' as const })))
    const token = await staffOf(organisationId)
    const before = await sqlStatements('households')
    const response = await subgraphGql('households', ENTITIES, { representations: references(ids) }, { token })
    const statements = (await sqlStatements('households')) - before
    expect(response.errors).toBeUndefined()
    expect(response.data._entities.map((household: any) => household.id)).toEqual(ids)
    expect(response.data._entities.every((household: any) => household.members.length === 1)).toBe(true)
    return statements
  }

  it('resolves 20 references with their members in 2 statements, the same as for 5', async () => {
    expect(await statementsFor(20)).toBe(2)
    expect(await statementsFor(5)).toBe(2)
  })

  it('lists a page of households with members in a fixed number of statements', async () => {
    const { organisationId, ids } = await seedHouseholds(30)
    await insertHouseholdMembers(db(), ids.map((householdId) => ({ householdId, birthYear: 1990, relation: 'HEAD' as const })))
    const token = await staffOf(organisationId)
    const query = 'query ($first: Int) { households(first: $first) { totalCount edges { node { id members { relation } } } } }'
    // Warm-up: the first use of a new pool connection adds postgres.js's own type lookup.
    await subgraphGql('households', query, { first: 30 }, { token })
    const counts: number[] = []
    for (const first of [3, 30]) {
      const before = await sqlStatements('households')
      const response = await subgraphGql('households', query, { first }, { token })
      expect(response.data.households.edges).toHaveLength(first)
      counts.push((await sqlStatements('households')) - before)
    }
    expect(counts).toEqual([3, 3])
  })
})

describe('households: bad input', () => {
  it('names the malformed argument', async () => {
    const token = await staffOf(newId())
    const cases: [string, Record<string, unknown>, string][] = [
      [HOUSEHOLD, { id: 'HH-7K3F9Q2M' }, 'id'],
      [LIST, { first: 500 }, 'first'],
      [LIST, { first: -1 }, 'first'],
      [LIST, { after: 'not-a-cursor' }, 'after'],
      // A well-formed cursor of another list (a name, not a timestamp, before the id).
      [LIST, { after: Buffer.from(JSON.stringify(['홍제1동 주민센터', newId()])).toString('base64url') }, 'after'],
      [LIST, { filter: { handlingCentreId: 'centre-1' } }, 'filter.handlingCentreId'],
    ]
    for (const [query, variables, field] of cases) {
      const response = await subgraphGql('households', query, variables, { token })
      expect(response.errors?.[0].extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field })
      expect(response.errors?.[0].message).toContain(field)
    }
  })

  it('rejects an unknown enum value in the filter', async () => {
    const token = await staffOf(newId())
    const response = await subgraphGql('households', LIST, { filter: { flag: 'POOR' } }, { token })
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(response.errors?.[0].message).toContain('flag')
  })

  it('resolves malformed or unknown references to null', async () => {
    const { organisationId, ids } = await seedHouseholds(1)
    const token = await staffOf(organisationId)
    const response = await subgraphGql(
      'households',
      ENTITIES,
      { representations: [...references(['nope', newId()]), { __typename: 'Household', id: 42 }, ...references([ids[0].toUpperCase()])] },
      { token },
    )
    expect(response.errors).toBeUndefined()
    expect(response.data._entities.map((household: any) => household?.id ?? null)).toEqual([null, null, null, ids[0]])
  })
})

describe('households: reference', () => {
  it('draws a random, unique pseudonymous reference at insert', async () => {
    const { organisationId, ids } = await seedHouseholds(20)
    const token = await staffOf(organisationId)
    const response = await subgraphGql('households', ENTITIES, { representations: references(ids) }, { token })
    const refs: string[] = response.data._entities.map((household: any) => household.reference)
    expect(refs.every((reference) => HOUSEHOLD_REFERENCE.test(reference))).toBe(true)
    expect(new Set(refs).size).toBe(20)
  })
})
