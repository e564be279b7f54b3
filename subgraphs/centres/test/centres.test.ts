import { describe, expect, it } from 'vitest'
import { database, newId, sqlStatements, subgraphGql, tokenFor } from '../../../tests/helpers.js'
import {
  centreListQuery,
  insertCentres,
  insertHoursExceptions,
  insertOpeningHours,
  insertOrganisationContacts,
  insertOrganisations,
} from '../src/db/queries.js'
import type { CentreRow, HoursExceptionRow, OpeningHoursRow, OrganisationRow } from '../src/db/tables.js'
import { generateCentresDirectory } from '../src/generate.js'
import { parseCentreFilter } from '../src/resolvers/filters.js'

type NewOrganisation = Partial<OrganisationRow>
type NewCentre = Partial<CentreRow> & {
  hours?: Omit<OpeningHoursRow, 'centreId'>[]
  exceptions?: (Partial<HoursExceptionRow> & { date: string; isClosed: boolean })[]
}

const db = () => database('centres').db

/** A token of letters unlikely to occur in any other test's text, Hangul or Latin. */
const hangulToken = () => Array.from({ length: 3 }, () => String.fromCharCode(0xac00 + Math.floor(Math.random() * 11172))).join('')
/** 12 random latin letters: distinct enough that the fuzzy (trigram) search never confuses two tests' tokens. */
const latinToken = () => `Q${[...newId().replace(/-/g, '').slice(0, 12)].map((c) => String.fromCharCode(71 + parseInt(c, 16))).join('')}X`

async function seedOrganisation(fields: NewOrganisation = {}) {
  const row = { id: newId(), name: `Org ${latinToken()}`, sector: 'PUBLIC' as const, kind: 'DISTRICT_OFFICE' as const, ...fields }
  await insertOrganisations(db(), [row])
  return row.id
}

async function seedCentre(organisationId: string, { hours, exceptions, ...fields }: NewCentre = {}) {
  const row = {
    id: newId(),
    name: `Centre ${latinToken()}`,
    kind: 'COMMUNITY_SERVICE_CENTRE' as const,
    organisationId,
    district: `test-gu-${newId().slice(0, 8)}`,
    address: '1 Test-ro',
    ...fields,
  }
  await insertCentres(db(), [row])
  await insertOpeningHours(db(), (hours ?? []).map((entry) => ({ ...entry, centreId: row.id })))
  await insertHoursExceptions(db(), (exceptions ?? []).map((entry) => ({ ...entry, centreId: row.id })))
  return row.id
}

