import { describe, expect, it } from 'vitest'
import { newId, subgraphGql } from '../../../tests/helpers.js'
import { PROGRAMS, seedPrograms, statementsFor, uniquePrefix } from './seed.js'

const ONE_VISIT = /* GraphQL */ `
  query ($representations: [_Any!]!, $perCategory: Int) {
    _entities(representations: $representations) {
      ... on Centre { id oneVisit(firstPerCategory: $perCategory) { category totalCount programs { id name } } }
    }
  }
`

describe('One Visit brochure (Centre.oneVisit)', () => {
  it("lists every partner's active programs available where the centre's residents live, grouped by category", async () => {
    // A district of its own keeps other tests' area-restricted programs out; programs with no area
    // restriction (from any test) are available everywhere, so totals are compared with `programs`.
    const district = `test-gu-${newId().slice(0, 8)}`
    const prefix = uniquePrefix()
    const [centreInDongA, centreInDongB, districtCentre, buildingCentre] = [newId(), newId(), newId(), newId()]
    const seeded = await seedPrograms([
      { name: `${prefix}WHOLE`, category: 'LEGAL_AID', providerOrganisationId: newId(), serviceAreas: [{ district, dong: null }] },
      { name: `${prefix}DONGA1`, category: 'FUNERAL', providerOrganisationId: newId(), serviceAreas: [{ district, dong: 'A' }] },
      { name: `${prefix}DONGA2`, category: 'FUNERAL', providerOrganisationId: newId(), serviceAreas: [{ district, dong: 'A' }] },
      { name: `${prefix}DONGB`, category: 'FUNERAL', providerOrganisationId: newId(), serviceAreas: [{ district, dong: 'B' }] },
      { name: `${prefix}CLOSED`, category: 'FUNERAL', providerOrganisationId: newId(), serviceAreas: [{ district, dong: 'A' }], status: 'INACTIVE' },
      { name: `${prefix}ELSEWHERE`, category: 'LEGAL_AID', providerOrganisationId: newId(), serviceAreas: [{ district: `${district}x`, dong: null }] },
      // Delivered in the building, although meant for another area.
      { name: `${prefix}INBUILDING`, category: 'LEGAL_AID', providerOrganisationId: newId(), serviceAreas: [{ district: `${district}x`, dong: null }], centreIds: [buildingCentre] },
    ])
    const id = (name: string) => seeded.find((program) => program.name === `${prefix}${name}`)!.id
    const representations = [
      { __typename: 'Centre', id: centreInDongA, district, dong: 'A' },
      { __typename: 'Centre', id: centreInDongB, district, dong: 'B' },
      { __typename: 'Centre', id: districtCentre, district, dong: null },
      { __typename: 'Centre', id: buildingCentre, district, dong: 'C' },
      { __typename: 'Centre', id: newId() }, // no district: a caller bypassing @requires
    ]
    const response = await subgraphGql('programs', ONE_VISIT, { representations, perCategory: 100 })
    expect(response.errors).toBeUndefined()
    const [dongA, dongB, wholeDistrict, building, noDistrict] = response.data._entities
    const ids = (brochure: any[], category: string) => brochure.find((group) => group.category === category)?.programs.map((p: any) => p.id) ?? []

    expect(ids(dongA.oneVisit, 'FUNERAL')).toEqual(expect.arrayContaining([id('DONGA1'), id('DONGA2')]))
    expect(ids(dongA.oneVisit, 'FUNERAL')).not.toContain(id('DONGB'))
    expect(ids(dongA.oneVisit, 'FUNERAL')).not.toContain(id('CLOSED'))
    expect(ids(dongA.oneVisit, 'LEGAL_AID')).toContain(id('WHOLE'))
    expect(ids(dongA.oneVisit, 'LEGAL_AID')).not.toContain(id('ELSEWHERE'))
    expect(ids(dongB.oneVisit, 'FUNERAL')).toContain(id('DONGB'))
    expect(ids(dongB.oneVisit, 'FUNERAL')).not.toContain(id('DONGA1'))
    // A centre serving the whole district hands out the programs of each of its dongs.
    expect(ids(wholeDistrict.oneVisit, 'FUNERAL')).toEqual(expect.arrayContaining([id('DONGA1'), id('DONGA2'), id('DONGB')]))
    expect(ids(building.oneVisit, 'LEGAL_AID')).toEqual(expect.arrayContaining([id('WHOLE'), id('INBUILDING')]))
    expect(ids(building.oneVisit, 'FUNERAL')).not.toContain(id('DONGA1'))
    expect(noDistrict.oneVisit).toBeNull()

    // Categories in taxonomy order; totals agree with the `programs` filter for the same area.
    const categories = dongA.oneVisit.map((group: any) => group.category)
    expect(categories.indexOf('FUNERAL')).toBeLessThan(categories.indexOf('LEGAL_AID'))
    for (const group of dongA.oneVisit) {
      const list = await subgraphGql('programs', PROGRAMS, { filter: { district, dong: 'A', category: [group.category] }, first: 0 })
      expect(group.totalCount).toBe(list.data.programs.totalCount)
      expect(group.programs).toHaveLength(group.totalCount)
    }

    const short = await subgraphGql('programs', ONE_VISIT, { representations: representations.slice(0, 1), perCategory: 1 })
    const funeral = short.data._entities[0].oneVisit.find((group: any) => group.category === 'FUNERAL')
    expect(funeral.programs).toHaveLength(1)
    expect(funeral.totalCount).toBeGreaterThanOrEqual(2)
    const none = await subgraphGql('programs', ONE_VISIT, { representations: representations.slice(0, 1), perCategory: 0 })
    expect(none.data._entities[0].oneVisit.find((group: any) => group.category === 'FUNERAL')).toEqual({ category: 'FUNERAL', totalCount: funeral.totalCount, programs: [] })
  })

  it('costs one SQL statement however many centres ask', async () => {
    const district = `test-gu-${newId().slice(0, 8)}`
    await seedPrograms([{ name: `${uniquePrefix()}P`, category: 'FUNERAL', providerOrganisationId: newId(), serviceAreas: [{ district, dong: null }] }])
    const request = (count: number) =>
      subgraphGql('programs', ONE_VISIT, {
        representations: Array.from({ length: count }, (_, i) => ({ __typename: 'Centre', id: newId(), district, dong: `D${i}` })),
        perCategory: 3,
      })
    expect(await statementsFor(() => request(2))).toBe(1)
    expect(await statementsFor(() => request(25))).toBe(1)
  })

  it('refuses a page size out of range', async () => {
    const response = await subgraphGql('programs', ONE_VISIT, { representations: [{ __typename: 'Centre', id: newId(), district: '서초구', dong: null }], perCategory: 101 })
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'firstPerCategory' } })
  })
})
