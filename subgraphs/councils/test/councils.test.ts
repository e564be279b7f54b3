import { describe, it, expect } from 'vitest'
import { database, newId, sqlStatements, subgraphGql } from '../../../tests/helpers.js'
import { insertCouncilMemberships, insertCouncils } from '../src/db/queries.js'
import type { CouncilMembershipRow, CouncilRow } from '../src/db/tables.js'

const db = () => database('councils').db

/** A district name no other test uses, so list filters see only this test's councils. */
const uniqueDistrict = () => `테스트구-${newId().slice(0, 8)}`

/**
 * SQL statements `request` costs. It runs once first: a fresh pool connection sends postgres.js's
 * one-time type lookup, which the statement counter would otherwise include.
 */
async function statementsOf<T>(request: () => Promise<T>): Promise<{ result: T; statements: number }> {
  await request()
  const before = await sqlStatements('councils')
  const result = await request()
  return { result, statements: (await sqlStatements('councils')) - before }
}

async function seedCouncil(fields: Partial<CouncilRow> = {}) {
  const council = {
    id: newId(),
    name: `서초 북부 민관협력협의체 ${newId().slice(0, 8)}`,
    description: 'Shares information on households in need and runs joint projects.',
    district: '서초구',
    region: '서초 북부',
    kind: 'REGIONAL_COUNCIL' as const,
    establishedOn: '2016-03-02',
    ...fields,
  }
  await insertCouncils(db(), [council])
  return council
}

/** Seats `organisationIds` on the council, joining on successive days from 2016-03-01. */
async function seedMembers(councilId: string, organisationIds: string[], role: CouncilMembershipRow['role'] = 'MEMBER') {
  const rows = organisationIds.map((organisationId, i) => ({
    id: newId(),
    councilId,
    organisationId,
    role,
    joinedOn: `2016-03-${String(i + 1).padStart(2, '0')}`,
  }))
  await insertCouncilMemberships(db(), rows)
  return rows
}