const weekdays = (opens = '09:00', closes = '18:00') =>
  (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((day) => ({ day, opens, closes }))

const CENTRES = /* GraphQL */ `
  query Centres($filter: CentreFilter, $first: Int, $after: String) {
    centres(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name distanceKm } }
    }
  }
`

async function listCentres(filter: Record<string, unknown>, first = 50, after?: string) {
  const response = await subgraphGql('centres', CENTRES, { filter, first, after })
  expect(response.errors).toBeUndefined()
  const connection = response.data.centres
  return { ids: connection.edges.map((edge: any) => edge.node.id) as string[], totalCount: connection.totalCount as number, connection }
}

describe('organisations and centres: the model', () => {
  it('returns an organisation with its parent, children, phones and contacts', async () => {
    const parent = await seedOrganisation({ name: `서대문구청 ${latinToken()}` })
    const child = await seedOrganisation({
      name: `홍제1동 ${latinToken()}`,
      alternateName: 'Hongje 1-dong Office',
      description: 'Dong office',
      kind: 'COMMUNITY_SERVICE_CENTRE_OPERATOR',
      parentOrganisationId: parent,
      registrationId: '110-83-00001',
      website: 'https://example.org',
      email: 'office@example.org',
      phones: [{ number: '02-330-8000', kind: 'MAIN' }, { number: '02-330-8009', kind: 'FAX', description: 'Documents' }],
    })
    await insertOrganisationContacts(db(), [
      { id: newId(), organisationId: child, position: 1, name: '박철수', role: 'Nurse' },
      { id: newId(), organisationId: child, position: 0, name: '이서연', role: '팀장', phone: '02-330-8005', email: 'lee@example.org' },
    ])
    const response = await subgraphGql(
      'centres',
      `query ($id: ID!, $parent: ID!) {
        organisation(id: $id) {
          id alternateName description sector kind registrationId website email
          parentOrganisation { id }
          phones { number kind description }
          contacts { name role phone email }
        }
        parent: organisation(id: $parent) { parentOrganisation { id } childOrganisations(first: 5) { totalCount edges { node { id } } } }
      }`,
      { id: child, parent },
    )
    expect(response.errors).toBeUndefined()
    expect(response.data.organisation).toEqual({
      id: child,
      alternateName: 'Hongje 1-dong Office',
      description: 'Dong office',
      sector: 'PUBLIC',
      kind: 'COMMUNITY_SERVICE_CENTRE_OPERATOR',
      registrationId: '110-83-00001',
      website: 'https://example.org',
      email: 'office@example.org',
      parentOrganisation: { id: parent },
      phones: [
        { number: '02-330-8000', kind: 'MAIN', description: null },
        { number: '02-330-8009', kind: 'FAX', description: 'Documents' },
      ],
      contacts: [
        { name: '이서연', role: '팀장', phone: '02-330-8005', email: 'lee@example.org' },
        { name: '박철수', role: 'Nurse', phone: null, email: null },
      ],
    })
    expect(response.data.parent).toEqual({ parentOrganisation: null, childOrganisations: { totalCount: 1, edges: [{ node: { id: child } }] } })
  })

  it('returns a centre with its address, hours, exceptions, facilities and residents per worker', async () => {
    const org = await seedOrganisation()
    const centre = await seedCentre(org, {
      alternateName: 'Hongje 1-dong Community Service Centre',
      description: 'Welfare hub',
      kind: 'WELFARE_HUB',
      address: '세검정로4길 32',
      city: '서울특별시',
      district: '서대문구',
      dong: '홍제1동',
      postalCode: '03615',
      administrativeDongCode: '1141069000',
      latitude: 37.5869,
      longitude: 126.945,
      phones: [{ number: '02-330-8000', kind: 'MAIN' }],
      languages: ['ko', 'en'],
      facilities: ['WHEELCHAIR_ACCESS', 'NURSING_ROOM'],
      residentsServed: 1512,
      welfareWorkers: 9,
      visitingNurses: 3,
      hours: [...weekdays(), { day: 'SATURDAY', opens: '10:00', closes: '13:00' }],
      exceptions: [
        { date: '2026-12-25', isClosed: true, reason: '성탄절' },
        { date: '2026-01-01', isClosed: true, reason: '신정' },
        { date: '2026-12-24', isClosed: false, opens: '10:00', closes: '15:00', reason: 'Short day' },
      ],
    })
    const unstaffed = await seedCentre(org, { residentsServed: 500, welfareWorkers: 0, visitingNurses: 0 })
    const response = await subgraphGql(
      'centres',
      `query ($id: ID!, $unstaffed: ID!) {
        centre(id: $id) {
          kind status statusReason alternateName description district dong latitude longitude distanceKm
          organisation { id }
          address { address1 city district dong postalCode administrativeDongCode }
          phones { number kind }
          languages facilities
          openingHours { day opens closes }
          hoursExceptions { date isClosed opens closes reason }
          upcoming: hoursExceptions(from: "2026-12-25") { date }
          residentsServed welfareWorkers visitingNurses residentsPerWorker
        }
        unstaffed: centre(id: $unstaffed) { residentsPerWorker }
      }`,
      { id: centre, unstaffed },
    )
    expect(response.errors).toBeUndefined()
    const c = response.data.centre
    expect(c).toMatchObject({
      kind: 'WELFARE_HUB',
      status: 'ACTIVE',
      statusReason: null,
      district: '서대문구',
      dong: '홍제1동',
      distanceKm: null,
      organisation: { id: org },
      address: { address1: '세검정로4길 32', city: '서울특별시', district: '서대문구', dong: '홍제1동', postalCode: '03615', administrativeDongCode: '1141069000' },
      phones: [{ number: '02-330-8000', kind: 'MAIN' }],
      languages: ['ko', 'en'],
      facilities: ['WHEELCHAIR_ACCESS', 'NURSING_ROOM'],
      residentsServed: 1512,
      welfareWorkers: 9,
      visitingNurses: 3,
      residentsPerWorker: 126,
    })
    expect(c.openingHours).toHaveLength(6)
    expect(c.openingHours[0]).toEqual({ day: 'MONDAY', opens: '09:00', closes: '18:00' })
    expect(c.openingHours[5]).toEqual({ day: 'SATURDAY', opens: '10:00', closes: '13:00' })
    expect(c.hoursExceptions).toEqual([
      { date: '2026-01-01', isClosed: true, opens: null, closes: null, reason: '신정' },
      { date: '2026-12-24', isClosed: false, opens: '10:00', closes: '15:00', reason: 'Short day' },
      { date: '2026-12-25', isClosed: true, opens: null, closes: null, reason: '성탄절' },
    ])
    expect(c.upcoming).toEqual([{ date: '2026-12-25' }])
    expect(response.data.unstaffed.residentsPerWorker).toBeNull()
  })
})

describe('centres: search and filters', () => {
  it('finds centres by Korean text, including a word inside a compound and a short word', async () => {
    const org = await seedOrganisation()
    const token = hangulToken()
    const hub = await seedCentre(org, { name: `${token} 행복주민센터` })
    const described = await seedCentre(org, { name: `Centre ${latinToken()}`, description: `${token} 가족 상담` })
    await seedCentre(org, { name: '다른 복지관' })

    // Name hits outrank description hits.
    expect((await listCentres({ search: token })).ids).toEqual([hub, described])
    // 주민센터 inside 행복주민센터: no word boundary needed (ILIKE on the trigram index).
    expect((await listCentres({ search: '주민센터', organisationId: org })).ids).toEqual([hub])
    expect((await listCentres({ search: '상담', organisationId: org })).ids).toEqual([described])
    expect((await listCentres({ search: '없는말', organisationId: org })).totalCount).toBe(0)
  })

  it('finds centres by English text, case-insensitively and despite a typo, and through the operating organisation', async () => {
    const token = latinToken()
    const org = await seedOrganisation()
    const exact = await seedCentre(org, { name: '행복맘센터', alternateName: `Happy Mom Center ${token}` })
    const operatorToken = latinToken()
    const operated = await seedCentre(await seedOrganisation({ alternateName: `Welfare Foundation ${operatorToken}` }), { name: '복지관' })

    expect((await listCentres({ search: token.toLowerCase() })).ids).toEqual([exact])
    expect((await listCentres({ search: 'hapy mom centr', organisationId: org })).ids).toEqual([exact])
    expect((await listCentres({ search: operatorToken })).ids).toEqual([operated])
  })

  it('filters by district, dong, kind, status, organisation, sector, facility and language', async () => {
    const district = `test-gu-${newId().slice(0, 8)}`
    const publicOrg = await seedOrganisation({ sector: 'PUBLIC' })
    const ngo = await seedOrganisation({ sector: 'NONPROFIT', kind: 'WELFARE_FOUNDATION' })
    const a = await seedCentre(publicOrg, { name: 'A', district, dong: 'd1', kind: 'WELFARE_HUB', facilities: ['NURSING_ROOM', 'CAFE'], languages: ['ko', 'en'] })
    const b = await seedCentre(publicOrg, { name: 'B', district, dong: 'd2', kind: 'HEALTH_CENTRE', facilities: ['CAFE'], languages: ['ko'] })
    const c = await seedCentre(ngo, { name: 'C', district, dong: 'd1', kind: 'FAMILY_CENTRE', status: 'TEMPORARILY_CLOSED', languages: ['ko', 'vi'] })

    expect((await listCentres({ district })).ids).toEqual([a, b, c])
    expect((await listCentres({ district, dong: 'd1' })).ids).toEqual([a, c])
    expect((await listCentres({ district, kind: 'HEALTH_CENTRE' })).ids).toEqual([b])
    expect((await listCentres({ district, status: 'TEMPORARILY_CLOSED' })).ids).toEqual([c])
    expect((await listCentres({ district, organisationId: ngo.toUpperCase() })).ids).toEqual([c])
    expect((await listCentres({ district, sector: 'NONPROFIT' })).ids).toEqual([c])
    expect((await listCentres({ district, sector: 'PUBLIC' })).ids).toEqual([a, b])
    expect((await listCentres({ district, facility: 'CAFE' })).ids).toEqual([a, b])
    expect((await listCentres({ district, facility: 'NURSING_ROOM' })).ids).toEqual([a])
    expect((await listCentres({ district, language: 'VI' })).ids).toEqual([c])
    expect((await listCentres({ district, language: 'en', facility: 'CAFE', dong: 'd1' })).ids).toEqual([a])

    const bad = await subgraphGql('centres', CENTRES, { filter: { language: 'xx' } })
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.language' } })
  })

  it('evaluates openNow in Seoul time against weekly hours, exceptions and status', async () => {
    const district = `test-gu-${newId().slice(0, 8)}`
    const org = await seedOrganisation()
    const exceptions = [
      { date: '2026-12-25', isClosed: true, reason: '성탄절' },
      { date: '2026-12-24', isClosed: false, opens: '10:00', closes: '15:00', reason: 'Short day' },
      { date: '2026-11-29', isClosed: false, opens: '13:00', closes: '17:00', reason: 'Sunday event' },
    ]
    const weekdayCentre = await seedCentre(org, { name: 'A weekdays', district, hours: weekdays(), exceptions })
    const saturdayCentre = await seedCentre(org, {
      name: 'B with saturday and lunch break',
      district,
      hours: [...weekdays('09:00', '12:00'), ...weekdays('13:00', '18:00'), { day: 'SATURDAY', opens: '10:00', closes: '15:00' }],
    })
    const closedCentre = await seedCentre(org, { name: 'C closed', district, status: 'TEMPORARILY_CLOSED', hours: weekdays() })

    const openAt = async (at: string) => (await listCentres({ district, openNow: true, at })).ids
    const closedAt = async (at: string) => (await listCentres({ district, openNow: false, at })).ids
    // Wednesday 2026-11-25 10:30 in Seoul is 01:30 UTC.
    expect(await openAt('2026-11-25T01:30:00Z')).toEqual([weekdayCentre, saturdayCentre])
    expect(await closedAt('2026-11-25T01:30:00Z')).toEqual([closedCentre])
    // 12:30: B's lunch break. 18:00 sharp: closed (closing minute excluded). 08:59: not yet.
    expect(await openAt('2026-11-25T03:30:00Z')).toEqual([weekdayCentre])
    expect(await openAt('2026-11-25T09:00:00Z')).toEqual([])
    expect(await openAt('2026-11-24T23:59:00Z')).toEqual([])
    // Saturday 2026-11-28 14:00.
    expect(await openAt('2026-11-28T05:00:00Z')).toEqual([saturdayCentre])
    // Sunday 2026-11-29 14:00: only A, by its exception.
    expect(await openAt('2026-11-29T05:00:00Z')).toEqual([weekdayCentre])
    // Christmas (a Friday): A is closed by its exception, B has no exception.
    expect(await openAt('2026-12-25T01:30:00Z')).toEqual([saturdayCentre])
    // Christmas Eve: A keeps short hours 10–15.
    expect(await openAt('2026-12-24T00:30:00Z')).toEqual([saturdayCentre]) // 09:30
    expect(await openAt('2026-12-24T05:30:00Z')).toEqual([weekdayCentre, saturdayCentre]) // 14:30
    expect(await openAt('2026-12-24T07:00:00Z')).toEqual([saturdayCentre]) // 16:00

    // Centre.isOpen applies the same rule.
    const response = await subgraphGql(
      'centres',
      `query ($a: ID!) { centre(id: $a) { christmas: isOpen(at: "2026-12-25T01:30:00Z") eve: isOpen(at: "2026-12-24T05:30:00+00:00") late: isOpen(at: "2026-12-24T07:00:00Z") } }`,
      { a: weekdayCentre },
    )
    expect(response.data.centre).toEqual({ christmas: false, eve: true, late: false })
  })

  it('lists centres within a radius nearest first, with their distance, page by page', async () => {
    const district = `test-gu-${newId().slice(0, 8)}`
    const org = await seedOrganisation()
    // Points due north of the origin, 0.009° of latitude ≈ 1 km apart.
    const origin = { latitude: 37.5, longitude: 127.0 }
    const atKm = (km: number) => ({ latitude: origin.latitude + km * 0.008993, longitude: origin.longitude })
    const far = await seedCentre(org, { name: 'A far', district, ...atKm(4) })
    const near = await seedCentre(org, { name: 'B near', district, ...atKm(1) })
    const middle = await seedCentre(org, { name: 'C middle', district, ...atKm(2) })
    const middleTwin = await seedCentre(org, { name: 'D middle twin', district, ...atKm(2) })
    await seedCentre(org, { name: 'E outside', district, ...atKm(8) })
    await seedCentre(org, { name: 'F nowhere', district })

    const filter = { district, near: { ...origin, radiusKm: 5 } }
    const all = await listCentres(filter)
    const tied = [middle, middleTwin].sort()
    expect(all.ids).toEqual([near, ...tied, far])
    expect(all.totalCount).toBe(4)
    expect(all.connection.edges.map((edge: any) => edge.node.distanceKm)).toEqual([1, 2, 2, 4])

    const first = await listCentres(filter, 2)
    expect(first.ids).toEqual([near, tied[0]])
    expect(first.connection.pageInfo.hasNextPage).toBe(true)
    const second = await listCentres(filter, 2, first.connection.pageInfo.endCursor)
    expect(second.ids).toEqual([tied[1], far])
    expect(second.connection.pageInfo.hasNextPage).toBe(false)

    // A distance cursor means nothing in name order or in a relevance order.
    const cursor = first.connection.pageInfo.endCursor
    for (const other of [{ district }, { district, search: 'middle' }]) {
      const response = await subgraphGql('centres', CENTRES, { filter: other, after: cursor })
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } })
    }
    const wrongRadius = await subgraphGql('centres', CENTRES, { filter: { near: { ...origin, radiusKm: 0 } } })
    expect(wrongRadius.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.near.radiusKm' } })
  })

  it('pages through search results in relevance order', async () => {
    const org = await seedOrganisation()
    const token = latinToken()
    const ids = []
    for (const [i, name] of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'].entries())
      ids.push(await seedCentre(org, { name: `${name} ${i}`, description: `${token}` }))
    const best = await seedCentre(org, { name: `${token} Hub` })
    const seen: string[] = []
    let after: string | undefined
    for (let page = 0; page < 4; page++) {
      const result = await listCentres({ search: token }, 2, after)
      expect(result.totalCount).toBe(6)
      seen.push(...result.ids)
      after = result.connection.pageInfo.endCursor
      if (!result.connection.pageInfo.hasNextPage) break
    }
    expect(seen[0]).toBe(best)
    expect(seen.slice(1).sort()).toEqual([...ids].sort())
    expect(new Set(seen).size).toBe(6)
  })

  it('searches and filters organisations', async () => {
    const token = latinToken()
    const parent = await seedOrganisation({ name: `${token} 구청` })
    const child = await seedOrganisation({ name: `${token} 동`, kind: 'COMMUNITY_SERVICE_CENTRE_OPERATOR', parentOrganisationId: parent })
    const ngo = await seedOrganisation({ name: `복지재단`, description: `Partner of ${token}`, sector: 'NONPROFIT', kind: 'WELFARE_FOUNDATION' })
    const query = `query ($filter: OrganisationFilter) { organisations(filter: $filter) { totalCount edges { node { id } } } }`
    const ids = async (filter: Record<string, unknown>) => {
      const response = await subgraphGql('centres', query, { filter })
      expect(response.errors).toBeUndefined()
      return response.data.organisations.edges.map((edge: any) => edge.node.id)
    }
    expect(new Set(await ids({ search: token }))).toEqual(new Set([parent, child, ngo]))
    expect((await ids({ search: token })).at(-1)).toBe(ngo)
    expect(await ids({ search: token, sector: 'NONPROFIT' })).toEqual([ngo])
    expect(await ids({ search: token, kind: 'COMMUNITY_SERVICE_CENTRE_OPERATOR' })).toEqual([child])
    expect(await ids({ parentId: parent })).toEqual([child])
  })
})

