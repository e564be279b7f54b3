import { describe, expect, it } from 'vitest'
import { database, newId, sqlStatements, subgraphGql, tokenFor, type GraphQLResponse } from '../../../tests/helpers.js'
import { insertDonationItems } from '../src/db/queries.js'
import type { donationItems } from '../src/db/tables.js'

type ItemInsert = typeof donationItems.$inferInsert
type ItemSeed = Partial<ItemInsert> & { minutes?: number }

const minute = 60_000
const base = Date.UTC(2026, 0, 1)

/** Inserts items with fresh ids; `minutes` after a fixed instant sets `listedAt`, so order is known. */
async function seedItems(heldAtCentreId: string, seeds: ItemSeed[]): Promise<string[]> {
  const rows: ItemInsert[] = seeds.map(({ minutes = 0, ...seed }) => ({
    id: newId(),
    title: 'Stroller',
    category: 'STROLLER',
    condition: 'GOOD',
    heldAtCentreId,
    listedAt: new Date(base + minutes * minute),
    ...seed,
  }))
  await insertDonationItems(database('donations').db, rows)
  return rows.map((row) => row.id!)
}

const staffToken = () => tokenFor({ org: newId(), roles: ['VOLUNTEER'] })

const ITEMS = `query ($filter: DonationItemFilter, $first: Int, $after: String) {
  donationItems(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id status } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on DonationItem { id title status }
  }
}`

const INVENTORIES = `query ($representations: [_Any!]!, $filter: InventoryFilter, $first: Int, $after: String) {
  _entities(representations: $representations) {
    ... on Centre {
      id
      inventory(filter: $filter, first: $first, after: $after) {
        totalCount
        edges { cursor node { id status category } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`

const idsOf = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id)
const centreRefs = (ids: string[]) => ids.map((id) => ({ __typename: 'Centre', id }))

describe('donationItem', () => {
  it('returns an item with its centre and donor as entity references', async () => {
    const centre = newId()
    const donor = newId()
    const [item, anonymousGift] = await seedItems(centre, [
      { title: '아기 옷 80-90 (Baby clothes)', description: 'Washed', category: 'BABY_CLOTHING', condition: 'LIKE_NEW', minAgeMonths: 12, maxAgeMonths: 24, quantity: 12, donorOrganisationId: donor },
      { title: 'Picture books', category: 'BOOKS' },
    ])
    const response = await subgraphGql(
      'donations',
      `query ($a: ID!, $b: ID!) {
        a: donationItem(id: $a) { id title description category condition minAgeMonths maxAgeMonths quantity status heldAt { id } donor { id } listedAt }
        b: donationItem(id: $b) { id donor { id } }
        missing: donationItem(id: "${newId()}") { id }
      }`,
      { a: item.toUpperCase(), b: anonymousGift },
    )
    expect(response.errors).toBeUndefined()
    expect(response.data.a).toEqual({
      id: item,
      title: '아기 옷 80-90 (Baby clothes)',
      description: 'Washed',
      category: 'BABY_CLOTHING',
      condition: 'LIKE_NEW',
      minAgeMonths: 12,
      maxAgeMonths: 24,
      quantity: 12,
      status: 'AVAILABLE',
      heldAt: { id: centre },
      donor: { id: donor },
      listedAt: '2026-01-01T00:00:00.000Z',
    })
    expect(response.data.b).toEqual({ id: anonymousGift, donor: null })
    expect(response.data.missing).toBeNull()
  })

  it('refuses a malformed id, naming the argument', async () => {
    const response = await subgraphGql('donations', '{ donationItem(id: "stroller-1") { id } }')
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(response.errors?.[0].message).toMatch(/^id: /)
  })
})

