import { describe, expect, it } from 'vitest'
import { database, gql, newId, tokenFor } from './helpers.js'
import { seedCentres, seedOrganisation } from './fixtures.js'
import { insertProgramCentres, insertPrograms } from '../subgraphs/programs/src/db/queries.js'

/** A word no other test uses, in Hangul, so that a search finds only this test's programs. */
const hangulWord = () => Array.from({ length: 4 }, () => String.fromCharCode(0xac00 + Math.floor(Math.random() * 11172))).join('')

async function seedProgram(row: Partial<Parameters<typeof insertPrograms>[1][number]> & { providerOrganisationId: string; name: string }, centreIds: string[] = []) {
  const id = newId()
  await insertPrograms(database('programs').db, [{ id, description: 'A test program', category: 'OTHER', ...row }])
  await insertProgramCentres(database('programs').db, centreIds.map((centreId) => ({ programId: id, centreId })))
  return id
}

describe('the program directory through the gateway', () => {
  it("hands a centre's visitor the One Visit brochure: every partner's programs for the area the centre serves", async () => {
    const [district, partner] = [`test-gu-${newId().slice(0, 8)}`, await seedOrganisation('서초구 보건소')]
    const operator = await seedOrganisation('반포2동 주민센터')
    const { ids: [centre] } = await seedCentres(operator, 1, district) // serves dong-0 of the district
    const nurse = await seedProgram({ name: '방문간호 (Visiting Nurse Care)', category: 'HEALTHCARE', providerOrganisationId: partner, serviceAreas: [{ district, dong: 'dong-0' }] })
    const bus = await seedProgram({ name: '효도버스 (Hyodo Bus)', category: 'TRANSPORT', providerOrganisationId: partner, serviceAreas: [{ district, dong: null }] })
    const otherDong = await seedProgram({ name: 'Elsewhere', category: 'HEALTHCARE', providerOrganisationId: partner, serviceAreas: [{ district, dong: 'dong-1' }] })

    const response = await gql(
      `query ($id: ID!) { centre(id: $id) { name oneVisit(firstPerCategory: 20) { category totalCount programs { id name provider { name } } } } }`,
      { id: centre },
    )
    expect(response.errors).toBeUndefined()
    const brochure = response.data.centre.oneVisit as { category: string; programs: { id: string; provider: { name: string } }[] }[]
    const inCategory = (category: string) => brochure.find((group) => group.category === category)?.programs.map((p) => p.id) ?? []
    expect(inCategory('HEALTHCARE')).toContain(nurse)
    expect(inCategory('HEALTHCARE')).not.toContain(otherDong)
    expect(inCategory('TRANSPORT')).toContain(bus)
    const nurseEntry = brochure.flatMap((group) => group.programs).find((p) => p.id === nurse)
    expect(nurseEntry?.provider).toEqual({ name: '서초구 보건소' })
  })

  it('searches programs in Korean and English and filters them, with providers from the centres subgraph', async () => {
    const provider = await seedOrganisation('세종시 행복맘센터')
    const word = hangulWord()
    const english = `zq${newId().slice(0, 6)}`
    await seedProgram({ name: `${word} 임산부 교실`, alternateName: `Prenatal class ${english}`, category: 'PREGNANCY', providerOrganisationId: provider, capacity: 10, seatsTaken: 10 })
    await seedProgram({ name: `산후 요가 ${english}`, description: `${word} 수업 이후 과정`, category: 'CHILDBIRTH', providerOrganisationId: provider })

    const search = async (filter: Record<string, unknown>) => {
      const response = await gql(
        `query ($filter: ProgramFilter) { programs(filter: $filter) { totalCount edges { node { name category provider { name } } } } }`,
        { filter },
      )
      expect(response.errors).toBeUndefined()
      return response.data.programs
    }
    const korean = await search({ search: word })
    expect(korean.edges.map((e: any) => e.node.name)).toEqual([`${word} 임산부 교실`, `산후 요가 ${english}`])
    expect(korean.edges[0].node.provider).toEqual({ name: '세종시 행복맘센터' })
    expect((await search({ search: english.toUpperCase(), category: ['CHILDBIRTH'] })).totalCount).toBe(1)
    expect((await search({ search: english, hasFreeSeats: false })).edges.map((e: any) => e.node.category)).toEqual(['PREGNANCY'])

    const org = await gql(`query ($id: ID!) { organisation(id: $id) { programs(filter: { category: [PREGNANCY] }) { totalCount } } }`, { id: provider })
    expect(org.data.organisation.programs.totalCount).toBe(1)
  })

  it('refuses program changes to callers who do not manage the provider, and names invalid fields', async () => {
    const provider = await seedOrganisation()
    const input = { providerId: provider, name: 'Family counselling', description: 'Weekly sessions', category: 'COUNSELLING' }
    const CREATE = `mutation ($input: CreateProgramInput!) { createProgram(input: $input) { program { id provider { id } } userErrors { code field message } } }`

    const anonymous = await gql(CREATE, { input })
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')

    const caseworker = await gql(CREATE, { input }, { token: await tokenFor({ org: provider, roles: ['CASEWORKER'] }) })
    expect(caseworker.errors).toBeUndefined()
    expect(caseworker.data.createProgram).toEqual({ program: null, userErrors: [expect.objectContaining({ code: 'NOT_ALLOWED', field: null })] })

    const admin = await tokenFor({ org: provider, roles: ['ORG_ADMIN'] })
    const invalid = await gql(
      CREATE,
      { input: { ...input, serviceArea: [{ district: 'Atlantis-gu' }], startDate: '2026-05-01', endDate: '2026-04-01', capacity: -3 } },
      { token: admin },
    )
    expect(invalid.data.createProgram.program).toBeNull()
    expect(invalid.data.createProgram.userErrors.map((e: any) => e.field)).toEqual(
      expect.arrayContaining([['input', 'serviceArea', '0', 'district'], ['input', 'endDate'], ['input', 'capacity']]),
    )

    const created = await gql(CREATE, { input }, { token: admin })
    expect(created.data.createProgram).toEqual({ program: { id: expect.any(String), provider: { id: provider } }, userErrors: [] })
  })
})