const CENTRE_FIELDS = `id name status statusReason district dong kind latitude longitude languages facilities residentsPerWorker
  organisation { id } address { address1 city district dong postalCode administrativeDongCode }
  phones { number kind description } openingHours { day opens closes } hoursExceptions { date isClosed opens closes reason }`

const CREATE_CENTRE = `mutation ($input: CreateCentreInput!) { createCentre(input: $input) { centre { ${CENTRE_FIELDS} } userErrors { code field message } } }`
const UPDATE_CENTRE = `mutation ($input: UpdateCentreInput!) { updateCentre(input: $input) { centre { ${CENTRE_FIELDS} } userErrors { code field message } } }`
const CLOSE_CENTRE = `mutation ($input: CloseCentreInput!) { closeCentre(input: $input) { centre { id status statusReason } userErrors { code field message } } }`
const REOPEN_CENTRE = `mutation ($input: ReopenCentreInput!) { reopenCentre(input: $input) { centre { id status statusReason } userErrors { code field message } } }`
const CREATE_ORGANISATION = `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) {
  organisation { id name alternateName sector kind parentOrganisation { id } website email phones { number kind } contacts { name role phone email } }
  userErrors { code field message } } }`
const UPDATE_ORGANISATION = `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) {
  organisation { id name alternateName description parentOrganisation { id } contacts { name role } }
  userErrors { code field message } } }`

