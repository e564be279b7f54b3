/**
 * The service directory's centres side through the gateway: organisations with their hierarchy,
 * centre search and filters, and partner mutations (allowed, refused, invalid).
 */
import { describe, expect, it } from 'vitest'
import { insertCentres, insertOpeningHours, insertOrganisations } from '../subgraphs/centres/src/db/queries.js'
import { database, gql, newId, tokenFor } from './helpers.js'

const db = () => database('centres').db

async function seedDistrictOffice() {
  const office = newId()
  const dongOffice = newId()
  await insertOrganisations(db(), [{ id: office, name: `구청 ${newId().slice(0, 8)}`, alternateName: 'District Office', sector: 'PUBLIC', kind: 'DISTRICT_OFFICE' }])
  await insertOrganisations(db(), [
    { id: dongOffice, name: `동 주민센터 ${newId().slice(0, 8)}`, sector: 'PUBLIC', kind: 'COMMUNITY_SERVICE_CENTRE_OPERATOR', parentOrganisationId: office },
  ])
  return { office, dongOffice }
}

const CREATE_CENTRE = `mutation ($input: CreateCentreInput!) {
  createCentre(input: $input) { centre { id name organisation { id parentOrganisation { id } } residentsPerWorker } userErrors { code field message } } }`

const newCentreInput = (organisationId: string, name: string) => ({
  organisationId,
  name,
  kind: 'COMMUNITY_SERVICE_CENTRE',
  address: { address1: '신촌로 201', district: '서대문구', dong: '신촌동' },
  latitude: 37.5596,
  longitude: 126.9425,
  openingHours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, opens: '09:00', closes: '18:00' })),
  hoursExceptions: [{ date: '2026-12-25', isClosed: true, reason: '성탄절' }],
  residentsServed: 1260,
  welfareWorkers: 7,
  visitingNurses: 3,
})

describe('the centres directory through the gateway', () => {
  it('lets an ORG_ADMIN add a centre that search, openNow and near then find', async () => {
    const { office, dongOffice } = await seedDistrictOffice()
    const token = await tokenFor({ org: dongOffice, roles: ['ORG_ADMIN'] })
    const name = `신촌 복지허브 ${newId().slice(0, 8)}`
    const created = await gql(CREATE_CENTRE, { input: newCentreInput(dongOffice, name) }, { token })
    expect(created.errors).toBeUndefined()
    expect(created.data.createCentre).toMatchObject({
      centre: { name, organisation: { id: dongOffice, parentOrganisation: { id: office } }, residentsPerWorker: 126 },
      userErrors: [],
    })
    const id = created.data.createCentre.centre.id

    const query = `query ($filter: CentreFilter) { centres(filter: $filter) { totalCount edges { node { id distanceKm isOpen(at: "2026-11-25T01:30:00Z") } } } }`
    const list = async (filter: Record<string, unknown>) => {
      const response = await gql(query, { filter })
      expect(response.errors).toBeUndefined()
      return response.data.centres
    }
    const scope = { organisationId: dongOffice }
    expect((await list({ ...scope, search: name.slice(-8) })).edges).toEqual([{ node: { id, distanceKm: null, isOpen: true } }])
    expect((await list({ ...scope, search: '복지허브' })).totalCount).toBe(1)
    expect((await list({ ...scope, openNow: true, at: '2026-11-25T01:30:00Z' })).totalCount).toBe(1)
    expect((await list({ ...scope, openNow: true, at: '2026-12-25T01:30:00Z' })).totalCount).toBe(0)
    const near = await list({ ...scope, near: { latitude: 37.5596, longitude: 126.9425, radiusKm: 1 } })
    expect(near.edges).toEqual([{ node: { id, distanceKm: 0, isOpen: true } }])

    const organisation = await gql(
      `query ($id: ID!) { organisation(id: $id) { childOrganisations { totalCount edges { node { id centres { totalCount } } } } } }`,
      { id: office },
    )
    expect(organisation.data.organisation.childOrganisations).toEqual({ totalCount: 1, edges: [{ node: { id: dongOffice, centres: { totalCount: 1 } } }] })
  })

  it('refuses another organisation and anonymous callers, and reports invalid input by field', async () => {
    const { dongOffice } = await seedDistrictOffice()
    const centre = newId()
    await insertCentres(db(), [{ id: centre, name: 'Existing', kind: 'WELFARE_HUB', organisationId: dongOffice, district: '서대문구', address: '1 Test-ro' }])
    await insertOpeningHours(db(), [{ centreId: centre, day: 'MONDAY', opens: '09:00', closes: '18:00' }])
    const close = `mutation ($input: CloseCentreInput!) { closeCentre(input: $input) { centre { status } userErrors { code field } } }`

    const stranger = await tokenFor({ org: (await seedDistrictOffice()).dongOffice, roles: ['ORG_ADMIN'] })
    const refused = await gql(close, { input: { id: centre, reason: 'Renovation' } }, { token: stranger })
    expect(refused.data.closeCentre).toEqual({ centre: null, userErrors: [{ code: 'NOT_ALLOWED', field: ['input', 'id'] }] })

    const anonymous = await gql(close, { input: { id: centre, reason: 'Renovation' } })
    expect(anonymous.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, path: ['closeCentre'] })

    const token = await tokenFor({ org: dongOffice, roles: ['ORG_ADMIN'] })
    const invalid = await gql(
      CREATE_CENTRE,
      {
        input: {
          ...newCentreInput(dongOffice, 'Invalid'),
          address: { address1: 'x', district: '어딘가구', administrativeDongCode: '12' },
          latitude: 95,
          welfareWorkers: -1,
          languages: ['kor'],
          openingHours: [{ day: 'MONDAY', opens: '18:00', closes: '09:00' }],
        },
      },
      { token },
    )
    expect(invalid.data.createCentre.centre).toBeNull()
    expect(invalid.data.createCentre.userErrors.map((error: any) => [error.code, error.field.join('.')]).sort()).toEqual(
      [
        ['INVALID_VALUE', 'input.address.district'],
        ['INVALID_VALUE', 'input.address.administrativeDongCode'],
        ['INVALID_VALUE', 'input.latitude'],
        ['INVALID_VALUE', 'input.welfareWorkers'],
        ['INVALID_VALUE', 'input.languages.0'],
        ['INVALID_VALUE', 'input.openingHours.0.closes'],
      ].sort(),
    )

    const unchanged = await gql(`query ($id: ID!) { centre(id: $id) { status } }`, { id: centre })
    expect(unchanged.data.centre.status).toBe('ACTIVE')
  })
})
