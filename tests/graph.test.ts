import { beforeAll, describe, expect, it } from 'vitest'
import { gql, sqlStatements, subgraphGql, tokenFor, type SubgraphName } from './helpers.js'
import { seedCentres, seedCouncil, seedDonationItem, seedHousehold, seedOrganisation, seedProgram } from './fixtures.js'

describe('one query across all five subgraphs', () => {
  it('follows a household to its organisation, programs, councils, centre and inventory', async () => {
    const org = await seedOrganisation('행복맘센터 운영위원회')
    const { ids: [centre] } = await seedCentres(org, 1)
    await seedProgram(org, [centre], '산전 교실 (Prenatal class)')
    await seedDonationItem(centre, org, '유모차 (Stroller)')
    await seedCouncil([org], '세종 민관협의체')
    const household = await seedHousehold(org, centre)
    const token = await tokenFor({ org, roles: ['CASEWORKER'] })

    const response = await gql(
      `query ($id: ID!) {
        household(id: $id) {
          reference
          members { birthYear relation }
          handlingOrganisation {
            name
            programs { totalCount edges { node { name } } }
            councilMemberships { edges { node { role council { name } } } }
          }
          handlingCentre { id inventory { totalCount edges { node { title } } } programs { edges { node { name } } } }
        }
      }`,
      { id: household },
      { token },
    )
    expect(response.errors).toBeUndefined()
    const h = response.data.household
    expect(h.reference).toMatch(/^HH-/)
    expect(h.members).toHaveLength(2)
    expect(h.handlingOrganisation.name).toBe('행복맘센터 운영위원회')
    expect(h.handlingOrganisation.programs.edges.map((e: any) => e.node.name)).toEqual(['산전 교실 (Prenatal class)'])
    expect(h.handlingOrganisation.councilMemberships.edges[0].node).toEqual({ role: 'CHAIR', council: { name: '세종 민관협의체' } })
    expect(h.handlingCentre.id).toBe(centre)
    expect(h.handlingCentre.inventory.edges.map((e: any) => e.node.title)).toEqual(['유모차 (Stroller)'])
    expect(h.handlingCentre.programs.edges).toHaveLength(1)
  })
})

describe('batching through the gateway', () => {
  let district: string
  beforeAll(async () => {
    const org = await seedOrganisation()
    const seeded = await seedCentres(org, 50)
    district = seeded.district
    for (const [i, centre] of seeded.ids.entries()) {
      await seedProgram(org, [centre, seeded.ids[(i + 1) % 50]])
      await seedDonationItem(centre, org)
    }
  })

  const centresWithProgramsAndInventory = `query ($district: String!, $first: Int!) {
    centres(filter: { district: $district }, first: $first) {
      totalCount
      edges { node { name organisation { name }
        programs(first: 5) { totalCount edges { node { name provider { name } } } }
        inventory(first: 5) { totalCount edges { node { title heldAt { name } } } }
      } }
    }
  }`

  async function statementsFor(first: number) {
    const subgraphs: SubgraphName[] = ['centres', 'programs', 'donations']
    const before = await Promise.all(subgraphs.map(sqlStatements))
    const response = await gql(centresWithProgramsAndInventory, { district, first })
    expect(response.errors).toBeUndefined()
    expect(response.data.centres.edges).toHaveLength(first)
    for (const edge of response.data.centres.edges) {
      expect(edge.node.programs.totalCount).toBe(2)
      expect(edge.node.inventory.totalCount).toBe(1)
    }
    const after = await Promise.all(subgraphs.map(sqlStatements))
    return Object.fromEntries(subgraphs.map((name, i) => [name, after[i] - before[i]]))
  }

  it('50 centres with their programs and inventory cost the same SQL statements as 5', async () => {
    const five = await statementsFor(5)
    const fifty = await statementsFor(50)
    expect(fifty).toEqual(five)
    expect(Math.min(...Object.values(fifty))).toBeGreaterThan(0)
    const total = Object.values(fifty).reduce((a, b) => a + b, 0)
    expect(total).toBeLessThanOrEqual(12)
  })
})