const validCentre = (organisationId: string) => ({
  organisationId,
  name: `새 주민센터 ${latinToken()}`,
  alternateName: 'New Community Service Centre',
  kind: 'WELFARE_HUB',
  address: { address1: '세검정로4길 32', district: '서대문구', dong: '홍제1동', postalCode: '03615', administrativeDongCode: '1141069000' },
  latitude: 37.5869,
  longitude: 126.945,
  phones: [{ number: '02-330-8000' }, { number: '02-330-8009', kind: 'FAX' }],
  languages: ['ko', 'EN', 'ko'],
  facilities: ['WHEELCHAIR_ACCESS', 'NURSING_ROOM'],
  openingHours: [{ day: 'MONDAY', opens: '09:00', closes: '18:00' }],
  hoursExceptions: [{ date: '2026-12-25', isClosed: true, reason: '성탄절' }],
  residentsServed: 1260,
  welfareWorkers: 7,
  visitingNurses: 3,
})

const fieldsOf = (errors: { field: string[] }[]) => errors.map((error) => error.field.join('.')).sort()

describe('centres: partner mutations', () => {
  it('lets an ORG_ADMIN create, update, close and reopen its own centre', async () => {
    const org = await seedOrganisation()
    const token = await tokenFor({ org, roles: ['ORG_ADMIN'] })
    const created = await subgraphGql('centres', CREATE_CENTRE, { input: validCentre(org) }, { token })
    expect(created.errors).toBeUndefined()
    expect(created.data.createCentre.userErrors).toEqual([])
    const centre = created.data.createCentre.centre
    expect(centre).toMatchObject({
      status: 'ACTIVE',
      organisation: { id: org },
      district: '서대문구',
      dong: '홍제1동',
      address: { address1: '세검정로4길 32', city: '서울특별시', postalCode: '03615', administrativeDongCode: '1141069000' },
      phones: [{ number: '02-330-8000', kind: 'MAIN', description: null }, { number: '02-330-8009', kind: 'FAX', description: null }],
      languages: ['ko', 'en'],
      facilities: ['WHEELCHAIR_ACCESS', 'NURSING_ROOM'],
      openingHours: [{ day: 'MONDAY', opens: '09:00', closes: '18:00' }],
      hoursExceptions: [{ date: '2026-12-25', isClosed: true, opens: null, closes: null, reason: '성탄절' }],
      residentsPerWorker: 126,
    })

    const updated = await subgraphGql(
      'centres',
      UPDATE_CENTRE,
      { input: { id: centre.id, name: '바뀐 이름', latitude: null, longitude: null, languages: ['ko'], openingHours: [{ day: 'TUESDAY', opens: '10:00', closes: '17:00' }] } },
      { token },
    )
    expect(updated.data.updateCentre.userErrors).toEqual([])
    expect(updated.data.updateCentre.centre).toMatchObject({
      name: '바뀐 이름',
      latitude: null,
      longitude: null,
      languages: ['ko'],
      facilities: ['WHEELCHAIR_ACCESS', 'NURSING_ROOM'],
      openingHours: [{ day: 'TUESDAY', opens: '10:00', closes: '17:00' }],
      hoursExceptions: [{ date: '2026-12-25' }],
    })

    const closed = await subgraphGql('centres', CLOSE_CENTRE, { input: { id: centre.id, reason: '리모델링 (renovation)' } }, { token })
    expect(closed.data.closeCentre).toEqual({ centre: { id: centre.id, status: 'TEMPORARILY_CLOSED', statusReason: '리모델링 (renovation)' }, userErrors: [] })
    const again = await subgraphGql('centres', CLOSE_CENTRE, { input: { id: centre.id, reason: 'again' } }, { token })
    expect(again.data.closeCentre).toMatchObject({ centre: null, userErrors: [{ code: 'CONFLICT', field: ['input', 'id'] }] })
    const reopened = await subgraphGql('centres', REOPEN_CENTRE, { input: { id: centre.id } }, { token })
    expect(reopened.data.reopenCentre).toEqual({ centre: { id: centre.id, status: 'ACTIVE', statusReason: null }, userErrors: [] })
    const reopenedAgain = await subgraphGql('centres', REOPEN_CENTRE, { input: { id: centre.id } }, { token })
    expect(reopenedAgain.data.reopenCentre.userErrors).toMatchObject([{ code: 'CONFLICT' }])
    const gone = await subgraphGql('centres', CLOSE_CENTRE, { input: { id: centre.id, reason: 'Merged into the district hub', permanently: true } }, { token })
    expect(gone.data.closeCentre.centre.status).toBe('CLOSED')
  })

  it('refuses other organisations, other roles and anonymous callers, and writes nothing', async () => {
    const org = await seedOrganisation()
    const centre = await seedCentre(org, { name: 'Unchanged' })
    const otherAdmin = await tokenFor({ org: await seedOrganisation(), roles: ['ORG_ADMIN'] })
    const caseworker = await tokenFor({ org, roles: ['CASEWORKER'] })
    for (const token of [otherAdmin, caseworker]) {
      const create = await subgraphGql('centres', CREATE_CENTRE, { input: validCentre(org) }, { token })
      expect(create.data.createCentre).toMatchObject({ centre: null, userErrors: [{ code: 'NOT_ALLOWED', field: ['input', 'organisationId'] }] })
      const update = await subgraphGql('centres', UPDATE_CENTRE, { input: { id: centre, name: 'Changed' } }, { token })
      expect(update.data.updateCentre).toMatchObject({ centre: null, userErrors: [{ code: 'NOT_ALLOWED' }] })
      const close = await subgraphGql('centres', CLOSE_CENTRE, { input: { id: centre, reason: 'x' } }, { token })
      expect(close.data.closeCentre.userErrors).toMatchObject([{ code: 'NOT_ALLOWED' }])
    }
    const anonymous = await subgraphGql('centres', UPDATE_CENTRE, { input: { id: centre, name: 'Changed' } })
    expect(anonymous.data).toBeNull()
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    expect((await listCentres({ organisationId: org })).ids).toEqual([centre])
    const check = await subgraphGql('centres', `query ($id: ID!) { centre(id: $id) { name status } }`, { id: centre })
    expect(check.data.centre).toEqual({ name: 'Unchanged', status: 'ACTIVE' })

    // A SYSTEM_ADMIN of any organisation may; an ORG_ADMIN may not move a centre to an organisation it does not manage.
    const systemAdmin = await tokenFor({ org: await seedOrganisation(), roles: ['SYSTEM_ADMIN'] })
    const bySystemAdmin = await subgraphGql('centres', UPDATE_CENTRE, { input: { id: centre, name: 'Changed by admin' } }, { token: systemAdmin })
    expect(bySystemAdmin.data.updateCentre).toMatchObject({ centre: { name: 'Changed by admin' }, userErrors: [] })
    const ownAdmin = await tokenFor({ org, roles: ['ORG_ADMIN'] })
    const move = await subgraphGql('centres', UPDATE_CENTRE, { input: { id: centre, organisationId: await seedOrganisation() } }, { token: ownAdmin })
    expect(move.data.updateCentre.userErrors).toMatchObject([{ code: 'NOT_ALLOWED', field: ['input', 'organisationId'] }])
  })

  it('reports every invalid value with its field path and writes nothing', async () => {
    const org = await seedOrganisation()
    const token = await tokenFor({ org, roles: ['ORG_ADMIN'] })
    const input = {
      ...validCentre(org),
      name: '  ',
      address: { address1: '1 Test-ro', district: '서대문구', dong: '반포2동', postalCode: '123', administrativeDongCode: '11410' },
      latitude: 137.5,
      longitude: null,
      phones: [{ number: 'call me' }],
      languages: ['ko', 'korean'],
      openingHours: [
        { day: 'MONDAY', opens: '18:00', closes: '09:00' },
        { day: 'TUESDAY', opens: '9am', closes: '18:00' },
        { day: 'WEDNESDAY', opens: '09:00', closes: '13:00' },
        { day: 'WEDNESDAY', opens: '12:00', closes: '18:00' },
      ],
      hoursExceptions: [
        { date: '2026-12-24', isClosed: false, opens: '10:00' },
        { date: '2026-12-25', isClosed: true, opens: '10:00', closes: '12:00' },
        { date: '2026-12-25', isClosed: true },
      ],
      residentsServed: -1,
      welfareWorkers: -2,
    }
    const response = await subgraphGql('centres', CREATE_CENTRE, { input }, { token })
    expect(response.errors).toBeUndefined()
    const { centre, userErrors } = response.data.createCentre
    expect(centre).toBeNull()
    expect(userErrors.every((error: any) => error.code === 'INVALID_VALUE' && error.message)).toBe(true)
    expect(fieldsOf(userErrors)).toEqual(
      [
        'input.name',
        'input.address.dong',
        'input.address.postalCode',
        'input.address.administrativeDongCode',
        'input.latitude',
        'input.longitude',
        'input.phones.0.number',
        'input.languages.1',
        'input.openingHours.0.closes',
        'input.openingHours.1.opens',
        'input.openingHours.3.opens',
        'input.hoursExceptions.0.closes',
        'input.hoursExceptions.1.opens',
        'input.hoursExceptions.1.closes',
        'input.hoursExceptions.2.date',
        'input.residentsServed',
        'input.welfareWorkers',
      ].sort(),
    )
    const unknownDistrict = await subgraphGql('centres', CREATE_CENTRE, { input: { ...validCentre(org), address: { address1: 'x', district: '없는구' }, longitude: null } }, { token })
    expect(unknownDistrict.data.createCentre.userErrors).toEqual([
      { code: 'INVALID_VALUE', field: ['input', 'address', 'district'], message: 'unknown district "없는구"' },
      { code: 'INVALID_VALUE', field: ['input', 'longitude'], message: 'is required when latitude is given' },
    ])
    expect((await listCentres({ organisationId: org })).totalCount).toBe(0)

    // Updates check the coordinates against the stored ones, and the organisation must exist.
    const created = await subgraphGql('centres', CREATE_CENTRE, { input: validCentre(org) }, { token })
    const id = created.data.createCentre.centre.id
    const oneCoordinate = await subgraphGql('centres', UPDATE_CENTRE, { input: { id, latitude: null } }, { token })
    expect(oneCoordinate.data.updateCentre.userErrors).toMatchObject([{ code: 'INVALID_VALUE', field: ['input', 'latitude'] }])
    const negative = await subgraphGql('centres', UPDATE_CENTRE, { input: { id, visitingNurses: -1, name: null } }, { token })
    expect(fieldsOf(negative.data.updateCentre.userErrors)).toEqual(['input.name', 'input.visitingNurses'])
    const noOrganisation = await subgraphGql('centres', UPDATE_CENTRE, { input: { id, organisationId: newId() } }, { token })
    expect(noOrganisation.data.updateCentre.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'organisationId'] }])
    const noCentre = await subgraphGql('centres', CLOSE_CENTRE, { input: { id: newId(), reason: 'x' } }, { token })
    expect(noCentre.data.closeCentre.userErrors).toMatchObject([{ code: 'NOT_FOUND', field: ['input', 'id'] }])
    const badId = await subgraphGql('centres', REOPEN_CENTRE, { input: { id: 'nope' } }, { token })
    expect(badId.data.reopenCentre.userErrors).toMatchObject([{ code: 'INVALID_VALUE', field: ['input', 'id'] }])
  })

  it('lets only a SYSTEM_ADMIN create organisations, and an ORG_ADMIN update its own', async () => {
    const parent = await seedOrganisation()
    const systemAdmin = await tokenFor({ org: parent, roles: ['SYSTEM_ADMIN'] })
    const input = {
      name: `신규 복지재단 ${latinToken()}`,
      alternateName: 'New Welfare Foundation',
      sector: 'NONPROFIT',
      kind: 'WELFARE_FOUNDATION',
      parentOrganisationId: parent,
      website: 'https://welfare.example.org',
      email: 'info@welfare.example.org',
      phones: [{ number: '02-123-4567' }],
      contacts: [{ name: '최지우', role: '사무국장', phone: '02-123-4568', email: 'choi@welfare.example.org' }],
    }
    const refused = await subgraphGql('centres', CREATE_ORGANISATION, { input }, { token: await tokenFor({ org: parent, roles: ['ORG_ADMIN'] }) })
    expect(refused.data.createOrganisation).toMatchObject({ organisation: null, userErrors: [{ code: 'NOT_ALLOWED' }] })
    const anonymous = await subgraphGql('centres', CREATE_ORGANISATION, { input })
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')

    const created = await subgraphGql('centres', CREATE_ORGANISATION, { input }, { token: systemAdmin })
    expect(created.data.createOrganisation.userErrors).toEqual([])
    const organisation = created.data.createOrganisation.organisation
    expect(organisation).toMatchObject({
      alternateName: 'New Welfare Foundation',
      parentOrganisation: { id: parent },
      phones: [{ number: '02-123-4567', kind: 'MAIN' }],
      contacts: [{ name: '최지우', role: '사무국장', phone: '02-123-4568', email: 'choi@welfare.example.org' }],
    })

    const invalid = await subgraphGql(
      'centres',
      CREATE_ORGANISATION,
      { input: { ...input, name: '', website: 'welfare.example.org', email: 'not-an-email', contacts: [{ name: 'x', email: 'y' }] } },
      { token: systemAdmin },
    )
    expect(fieldsOf(invalid.data.createOrganisation.userErrors)).toEqual(['input.contacts.0.email', 'input.email', 'input.name', 'input.website'])

    const ownAdmin = await tokenFor({ org: organisation.id, roles: ['ORG_ADMIN'] })
    const updated = await subgraphGql(
      'centres',
      UPDATE_ORGANISATION,
      { input: { id: organisation.id, description: '아동·가족 복지', alternateName: null, contacts: [{ name: '한가람', role: '팀장' }] } },
      { token: ownAdmin },
    )
    expect(updated.data.updateOrganisation).toEqual({
      organisation: { id: organisation.id, name: input.name, alternateName: null, description: '아동·가족 복지', parentOrganisation: { id: parent }, contacts: [{ name: '한가람', role: '팀장' }] },
      userErrors: [],
    })
    const byOther = await subgraphGql('centres', UPDATE_ORGANISATION, { input: { id: organisation.id, name: 'Taken over' } }, { token: await tokenFor({ org: parent, roles: ['ORG_ADMIN'] }) })
    expect(byOther.data.updateOrganisation.userErrors).toMatchObject([{ code: 'NOT_ALLOWED' }])
    // Its own child cannot become its parent.
    const child = await seedOrganisation({ parentOrganisationId: organisation.id })
    const cycle = await subgraphGql('centres', UPDATE_ORGANISATION, { input: { id: organisation.id, parentOrganisationId: child } }, { token: systemAdmin })
    expect(cycle.data.updateOrganisation.userErrors).toMatchObject([{ code: 'INVALID_VALUE', field: ['input', 'parentOrganisationId'] }])
  })
})