describe('councils subgraph', () => {
  it('returns a council by id with its members, oldest membership first', async () => {
    const council = await seedCouncil({ region: null, kind: 'DISTRICT_COUNCIL', establishedOn: '2012-04-02' })
    const [chair, secretariat] = [newId(), newId()]
    await insertCouncilMemberships(db(), [
      { id: newId(), councilId: council.id, organisationId: secretariat, role: 'SECRETARIAT', joinedOn: '2012-05-01' },
      { id: newId(), councilId: council.id, organisationId: chair, role: 'CHAIR', joinedOn: '2012-04-02' },
    ])

    const response = await subgraphGql(
      'councils',
      `query ($id: ID!) {
        council(id: $id) {
          id name description district region kind establishedOn
          members { totalCount edges { node { role joinedOn organisation { id } council { id } } } }
        }
      }`,
      { id: council.id.toUpperCase() },
    )

    expect(response.errors).toBeUndefined()
    expect(response.data.council).toEqual({
      id: council.id,
      name: council.name,
      description: council.description,
      district: '서초구',
      region: null,
      kind: 'DISTRICT_COUNCIL',
      establishedOn: '2012-04-02',
      members: {
        totalCount: 2,
        edges: [
          { node: { role: 'CHAIR', joinedOn: '2012-04-02', organisation: { id: chair }, council: { id: council.id } } },
          { node: { role: 'SECRETARIAT', joinedOn: '2012-05-01', organisation: { id: secretariat }, council: { id: council.id } } },
        ],
      },
    })
  })

  it('returns null for an unknown council', async () => {
    const response = await subgraphGql('councils', `query ($id: ID!) { council(id: $id) { id } }`, { id: newId() })
    expect(response.errors).toBeUndefined()
    expect(response.data.council).toBeNull()
  })

  it('lists councils in name order, page by page, with the total count', async () => {
    const district = uniqueDistrict()
    const names = ['가 협의체', '나 협의체', '다 협의체', '라 협의체', '마 협의체']
    for (const name of [...names].reverse()) await seedCouncil({ name, district })
    const query = `query ($filter: CouncilFilter, $after: String) {
      councils(filter: $filter, first: 2, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { node { name } }
      }
    }`

    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    do {
      const response: any = await subgraphGql('councils', query, { filter: { district }, after })
      expect(response.errors).toBeUndefined()
      const page = response.data.councils
      expect(page.totalCount).toBe(5)
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null)
      seen.push(...page.edges.map((edge: any) => edge.node.name))
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null
      pages++
    } while (after)

    expect(seen).toEqual(names)
    expect(pages).toBe(3)
  })

  it('filters councils by kind and by member organisation', async () => {
    const district = uniqueDistrict()
    const organisation = newId()
    const regional = await seedCouncil({ name: '가 지역협의체', district, kind: 'REGIONAL_COUNCIL' })
    const thematic = await seedCouncil({ name: '나 주제협의체', district, kind: 'THEMATIC_COUNCIL' })
    await seedCouncil({ name: '다 지역협의체', district, kind: 'REGIONAL_COUNCIL' })
    await seedMembers(regional.id, [organisation])
    await seedMembers(thematic.id, [organisation, newId()])
    const query = `query ($filter: CouncilFilter) { councils(filter: $filter) { totalCount edges { node { id } } } }`
    const ids = async (filter: object) => {
      const response = await subgraphGql('councils', query, { filter: { district, ...filter } })
      expect(response.errors).toBeUndefined()
      expect(response.data.councils.totalCount).toBe(response.data.councils.edges.length)
      return response.data.councils.edges.map((edge: any) => edge.node.id)
    }

    expect(await ids({ kind: 'THEMATIC_COUNCIL' })).toEqual([thematic.id])
    expect(await ids({ memberOrganisationId: organisation })).toEqual([regional.id, thematic.id])
    expect(await ids({ memberOrganisationId: organisation, kind: 'REGIONAL_COUNCIL' })).toEqual([regional.id])
    expect(await ids({ memberOrganisationId: newId() })).toEqual([])
  })

  it('pages through a council’s members', async () => {
    const council = await seedCouncil()
    const organisations = Array.from({ length: 5 }, () => newId())
    await seedMembers(council.id, organisations)
    const query = `query ($id: ID!, $after: String) {
      council(id: $id) {
        members(first: 3, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { organisation { id } } }
        }
      }
    }`

    const first = (await subgraphGql('councils', query, { id: council.id })).data.council.members
    expect(first.totalCount).toBe(5)
    expect(first.pageInfo.hasNextPage).toBe(true)
    const second = (await subgraphGql('councils', query, { id: council.id, after: first.pageInfo.endCursor })).data.council.members
    expect(second.pageInfo.hasNextPage).toBe(false)
    expect([...first.edges, ...second.edges].map((edge: any) => edge.node.organisation.id)).toEqual(organisations)
  })

  it('resolves 20 Council references with one SQL statement', async () => {
    const councils = await Promise.all(Array.from({ length: 20 }, () => seedCouncil()))
    const representations = councils.map((council) => ({ __typename: 'Council', id: council.id }))

    const { result: response, statements } = await statementsOf(() =>
      subgraphGql(
        'councils',
        `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Council { id name } } }`,
        { representations },
      ),
    )

    expect(response.errors).toBeUndefined()
    expect(response.data._entities.map((council: any) => council.id)).toEqual(councils.map((council) => council.id))
    expect(statements).toBe(1)
  })

  it('returns null for unknown or malformed Council references', async () => {
    const council = await seedCouncil()
    const response = await subgraphGql(
      'councils',
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Council { id } } }`,
      {
        representations: [
          { __typename: 'Council', id: 'not-a-uuid' },
          { __typename: 'Council', id: newId() },
          { __typename: 'Council', id: council.id },
        ],
      },
    )
    expect(response.errors).toBeUndefined()
    expect(response.data._entities).toEqual([null, null, { id: council.id }])
  })

  it('adds councilMemberships to Organisation at a fixed statement count however many organisations', async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Organisation {
          id
          councilMemberships(first: 2) { totalCount edges { node { role joinedOn council { id name } } } }
        }
      }
    }`
    const statementsFor = async (organisationCount: number) => {
      const organisations = Array.from({ length: organisationCount }, () => newId())
      const councils = [await seedCouncil(), await seedCouncil(), await seedCouncil()]
      // Every organisation joins the councils in the order listed, a year apart.
      await insertCouncilMemberships(
        db(),
        councils.flatMap((council, year) =>
          organisations.map((organisationId) => ({ id: newId(), councilId: council.id, organisationId, role: 'MEMBER' as const, joinedOn: `${2016 + year}-03-02` })),
        ),
      )
      const { result: response, statements } = await statementsOf(() =>
        subgraphGql('councils', query, { representations: organisations.map((id) => ({ __typename: 'Organisation', id })) }),
      )
      expect(response.errors).toBeUndefined()
      for (const [i, organisation] of response.data._entities.entries()) {
        expect(organisation.id).toBe(organisations[i])
        expect(organisation.councilMemberships.totalCount).toBe(3)
        expect(organisation.councilMemberships.edges.map((edge: any) => edge.node.council.id)).toEqual(
          councils.slice(0, 2).map((council) => council.id),
        )
      }
      return statements
    }

    const forTwo = await statementsFor(2)
    const forTen = await statementsFor(10)
    expect(forTwo).toBe(forTen)
    expect(forTen).toBe(3) // memberships, their counts, their councils
  })

  it('gives an organisation without memberships an empty connection, and null for a malformed reference', async () => {
    const response = await subgraphGql(
      'councils',
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Organisation { id councilMemberships { totalCount edges { cursor } } } }
      }`,
      { representations: [{ __typename: 'Organisation', id: 'nope' }, { __typename: 'Organisation', id: newId() }] },
    )
    expect(response.errors).toBeUndefined()
    expect(response.data._entities[0]).toBeNull()
    expect(response.data._entities[1].councilMemberships).toEqual({ totalCount: 0, edges: [] })
  })

  describe('bad input', () => {
    const expectBadInput = async (query: string, variables: Record<string, unknown>, field: string) => {
      const response = await subgraphGql('councils', query, variables)
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
      expect(response.errors?.[0].extensions?.field).toBe(field)
      expect(response.errors?.[0].message).toContain(field)
    }

    it('rejects a malformed council id', () =>
      expectBadInput(`query ($id: ID!) { council(id: $id) { id } }`, { id: 'council-1' }, 'id'))

    it('rejects a malformed member organisation id in the filter', () =>
      expectBadInput(
        `query ($filter: CouncilFilter) { councils(filter: $filter) { totalCount } }`,
        { filter: { memberOrganisationId: '42' } },
        'filter.memberOrganisationId',
      ))

    it('rejects a page size over the limit', () => expectBadInput(`{ councils(first: 500) { totalCount } }`, {}, 'first'))

    it('rejects a page size over the limit on members', async () => {
      const council = await seedCouncil()
      await expectBadInput(`query ($id: ID!) { council(id: $id) { members(first: 101) { totalCount } } }`, { id: council.id }, 'first')
    })

    it('rejects a cursor that this list did not return', () =>
      expectBadInput(`{ councils(after: "bm90LWEtY3Vyc29y") { totalCount } }`, {}, 'after'))
  })
})