describe('donationItems filters', () => {
  it('filters by category, condition, status, centre and donor', async () => {
    const centre = newId()
    const donor = newId()
    const token = await staffToken()
    const [toys, books, reserved, donated] = await seedItems(centre, [
      { category: 'TOYS', condition: 'GOOD', minutes: 1 },
      { category: 'BOOKS', condition: 'NEW', minutes: 2 },
      { category: 'TOYS', condition: 'FAIR', status: 'RESERVED', minutes: 3 },
      { category: 'CRIB', condition: 'NEW', donorOrganisationId: donor, minutes: 4 },
    ])
    const list = async (filter: Record<string, unknown>) => {
      const response = await subgraphGql('donations', ITEMS, { filter }, { token })
      expect(response.errors).toBeUndefined()
      return response.data.donationItems
    }
    expect(idsOf(await list({ centreId: centre }))).toEqual([donated, reserved, books, toys])
    expect(idsOf(await list({ centreId: centre, category: 'TOYS' }))).toEqual([reserved, toys])
    expect(idsOf(await list({ centreId: centre, condition: 'NEW' }))).toEqual([donated, books])
    expect(idsOf(await list({ centreId: centre, status: 'RESERVED' }))).toEqual([reserved])
    expect(idsOf(await list({ centreId: centre, category: 'TOYS', status: 'AVAILABLE' }))).toEqual([toys])
    expect(idsOf(await list({ donorId: donor }))).toEqual([donated])
    expect((await list({ centreId: centre, category: 'TOYS' })).totalCount).toBe(2)
  })

  it('filters by child age, treating a missing bound as open', async () => {
    const centre = newId()
    const [infant, toddler, fromOneYear, upToTwo, anyAge] = await seedItems(centre, [
      { minAgeMonths: 0, maxAgeMonths: 12, minutes: 1 },
      { minAgeMonths: 12, maxAgeMonths: 36, minutes: 2 },
      { minAgeMonths: 12, maxAgeMonths: null, minutes: 3 },
      { minAgeMonths: null, maxAgeMonths: 24, minutes: 4 },
      { minutes: 5 },
    ])
    const ages = async (ageMonths: number) =>
      idsOf((await subgraphGql('donations', ITEMS, { filter: { centreId: centre, ageMonths } })).data.donationItems)
    expect(await ages(6)).toEqual([anyAge, upToTwo, infant])
    expect(await ages(12)).toEqual([anyAge, upToTwo, fromOneYear, toddler, infant])
    expect(await ages(30)).toEqual([anyAge, fromOneYear, toddler])
    expect(await ages(120)).toEqual([anyAge, fromOneYear])
  })
})

describe('donationItems pagination', () => {
  it('pages newest first across pages, ties broken by id, with a stable totalCount', async () => {
    const centre = newId()
    const token = await staffToken()
    // Two pairs listed in the same millisecond: the id decides their order.
    const ids = await seedItems(centre, [{ minutes: 1 }, { minutes: 2 }, { minutes: 2 }, { minutes: 3 }, { minutes: 5 }, { minutes: 5 }, { minutes: 4 }])
    const listed = [1, 2, 2, 3, 5, 5, 4]
    const expected = ids
      .map((id, i) => ({ id, at: listed[i] }))
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
      .map((row) => row.id)

    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    for (;;) {
      const response: GraphQLResponse = await subgraphGql('donations', ITEMS, { filter: { centreId: centre }, first: 3, after }, { token })
      expect(response.errors).toBeUndefined()
      const connection = response.data.donationItems
      expect(connection.totalCount).toBe(7)
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null)
      seen.push(...idsOf(connection))
      pages++
      if (!connection.pageInfo.hasNextPage) break
      expect(connection.edges).toHaveLength(3)
      after = connection.pageInfo.endCursor
    }
    expect(pages).toBe(3)
    expect(seen).toEqual(expected)
  })

  it('returns an empty page with first: 0 and after the last item', async () => {
    const centre = newId()
    await seedItems(centre, [{ minutes: 1 }])
    const zero = await subgraphGql('donations', ITEMS, { filter: { centreId: centre }, first: 0 })
    expect(zero.data.donationItems).toMatchObject({ totalCount: 1, edges: [], pageInfo: { hasNextPage: true, endCursor: null } })
    const first = await subgraphGql('donations', ITEMS, { filter: { centreId: centre } })
    const last = await subgraphGql('donations', ITEMS, { filter: { centreId: centre }, after: first.data.donationItems.pageInfo.endCursor })
    expect(last.data.donationItems).toMatchObject({ totalCount: 1, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } })
  })
})

