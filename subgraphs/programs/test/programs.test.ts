import { describe, it, expect } from 'vitest'
import { newId, subgraphGql } from '../../../tests/helpers.js'
import { names, PROGRAMS, seedPrograms, statementsFor, uniquePrefix } from './seed.js'

describe('programs subgraph', () => {
  it('returns one program with its provider and centres, and null for an unknown id', async () => {
    const provider = newId()
    const centres = [newId(), newId()].sort()
    const [program] = await seedPrograms([
      {
        name: `${uniquePrefix()}NURSE`,
        category: 'HEALTHCARE',
        lifeStages: ['INFANCY', 'OLD_AGE'],
        providerOrganisationId: provider,
        eligibilityDescription: 'Residents aged 65 or over',
        capacity: 120,
        seatsTaken: 87,
        centreIds: centres,
      },
    ])
    const query = /* GraphQL */ `
      query ($id: ID!, $unknown: ID!) {
        program(id: $id) {
          id name category lifeStages eligibility { description } capacity seatsTaken status createdAt updatedAt
          provider { id }
          centres { id }
        }
        unknown: program(id: $unknown) { id }
      }
    `
    const response = await subgraphGql('programs', query, { id: program.id.toUpperCase(), unknown: newId() })
    expect(response.errors).toBeUndefined()
    expect(response.data.program).toMatchObject({
      id: program.id,
      name: program.name,
      category: 'HEALTHCARE',
      lifeStages: ['INFANCY', 'OLD_AGE'],
      eligibility: { description: 'Residents aged 65 or over' },
      capacity: 120,
      seatsTaken: 87,
      status: 'ACTIVE',
      provider: { id: provider },
      centres: centres.map((id) => ({ id })),
    })
    expect(Date.parse(response.data.program.createdAt)).not.toBeNaN()
    expect(response.data.unknown).toBeNull()
  })

  it('describes a program as an HSDS service: taxonomy, partners, area, eligibility, cost, seats, schedule, application', async () => {
    const [provider, partner] = [newId(), newId()]
    const [program] = await seedPrograms([
      {
        name: `${uniquePrefix()}BUS`,
        alternateName: '효도버스',
        category: 'TRANSPORT',
        lifeStages: ['OLD_AGE'],
        targetGroups: ['OLDER_PEOPLE', 'ELDERLY_LIVING_ALONE'],
        providerOrganisationId: provider,
        coProviderOrganisationIds: [partner],
        funding: 'JOINT',
        serviceAreas: [
          { district: '서초구', dong: '반포2동' },
          { district: '서대문구', dong: null },
        ],
        minAge: 65,
        maxIncomeBand: 'NEAR_POOR',
        residencyRequired: true,
        requiredHouseholdFlags: ['ELDERLY_LIVING_ALONE'],
        requiredDocuments: ['ID card'],
        eligibilityDescription: 'Older residents',
        cost: 0,
        costDescription: 'Free',
        capacity: 40,
        seatsTaken: 15,
        scheduleDescription: 'Weekdays',
        howToApply: ['WALK_IN', 'PHONE'],
        applicationPhone: '02-2155-6114',
        languages: ['ko', 'en'],
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        sessions: [
          { day: 'WEDNESDAY', opens: '14:00:00', closes: '16:00:00' },
          { day: 'MONDAY', opens: '10:00:00', closes: '12:30:00' },
        ],
      },
    ])
    const response = await subgraphGql(
      'programs',
      `query ($id: ID!) { program(id: $id) {
        name alternateName category lifeStages targetGroups funding
        provider { id } coProviders { id } serviceArea { district dong }
        eligibility { minAge maxAge maxIncomeBand residencyRequired requiredHouseholdFlags requiredDocuments description }
        cost costDescription capacity seatsTaken freeSeats
        schedule { description sessions { day opens closes } }
        howToApply applicationUrl applicationPhone languages status statusReason startDate endDate
      } }`,
      { id: program.id },
    )
    expect(response.errors).toBeUndefined()
    expect(response.data.program).toEqual({
      name: program.name,
      alternateName: '효도버스',
      category: 'TRANSPORT',
      lifeStages: ['OLD_AGE'],
      targetGroups: ['OLDER_PEOPLE', 'ELDERLY_LIVING_ALONE'],
      funding: 'JOINT',
      provider: { id: provider },
      coProviders: [{ id: partner }],
      serviceArea: [
        { district: '서초구', dong: '반포2동' },
        { district: '서대문구', dong: null },
      ],
      eligibility: {
        minAge: 65,
        maxAge: null,
        maxIncomeBand: 'NEAR_POOR',
        residencyRequired: true,
        requiredHouseholdFlags: ['ELDERLY_LIVING_ALONE'],
        requiredDocuments: ['ID card'],
        description: 'Older residents',
      },
      cost: 0,
      costDescription: 'Free',
      capacity: 40,
      seatsTaken: 15,
      freeSeats: 25,
      schedule: {
        description: 'Weekdays',
        sessions: [
          { day: 'MONDAY', opens: '10:00', closes: '12:30' },
          { day: 'WEDNESDAY', opens: '14:00', closes: '16:00' },
        ],
      },
      howToApply: ['WALK_IN', 'PHONE'],
      applicationUrl: null,
      applicationPhone: '02-2155-6114',
      languages: ['ko', 'en'],
      status: 'ACTIVE',
      statusReason: null,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    })
  })

  it('filters by target group, funding, co-provider, service area and free seats', async () => {
    const [provider, partner] = [newId(), newId()]
    const prefix = uniquePrefix()
    await seedPrograms([
      { name: `${prefix}ANYWHERE`, providerOrganisationId: provider, targetGroups: ['ALL_RESIDENTS'], capacity: 10, seatsTaken: 10 },
      { name: `${prefix}BANPO`, providerOrganisationId: provider, funding: 'JOINT', serviceAreas: [{ district: '서초구', dong: '반포2동' }] },
      { name: `${prefix}SEOCHO`, providerOrganisationId: provider, serviceAreas: [{ district: '서초구', dong: null }], capacity: 5, seatsTaken: 4 },
      { name: `${prefix}SEODAEMUN`, providerOrganisationId: provider, targetGroups: ['LOW_INCOME'], serviceAreas: [{ district: '서대문구', dong: '홍제1동' }] },
      { name: `${prefix}SHARED`, providerOrganisationId: newId(), coProviderOrganisationIds: [partner, provider], funding: 'PRIVATE' },
    ])
    const list = async (filter: Record<string, unknown>) => {
      const response = await subgraphGql('programs', PROGRAMS, { filter: { providerId: provider, ...filter } })
      expect(response.errors).toBeUndefined()
      expect(response.data.programs.totalCount).toBe(response.data.programs.edges.length)
      return names(response.data.programs).map((name: string) => name.slice(prefix.length))
    }
    expect(await list({})).toEqual(['ANYWHERE', 'BANPO', 'SEOCHO', 'SEODAEMUN', 'SHARED'])
    expect(await list({ providerId: partner })).toEqual(['SHARED'])
    expect(await list({ targetGroup: 'LOW_INCOME' })).toEqual(['SEODAEMUN'])
    expect(await list({ funding: 'JOINT' })).toEqual(['BANPO'])
    expect(await list({ funding: 'PRIVATE' })).toEqual(['SHARED'])
    // No area restriction matches everywhere; a district matches its dongs; a dong matches its district.
    expect(await list({ district: '서초구' })).toEqual(['ANYWHERE', 'BANPO', 'SEOCHO', 'SHARED'])
    expect(await list({ district: '서초구', dong: '반포2동' })).toEqual(['ANYWHERE', 'BANPO', 'SEOCHO', 'SHARED'])
    expect(await list({ district: '서초구', dong: '서초3동' })).toEqual(['ANYWHERE', 'SEOCHO', 'SHARED'])
    expect(await list({ district: '서대문구', dong: '신촌동' })).toEqual(['ANYWHERE', 'SHARED'])
    expect(await list({ district: '세종시' })).toEqual(['ANYWHERE', 'SHARED'])
    expect(await list({ hasFreeSeats: true })).toEqual(['BANPO', 'SEOCHO', 'SEODAEMUN', 'SHARED'])
    expect(await list({ hasFreeSeats: false })).toEqual(['ANYWHERE'])
  })

  it('tells which programs are open at an instant, in Seoul time, against weekly sessions and dates', async () => {
    const provider = newId()
    const prefix = uniquePrefix()
    const tuesdayMorning = [{ day: 'TUESDAY' as const, opens: '10:00:00', closes: '12:00:00' }]
    await seedPrograms([
      { name: `${prefix}CLASS`, providerOrganisationId: provider, sessions: tuesdayMorning },
      { name: `${prefix}ENDED`, providerOrganisationId: provider, sessions: tuesdayMorning, endDate: '2026-02-28' },
      { name: `${prefix}LATER`, providerOrganisationId: provider, sessions: tuesdayMorning, startDate: '2026-04-01' },
      { name: `${prefix}NIGHT`, providerOrganisationId: provider, sessions: [{ day: 'TUESDAY', opens: '00:30:00', closes: '02:00:00' }] },
      { name: `${prefix}ONDEMAND`, providerOrganisationId: provider },
      { name: `${prefix}PAUSED`, providerOrganisationId: provider, sessions: tuesdayMorning, status: 'TEMPORARILY_CLOSED' },
    ])
    const open = async (at: string, openNow = true) => {
      const filter = { providerId: provider, openNow, at, status: ['ACTIVE', 'TEMPORARILY_CLOSED'] }
      const response = await subgraphGql('programs', PROGRAMS, { filter })
      expect(response.errors).toBeUndefined()
      return names(response.data.programs).map((name: string) => name.slice(prefix.length))
    }
    // 2026-03-03 is a Tuesday; Seoul is UTC+9.
    expect(await open('2026-03-03T01:30:00Z')).toEqual(['CLASS']) // Tue 10:30 KST
    expect(await open('2026-03-03T10:30:00+09:00')).toEqual(['CLASS'])
    expect(await open('2026-03-03T03:00:00Z')).toEqual([]) // Tue 12:00 KST: the session has ended
    expect(await open('2026-03-02T01:30:00Z')).toEqual([]) // Mon 10:30 KST
    expect(await open('2026-03-02T16:00:00Z')).toEqual(['NIGHT']) // Monday in UTC, Tue 01:00 in Seoul
    expect(await open('2026-04-07T01:30:00Z')).toEqual(['CLASS', 'LATER']) // a Tuesday in April
    expect(await open('2026-03-03T01:30:00Z', false)).toEqual(['ENDED', 'LATER', 'NIGHT', 'ONDEMAND', 'PAUSED'])

    const withoutOpenNow = await subgraphGql('programs', PROGRAMS, { filter: { at: '2026-03-03T01:30:00Z' } })
    expect(withoutOpenNow.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.at' } })
  })

  it('pages through programs in name order with keyset cursors', async () => {
    const provider = newId()
    const prefix = uniquePrefix()
    await seedPrograms(['E', 'A', 'D', 'B', 'C'].map((letter) => ({ name: `${prefix}${letter}`, providerOrganisationId: provider })))
    const filter = { providerId: provider }

    const first = await subgraphGql('programs', PROGRAMS, { filter, first: 2 })
    expect(first.errors).toBeUndefined()
    expect(first.data.programs.totalCount).toBe(5)
    expect(names(first.data.programs)).toEqual([`${prefix}A`, `${prefix}B`])
    expect(first.data.programs.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false })

    const second = await subgraphGql('programs', PROGRAMS, { filter, first: 2, after: first.data.programs.pageInfo.endCursor })
    expect(names(second.data.programs)).toEqual([`${prefix}C`, `${prefix}D`])
    expect(second.data.programs.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true })

    const last = await subgraphGql('programs', PROGRAMS, { filter, first: 2, after: second.data.programs.pageInfo.endCursor })
    expect(names(last.data.programs)).toEqual([`${prefix}E`])
    expect(last.data.programs.pageInfo.hasNextPage).toBe(false)
    expect(last.data.programs.totalCount).toBe(5)

    const empty = await subgraphGql('programs', PROGRAMS, { filter, first: 0 })
    expect(empty.data.programs).toMatchObject({ totalCount: 5, edges: [], pageInfo: { hasNextPage: true, endCursor: null } })
  })

  it('filters by category, life stage, provider, centre and status', async () => {
    const provider = newId()
    const otherProvider = newId()
    const centre = newId()
    const prefix = uniquePrefix()
    await seedPrograms([
      { name: `${prefix}BUS`, category: 'TRANSPORT', lifeStages: ['OLD_AGE'], providerOrganisationId: provider, centreIds: [centre] },
      { name: `${prefix}LUNCH`, category: 'FOOD', lifeStages: ['OLD_AGE'], providerOrganisationId: otherProvider, centreIds: [centre] },
      { name: `${prefix}PRENATAL`, category: 'PREGNANCY', lifeStages: ['PREGNANCY'], providerOrganisationId: provider },
      { name: `${prefix}STUDY`, category: 'EDUCATION', lifeStages: ['CHILDHOOD', 'YOUTH'], providerOrganisationId: provider, status: 'INACTIVE' },
    ])
    const list = async (filter: Record<string, unknown>) => {
      const response = await subgraphGql('programs', PROGRAMS, { filter })
      expect(response.errors).toBeUndefined()
      return { names: names(response.data.programs), totalCount: response.data.programs.totalCount }
    }

    // ACTIVE only unless the filter asks for other statuses.
    expect(await list({ providerId: provider })).toEqual({ names: [`${prefix}BUS`, `${prefix}PRENATAL`], totalCount: 2 })
    expect(await list({ providerId: provider, status: ['ACTIVE', 'TEMPORARILY_CLOSED', 'INACTIVE'] })).toEqual({
      names: [`${prefix}BUS`, `${prefix}PRENATAL`, `${prefix}STUDY`],
      totalCount: 3,
    })
    expect(await list({ centreId: centre })).toEqual({ names: [`${prefix}BUS`, `${prefix}LUNCH`], totalCount: 2 })
    expect(await list({ centreId: centre, lifeStage: 'OLD_AGE', category: 'FOOD' })).toEqual({ names: [`${prefix}LUNCH`], totalCount: 1 })
    expect(await list({ providerId: provider, lifeStage: 'YOUTH', status: 'INACTIVE' })).toEqual({ names: [`${prefix}STUDY`], totalCount: 1 })
    expect(await list({ providerId: provider, lifeStage: 'YOUTH' })).toEqual({ names: [], totalCount: 0 })
    expect(await list({ providerId: provider, category: ['TRANSPORT', 'PREGNANCY'] })).toEqual({ names: [`${prefix}BUS`, `${prefix}PRENATAL`], totalCount: 2 })
    expect(await list({ providerId: provider, category: 'FOOD' })).toEqual({ names: [], totalCount: 0 })
  })

  it('resolves 20 Program references with one SQL statement, and malformed or unknown ones to null', async () => {
    const provider = newId()
    const prefix = uniquePrefix()
    const programs = await seedPrograms(
      Array.from({ length: 20 }, (_, i) => ({ name: `${prefix}${String(i).padStart(2, '0')}`, providerOrganisationId: provider })),
    )
    const query = /* GraphQL */ `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Program { id name provider { id } } }
      }
    `
    const representations = programs.map((program) => ({ __typename: 'Program', id: program.id }))
    const response = await subgraphGql('programs', query, {
      representations: [...representations, { __typename: 'Program', id: 'not-an-id' }, { __typename: 'Program', id: newId() }],
    })
    expect(response.errors).toBeUndefined()
    expect(response.data._entities.slice(0, 20)).toEqual(programs.map((p) => ({ id: p.id, name: p.name, provider: { id: provider } })))
    expect(response.data._entities.slice(20)).toEqual([null, null])

    expect(await statementsFor(() => subgraphGql('programs', query, { representations }))).toBe(1)
  })

  it('lists the programs at each centre with a fixed number of statements however many centres', async () => {
    const prefix = uniquePrefix()
    const centres = Array.from({ length: 10 }, () => newId())
    // Centre i delivers programs 0..i (capped at 3) plus one shared by all centres.
    const shared = { name: `${prefix}ZSHARED`, providerOrganisationId: newId(), centreIds: centres }
    const own = centres.flatMap((centre, i) =>
      Array.from({ length: Math.min(i + 1, 3) }, (_, j) => ({ name: `${prefix}C${i}P${j}`, providerOrganisationId: newId(), centreIds: [centre] })),
    )
    await seedPrograms([shared, ...own])
    const emptyCentre = newId()
    const query = /* GraphQL */ `
      query ($representations: [_Any!]!, $after: String) {
        _entities(representations: $representations) {
          ... on Centre {
            id
            programs(first: 2, after: $after) {
              totalCount
              pageInfo { hasNextPage endCursor }
              edges { node { name centres { id } } }
            }
          }
        }
      }
    `
    const request = (ids: string[], after?: string) =>
      subgraphGql('programs', query, { representations: ids.map((id) => ({ __typename: 'Centre', id })), after })

    const response = await request([...centres, emptyCentre, 'not-an-id'])
    expect(response.errors).toBeUndefined()
    const [first, , third] = response.data._entities
    expect(first).toMatchObject({ id: centres[0], programs: { totalCount: 2, pageInfo: { hasNextPage: false } } })
    expect(names(first.programs)).toEqual([`${prefix}C0P0`, `${prefix}ZSHARED`])
    expect(first.programs.edges[1].node.centres).toHaveLength(10)
    expect(third.programs).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } })
    expect(names(third.programs)).toEqual([`${prefix}C2P0`, `${prefix}C2P1`])
    expect(response.data._entities[10]).toEqual({ id: emptyCentre, programs: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } })
    expect(response.data._entities[11]).toBeNull()

    const next = await request([centres[2]], third.programs.pageInfo.endCursor)
    expect(next.errors).toBeUndefined()
    expect(names(next.data._entities[0].programs)).toEqual([`${prefix}C2P2`, `${prefix}ZSHARED`])
    expect(next.data._entities[0].programs.pageInfo.hasNextPage).toBe(false)

    const forTwo = await statementsFor(() => request(centres.slice(0, 2)))
    const forTen = await statementsFor(() => request(centres))
    expect(forTen).toBe(forTwo)
    expect(forTen).toBeLessThanOrEqual(3) // programs, their counts, their centres
  })

  it('lists the programs each organisation provides', async () => {
    const prefix = uniquePrefix()
    const [providerA, providerB, providerC] = [newId(), newId(), newId()]
    await seedPrograms([
      { name: `${prefix}A2`, providerOrganisationId: providerA },
      { name: `${prefix}A1`, providerOrganisationId: providerA },
      { name: `${prefix}A3`, providerOrganisationId: providerA },
      { name: `${prefix}B1`, providerOrganisationId: providerB },
    ])
    const query = /* GraphQL */ `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Organisation { id programs(first: 2) { totalCount pageInfo { hasNextPage } edges { node { name provider { id } } } } }
        }
      }
    `
    const request = (ids: string[]) =>
      subgraphGql('programs', query, { representations: ids.map((id) => ({ __typename: 'Organisation', id })) })
    const response = await request([providerA, providerB, providerC])
    expect(response.errors).toBeUndefined()
    const [a, b, c] = response.data._entities
    expect(names(a.programs)).toEqual([`${prefix}A1`, `${prefix}A2`])
    expect(a.programs).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } })
    expect(a.programs.edges[0].node.provider).toEqual({ id: providerA })
    expect(names(b.programs)).toEqual([`${prefix}B1`])
    expect(c.programs).toMatchObject({ totalCount: 0, edges: [] })

    expect(await statementsFor(() => request([providerA, providerB, providerC]))).toBe(2)
  })

  it('refuses bad input with a message naming the argument', async () => {
    const malformedId = await subgraphGql('programs', '{ program(id: "not-an-id") { id } }')
    expect(malformedId.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } })
    expect(malformedId.errors?.[0].message).toMatch(/^id: /)

    const tooMany = await subgraphGql('programs', PROGRAMS, { first: 500 })
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } })

    const negative = await subgraphGql('programs', PROGRAMS, { first: -1 })
    expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')

    for (const field of ['providerId', 'centreId']) {
      const response = await subgraphGql('programs', PROGRAMS, { filter: { [field]: '42' } })
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: `filter.${field}` } })
      expect(response.errors?.[0].message).toContain(`filter.${field}`)
    }

    const dongAlone = await subgraphGql('programs', PROGRAMS, { filter: { dong: '반포2동' } })
    expect(dongAlone.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.dong' } })

    const relevanceWithoutSearch = await subgraphGql('programs', PROGRAMS, { orderBy: 'RELEVANCE' })
    expect(relevanceWithoutSearch.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'orderBy' } })

    const badCursor = await subgraphGql('programs', PROGRAMS, { after: 'garbage' })
    expect(badCursor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } })

    const badEnum = await subgraphGql('programs', PROGRAMS, { filter: { category: 'SPACE_TRAVEL' } })
    expect(badEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')

    const centreTooMany = await subgraphGql(
      'programs',
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Centre { programs(first: 500) { totalCount } } } }',
      { r: [{ __typename: 'Centre', id: newId() }] },
    )
    expect(centreTooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } })
  })
})