describe('centres: federation and indexes', () => {
  /** SQL statements one request costs. Runs it once first so connections are already open. */
  async function statementsFor(request: () => Promise<unknown>) {
    await request()
    const before = await sqlStatements('centres')
    await request()
    return (await sqlStatements('centres')) - before
  }

  it('resolves 20 Centre and 20 Organisation references with one SQL statement each', async () => {
    const orgs = await Promise.all(Array.from({ length: 20 }, () => seedOrganisation()))
    const centres = await Promise.all(orgs.map((org) => seedCentre(org)))
    const representations = [
      ...centres.map((id) => ({ __typename: 'Centre', id })),
      ...orgs.map((id) => ({ __typename: 'Organisation', id })),
      { __typename: 'Centre', id: newId() },
      { __typename: 'Organisation', id: 'not-a-uuid' },
    ]
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Centre { id name } ... on Organisation { id name } } }`
    const request = () => subgraphGql('centres', query, { representations })
    const response = await request()
    expect(response.errors).toBeUndefined()
    expect(response.data._entities.slice(0, 40).map((entity: any) => entity.id)).toEqual([...centres, ...orgs])
    expect(response.data._entities.slice(40)).toEqual([null, null])
    expect(await statementsFor(request)).toBe(2)
  })

  it('lists 50 centres with their organisations, hours and exceptions in the same number of statements as 5', async () => {
    const org = await seedOrganisation()
    const district = `test-gu-${newId().slice(0, 8)}`
    for (let i = 0; i < 50; i++)
      await seedCentre(org, { district, hours: weekdays(), exceptions: [{ date: '2026-12-25', isClosed: true }] })
    const query = `query ($district: String!, $first: Int!) { centres(filter: { district: $district, openNow: true }, first: $first) {
      totalCount edges { node { id organisation { name childOrganisations { totalCount } } openingHours { day } hoursExceptions { date } isOpen } } } }`
    const costs = []
    for (const first of [5, 50]) costs.push(await statementsFor(() => subgraphGql('centres', query, { district, first })))
    expect(costs[0]).toBe(costs[1])
  })

  it('serves search, district and near filters from their indexes on a 2,000-centre directory', async () => {
    // Ten districts of this test's own, so that no other test's list sees these rows.
    const prefix = newId().slice(0, 8)
    const districtNames = Array.from({ length: 10 }, (_, i) => `bench-${prefix}-${i}구`)
    const generated = await generateCentresDirectory(db(), { districtNames, dongsPerDistrict: 16, centres: 2000, seed: prefix })
    const district = districtNames[3]
    expect(generated.centreIds).toHaveLength(2000)
    const { sql } = database('centres')
    await sql`analyze centres.centres`
    await sql`analyze centres.organisations`

    /**
     * The plan of the statement `centres(filter)` runs. At 2,000 rows the planner rightly prefers
     * scanning a few pages to a GIN lookup of many trigrams, so `forced` prices out sequential and
     * plain index scans (e.g. walking the primary key) to show that the filter's index serves it.
     */
    async function plan(filter: Record<string, unknown>, options: { forced: boolean }) {
      const query = centreListQuery(db(), parseCentreFilter(filter as never), { limit: 20, after: null }).toSQL()
      return sql.begin(async (tx) => {
        if (options.forced) {
          await tx`set local enable_seqscan = off`
          await tx`set local enable_indexscan = off`
        }
        const rows = await tx.unsafe(`explain ${query.sql}`, query.params as never[])
        return rows.map((row: any) => row['QUERY PLAN']).join('\n')
      })
    }
    const cases: [Record<string, unknown>, string][] = [
      // Every generated name carries the district's name: search for what sets a few apart.
      [{ search: '다문화가족지원센터' }, 'centres_search_trgm_idx'],
      [{ search: 'Multicultural Family' }, 'centres_search_trgm_idx'],
      [{ district }, 'centres_district_dong_idx'],
      [{ near: { latitude: 37.56, longitude: 126.99, radiusKm: 1 } }, 'centres_location_idx'],
    ]
    for (const [filter, index] of cases) {
      expect(await plan(filter, { forced: true }), JSON.stringify(filter)).toContain(index)
      const chosen = await plan(filter, { forced: false })
      console.info(`centres(${JSON.stringify(filter)}) on 2,000 centres: ${index} chosen unforced: ${chosen.includes(index)}`)
    }
  })
})