describe('household data through the gateway', () => {
  let household: string
  let handlingOrg: string
  beforeAll(async () => {
    handlingOrg = await seedOrganisation()
    const { ids: [centre] } = await seedCentres(handlingOrg, 1)
    household = await seedHousehold(handlingOrg, centre)
  })
  const query = `query ($id: ID!) { household(id: $id) { id reference incomeBand } households(first: 5) { totalCount edges { node { id } } } }`

  it('is refused to anonymous callers', async () => {
    const response = await gql(query, { id: household })
    expect(response.data?.household ?? null).toBeNull()
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('is invisible to staff of another organisation', async () => {
    const other = await seedOrganisation()
    const response = await gql(query, { id: household }, { token: await tokenFor({ org: other, roles: ['CASEWORKER', 'ORG_ADMIN'] }) })
    expect(response.errors).toBeUndefined()
    expect(response.data.household).toBeNull()
    expect(response.data.households.edges.map((e: any) => e.node.id)).not.toContain(household)
  })

  it('is visible to staff of the handling organisation', async () => {
    const response = await gql(query, { id: household }, { token: await tokenFor({ org: handlingOrg, roles: ['CASEWORKER'] }) })
    expect(response.errors).toBeUndefined()
    expect(response.data.household.id).toBe(household)
    expect(response.data.households.totalCount).toBe(1)
  })

  it('is refused with an expired or forged token, with no data at all', async () => {
    const expired = await tokenFor({ org: handlingOrg, roles: ['CASEWORKER'], expiresIn: Math.floor(Date.now() / 1000) - 60 })
    const valid = await tokenFor({ org: handlingOrg, roles: ['CASEWORKER'] })
    const [header, , signature] = valid.split('.')
    const claims = Buffer.from(JSON.stringify({ sub: 'x', org: handlingOrg, roles: ['SYSTEM_ADMIN'], iss: 'nanum', aud: 'nanum-graph', exp: 9999999999 })).toString('base64url')
    const forged = `${header}.${claims}.${signature}`
    for (const [token, message] of [[expired, /expired/], [forged, /invalid/]] as const) {
      const response = await gql(query, { id: household }, { token })
      expect(response.status).toBe(401)
      expect(response.data).toBeUndefined()
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } })
      expect(response.errors?.[0].message).toMatch(message)
    }
  })
})

describe('bad input through the gateway', () => {
  it('names a malformed id', async () => {
    const response = await gql(`{ centre(id: "42") { name } }`)
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, path: ['centre'] })
    expect(response.errors?.[0].message).toMatch(/^id: "42" is not a valid id/)
  })

  it('names a page size over the limit', async () => {
    const response = await gql(`{ programs(first: 500) { totalCount } }`)
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } })
    expect(response.errors?.[0].message).toMatch(/^first: must be between 0 and 100/)
  })

  it('refuses operations past the depth, alias and cost limits before running them, at the gateway and at a subgraph', async () => {
    // organisation → its centres → their organisation → …: four levels a round (20 in all, over 15).
    const nested = (rounds: number): string => (rounds === 0 ? 'name' : `organisation { centres { edges { node { ${nested(rounds - 1)} } } } }`)
    const deep = `{ centres { edges { node { ${nested(4)} } } } }`
    const aliases = `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: centres { totalCount }`).join(' ')} }`
    // 100 centres × 100 centres of each one's organisation: up to 10,000 rows.
    const costly = `{ centres(first: 100) { edges { node { organisation { centres(first: 100) { edges { node { name } } } } } } } }`
    for (const [query, limit] of [[deep, /depth/i], [aliases, /alias/i], [costly, /cost/i]] as const) {
      for (const response of [await gql(query), await subgraphGql('centres', query)]) {
        expect(response.status, query.slice(0, 60)).toBe(400)
        expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
        expect(response.errors?.[0].message).toMatch(limit)
      }
    }
    // Just inside the limits runs.
    expect((await gql(`{ centres { edges { node { ${nested(2)} } } } }`)).errors).toBeUndefined()
  })

  it('reports an unknown field as a validation error', async () => {
    const response = await gql(`{ centres { edges { node { nickname } } } }`)
    expect(response.status).toBe(400)
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
  })
})