describe('visibility', () => {
  it('shows anonymous callers only AVAILABLE items, with correct page sizes and totals', async () => {
    const centre = newId()
    const statuses = ['AVAILABLE', 'RESERVED', 'AVAILABLE', 'ALLOCATED', 'HANDED_OVER', 'AVAILABLE', 'WITHDRAWN', 'EXPIRED'] as const
    const ids = await seedItems(centre, statuses.map((status, i) => ({ status, minutes: i })))
    const available = ids.filter((_, i) => statuses[i] === 'AVAILABLE').reverse()

    const page1 = (await subgraphGql('donations', ITEMS, { filter: { centreId: centre }, first: 2 })).data.donationItems
    expect(page1.totalCount).toBe(3)
    expect(idsOf(page1)).toEqual(available.slice(0, 2))
    expect(page1.pageInfo.hasNextPage).toBe(true)
    const page2 = (await subgraphGql('donations', ITEMS, { filter: { centreId: centre }, first: 2, after: page1.pageInfo.endCursor })).data.donationItems
    expect(idsOf(page2)).toEqual(available.slice(2))
    expect(page2.pageInfo.hasNextPage).toBe(false)

    const asked = (await subgraphGql('donations', ITEMS, { filter: { centreId: centre, status: 'RESERVED' } })).data.donationItems
    expect(asked).toMatchObject({ totalCount: 0, edges: [] })

    const staff = (await subgraphGql('donations', ITEMS, { filter: { centreId: centre } }, { token: await staffToken() })).data.donationItems
    expect(staff.totalCount).toBe(8)
    expect(idsOf(staff)).toEqual([...ids].reverse())
  })

  it('hides other items by id, in _entities and in Centre.inventory from anonymous callers', async () => {
    const centre = newId()
    const [available, reserved] = await seedItems(centre, [{ status: 'AVAILABLE', minutes: 1 }, { status: 'RESERVED', minutes: 2 }])
    const token = await staffToken()
    const byId = `query ($id: ID!) { donationItem(id: $id) { id status } }`

    expect((await subgraphGql('donations', byId, { id: reserved })).data.donationItem).toBeNull()
    expect((await subgraphGql('donations', byId, { id: available })).data.donationItem).toEqual({ id: available, status: 'AVAILABLE' })
    expect((await subgraphGql('donations', byId, { id: reserved }, { token })).data.donationItem).toEqual({ id: reserved, status: 'RESERVED' })

    const representations = [available, reserved].map((id) => ({ __typename: 'DonationItem', id }))
    const anonymousEntities = await subgraphGql('donations', ENTITIES, { representations })
    expect(anonymousEntities.data._entities.map((e: any) => e?.id ?? null)).toEqual([available, null])
    const staffEntities = await subgraphGql('donations', ENTITIES, { representations }, { token })
    expect(staffEntities.data._entities.map((e: any) => e.id)).toEqual([available, reserved])

    const anonymousInventory = (await subgraphGql('donations', INVENTORIES, { representations: centreRefs([centre]) })).data._entities[0].inventory
    expect(anonymousInventory.totalCount).toBe(1)
    expect(idsOf(anonymousInventory)).toEqual([available])
    const staffInventory = (await subgraphGql('donations', INVENTORIES, { representations: centreRefs([centre]) }, { token })).data._entities[0].inventory
    expect(staffInventory.totalCount).toBe(2)
    expect(idsOf(staffInventory)).toEqual([reserved, available])
  })

  it('refuses an invalid token instead of treating the caller as anonymous', async () => {
    const response = await subgraphGql('donations', ITEMS, {}, { authorization: 'Bearer not-a-token' })
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('_entities', () => {
  it('resolves 20 item references with one SQL statement, in order', async () => {
    const centre = newId()
    const ids = await seedItems(centre, Array.from({ length: 20 }, (_, i) => ({ title: `Item ${i}`, minutes: i })))
    const representations = [...ids].reverse().map((id) => ({ __typename: 'DonationItem', id }))
    const token = await staffToken()
    const before = await sqlStatements('donations')
    const response = await subgraphGql('donations', ENTITIES, { representations }, { token })
    const after = await sqlStatements('donations')
    expect(response.errors).toBeUndefined()
    expect(response.data._entities.map((e: any) => e.id)).toEqual([...ids].reverse())
    expect(after - before).toBe(1)
  })

  it('returns null for unknown and malformed references', async () => {
    const [item] = await seedItems(newId(), [{}])
    const representations = [newId(), 'not-an-id', item].map((id) => ({ __typename: 'DonationItem', id }))
    const response = await subgraphGql('donations', ENTITIES, { representations })
    expect(response.errors).toBeUndefined()
    expect(response.data._entities).toEqual([null, null, { id: item, title: 'Stroller', status: 'AVAILABLE' }])
    const centres = await subgraphGql('donations', INVENTORIES, { representations: centreRefs(['not-an-id']) })
    expect(centres.errors).toBeUndefined()
    expect(centres.data._entities).toEqual([null])
  })
})

describe('Centre.inventory', () => {
  async function centresWithItems(count: number) {
    const centres = Array.from({ length: count }, () => newId())
    const items = new Map<string, string[]>()
    for (const centre of centres)
      items.set(centre, await seedItems(centre, [{ category: 'TOYS', minutes: 1 }, { category: 'BOOKS', minutes: 2 }, { category: 'TOYS', status: 'RESERVED', minutes: 3 }]))
    return { centres, items }
  }

  it('costs the same number of SQL statements for 2 centres as for 10', async () => {
    const token = await staffToken()
    const statementsFor = async (count: number) => {
      const { centres, items } = await centresWithItems(count)
      const before = await sqlStatements('donations')
      const response = await subgraphGql('donations', INVENTORIES, { representations: centreRefs(centres), first: 2 }, { token })
      const after = await sqlStatements('donations')
      expect(response.errors).toBeUndefined()
      for (const [i, centre] of response.data._entities.entries()) {
        expect(centre.id).toBe(centres[i])
        expect(centre.inventory.totalCount).toBe(3)
        expect(idsOf(centre.inventory)).toEqual([...items.get(centres[i])!].reverse().slice(0, 2))
        expect(centre.inventory.pageInfo.hasNextPage).toBe(true)
      }
      return after - before
    }
    const forTwo = await statementsFor(2)
    const forTen = await statementsFor(10)
    expect(forTwo).toBe(2) // the pages of every centre, and their counts
    expect(forTen).toBe(forTwo)
  })

  it('filters by category and status and pages with after', async () => {
    const token = await staffToken()
    const { centres, items } = await centresWithItems(2)
    const [toy, book, reservedToy] = items.get(centres[0])!
    const inventory = async (variables: Record<string, unknown>) => {
      const response = await subgraphGql('donations', INVENTORIES, { representations: centreRefs(centres.slice(0, 1)), ...variables }, { token })
      expect(response.errors).toBeUndefined()
      return response.data._entities[0].inventory
    }
    expect(idsOf(await inventory({ filter: { category: 'TOYS' } }))).toEqual([reservedToy, toy])
    expect(idsOf(await inventory({ filter: { status: 'AVAILABLE' } }))).toEqual([book, toy])
    expect(idsOf(await inventory({ filter: { category: 'TOYS', status: 'RESERVED' } }))).toEqual([reservedToy])
    const first = await inventory({ first: 1 })
    expect(idsOf(first)).toEqual([reservedToy])
    const rest = await inventory({ first: 5, after: first.pageInfo.endCursor })
    expect(idsOf(rest)).toEqual([book, toy])
    expect(rest.totalCount).toBe(3)
  })
})

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a malformed centre id', { filter: { centreId: 'centre-1' } }, 'filter.centreId'],
    ['a malformed donor id', { filter: { donorId: '42' } }, 'filter.donorId'],
    ['a negative age', { filter: { ageMonths: -1 } }, 'filter.ageMonths'],
    ['a page size over the limit', { first: 500 }, 'first'],
    ['a negative page size', { first: -1 }, 'first'],
    ['a cursor not from this list', { after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ['a cursor with a forged timestamp', { after: Buffer.from(JSON.stringify(['yesterday', newId()])).toString('base64url') }, 'after'],
  ]
  for (const [name, variables, field] of cases)
    it(`refuses ${name}`, async () => {
      const response = await subgraphGql('donations', ITEMS, variables)
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
      expect(response.errors?.[0].extensions?.field).toBe(field)
      expect(response.errors?.[0].message.startsWith(`${field}: `)).toBe(true)
    })

  it('refuses a page size over the limit on Centre.inventory', async () => {
    const response = await subgraphGql('donations', INVENTORIES, { representations: centreRefs([newId()]), first: 500 })
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(response.errors?.[0].message).toMatch(/^first: /)
  })

  it('rejects impossible rows in the database itself', async () => {
    await expect(seedItems(newId(), [{ quantity: -1 }])).rejects.toThrow()
    await expect(seedItems(newId(), [{ minAgeMonths: 24, maxAgeMonths: 12 }])).rejects.toThrow()
    await expect(seedItems(newId(), [{ minAgeMonths: -3 }])).rejects.toThrow()
  })
})
