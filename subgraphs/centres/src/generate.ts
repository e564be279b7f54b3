/**
 * A large, deterministic directory of organisations and centres for tests and benchmarks:
 * `generateCentresDirectory(db, { districts: 25, dongsPerDistrict: 16, centres: 2000, seed: 1 })`.
 * The same options always give the same rows with the same ids (inserts skip rows already there),
 * written with multi-row INSERTs in chunks. Areas come from @nanum/areas (Seoul's 25 districts
 * first), so every generated district and dong passes the mutations' validation; `districtNames`
 * replaces them with names of the caller's choosing (e.g. one unique district per test).
 */
import { createHash } from 'node:crypto'
import { DISTRICTS } from '@nanum/areas'
import type { Database } from '@nanum/db'
import { seededRandom } from '@nanum/demo'
import {
  insertCentres,
  insertHoursExceptions,
  insertOpeningHours,
  insertOrganisations,
} from './db/queries.js'
import type { centres, centreHoursExceptions, centreOpeningHours, organisations, CentreKind, Facility, DayOfWeek } from './db/tables.js'
import { PUBLIC_HOLIDAYS_2026 } from './holidays.js'

type Db = Database['db']

export interface GenerateOptions {
  districts?: number
  dongsPerDistrict?: number
  centres?: number
  seed?: number | string
  /** Use these district names instead of the known ones (their dongs are then synthesised). */
  districtNames?: readonly string[]
}

export interface GeneratedDirectory {
  districts: { name: string; dongs: string[] }[]
  organisationIds: string[]
  centreIds: string[]
}

/** A UUID (version 4 layout) derived from the seed and a label, so reruns give the same ids. */
function stableId(seed: string, label: string): string {
  const hex = createHash('sha256').update(`nanum:${seed}:${label}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}


async function inChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size))
}

const OTHER_CENTRE_KINDS: readonly { kind: CentreKind; ko: string; en: string }[] = [
  { kind: 'SOCIAL_WELFARE_CENTRE', ko: '종합사회복지관', en: 'Social Welfare Centre' },
  { kind: 'SENIOR_CENTRE', ko: '노인복지관', en: 'Senior Welfare Centre' },
  { kind: 'CHILDCARE_CENTRE', ko: '육아종합지원센터', en: 'Childcare Support Centre' },
  { kind: 'FAMILY_CENTRE', ko: '가족센터', en: 'Family Centre' },
  { kind: 'HEALTH_CENTRE', ko: '보건지소', en: 'Health Branch' },
  { kind: 'DISABILITY_WELFARE_CENTRE', ko: '장애인복지관', en: 'Disability Welfare Centre' },
  { kind: 'YOUTH_CENTRE', ko: '청소년센터', en: 'Youth Centre' },
  { kind: 'MULTICULTURAL_FAMILY_CENTRE', ko: '다문화가족지원센터', en: 'Multicultural Family Centre' },
  { kind: 'FOOD_BANK', ko: '푸드뱅크', en: 'Food Bank' },
  { kind: 'VOLUNTEER_CENTRE', ko: '자원봉사센터', en: 'Volunteer Centre' },
]
const FACILITIES: readonly Facility[] = ['WHEELCHAIR_ACCESS', 'ELEVATOR', 'ACCESSIBLE_TOILET', 'NURSING_ROOM', 'PLAYROOM', 'CAFE', 'COMMUNITY_ROOM', 'COUNSELLING_ROOM', 'PARKING']
const LANGUAGES = ['en', 'zh', 'vi', 'ja', 'ru', 'th', 'mn']
const WEEKDAYS: readonly DayOfWeek[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY']

// Seoul's extent; districts sit on a 5 × 5 grid inside it, centres scattered around their district.
const SOUTH = 37.46
const NORTH = 37.66
const WEST = 126.84
const EAST = 127.14

export async function generateCentresDirectory(db: Db, options: GenerateOptions = {}): Promise<GeneratedDirectory> {
  const seed = String(options.seed ?? 1)
  const districtCount = options.districtNames?.length ?? options.districts ?? 25
  const dongsPerDistrict = options.dongsPerDistrict ?? 16
  const centreCount = options.centres ?? 2000
  const rng = seededRandom(seed)
  const id = (label: string) => stableId(seed, label)

  const districts = Array.from({ length: districtCount }, (_, d) => {
    const known = options.districtNames ? undefined : DISTRICTS[d]
    const name = options.districtNames?.[d] ?? known?.name ?? `생성${d + 1}구`
    const stem = name.replace(/[구시군]$/, '')
    const dongs = known?.dongs
      ? known.dongs.slice(0, dongsPerDistrict)
      : Array.from({ length: dongsPerDistrict }, (_, k) => `${stem}${k + 1}동`)
    return { name, nameEn: known?.nameEn ?? `District ${d + 1}`, city: known?.city ?? '서울특별시', dongs }
  })

  const organisationRows: (typeof organisations.$inferInsert)[] = []
  const cityId = id('city')
  organisationRows.push({ id: cityId, name: `생성 도시 ${seed}`, alternateName: `Generated city ${seed}`, sector: 'PUBLIC', kind: 'CITY_GOVERNMENT' })
  const centreRows: (typeof centres.$inferInsert)[] = []
  const operatorsByDistrict: { id: string; sector: 'PUBLIC' | 'NONPROFIT' }[][] = []

  districts.forEach((district, d) => {
    const officeId = id(`district:${d}`)
    organisationRows.push({ id: officeId, name: `${district.name}청`, alternateName: `${district.nameEn} Office`, sector: 'PUBLIC', kind: 'DISTRICT_OFFICE', parentOrganisationId: cityId, phones: [{ number: `02-${2000 + d}-1114`, kind: 'MAIN' }] })
    const healthId = id(`health:${d}`)
    organisationRows.push({ id: healthId, name: `${district.name} 보건소`, alternateName: `${district.nameEn} Public Health Centre`, sector: 'PUBLIC', kind: 'HEALTH_CENTRE', parentOrganisationId: officeId })
    const foundationId = id(`foundation:${d}`)
    organisationRows.push({ id: foundationId, name: `${district.name} 복지재단`, alternateName: `${district.nameEn} Welfare Foundation`, sector: 'NONPROFIT', kind: 'WELFARE_FOUNDATION' })
    const volunteersId = id(`volunteers:${d}`)
    organisationRows.push({ id: volunteersId, name: `${district.name} 나눔봉사단`, alternateName: `${district.nameEn} Sharing Volunteers`, sector: 'NONPROFIT', kind: 'VOLUNTEER_GROUP' })
    operatorsByDistrict.push([
      { id: officeId, sector: 'PUBLIC' },
      { id: healthId, sector: 'PUBLIC' },
      { id: foundationId, sector: 'NONPROFIT' },
      { id: volunteersId, sector: 'NONPROFIT' },
    ])
    district.dongs.forEach((dong, k) => {
      organisationRows.push({ id: id(`dong-office:${d}:${k}`), name: `${dong} 주민센터`, alternateName: `${dong} Office`, sector: 'PUBLIC', kind: 'COMMUNITY_SERVICE_CENTRE_OPERATOR', parentOrganisationId: officeId })
    })
  })

  const position = (d: number) => ({
    latitude: SOUTH + ((Math.floor(d / 5) % 5) + 0.5) * ((NORTH - SOUTH) / 5),
    longitude: WEST + ((d % 5) + 0.5) * ((EAST - WEST) / 5),
  })
  const scatter = (d: number) => ({
    latitude: Math.round((position(d).latitude + (rng.next() - 0.5) * 0.04) * 1e6) / 1e6,
    longitude: Math.round((position(d).longitude + (rng.next() - 0.5) * 0.05) * 1e6) / 1e6,
  })
  const publicOperated = new Set<string>()

  // One community service centre per dong first, then other centres round the districts.
  const allDongs = districts.flatMap((district, d) => district.dongs.map((dong, k) => ({ district, d, dong, k })))
  for (const [n, { district, d, dong, k }] of allDongs.entries()) {
    if (n >= centreCount) break
    const centreId = id(`centre:dong:${d}:${k}`)
    const welfareWorkers = rng.between(4, 12)
    const visitingNurses = rng.between(1, 4)
    centreRows.push({
      id: centreId,
      name: `${dong} 주민센터`,
      alternateName: `${dong} Community Service Centre`,
      description: '주민센터 복지허브: 맞춤형 복지 상담과 찾아가는 방문 (one-stop welfare counter and reaching-out visits)',
      kind: rng.next() < 0.5 ? 'WELFARE_HUB' : 'COMMUNITY_SERVICE_CENTRE',
      organisationId: id(`dong-office:${d}:${k}`),
      address: `${dong}로 ${rng.between(1, 300)}`,
      city: district.city,
      district: district.name,
      dong,
      postalCode: String(rng.between(1000, 8999)).padStart(5, '0'),
      administrativeDongCode: `11${String(d + 1).padStart(3, '0')}${String(k + 1).padStart(2, '0')}000`,
      ...scatter(d),
      phones: [{ number: `02-${2000 + d}-${8000 + k}`, kind: 'MAIN' }],
      languages: ['ko', ...rng.subset(LANGUAGES, 0.1)],
      facilities: rng.subset(FACILITIES, 0.4),
      residentsServed: (welfareWorkers + visitingNurses) * rng.between(110, 300),
      welfareWorkers,
      visitingNurses,
    })
    publicOperated.add(centreId)
  }
  for (let n = centreRows.length; n < centreCount; n++) {
    const d = n % districts.length
    const district = districts[d]
    const kind = rng.pick(OTHER_CENTRE_KINDS)
    const operator = rng.pick(operatorsByDistrict[d])
    const centreId = id(`centre:other:${n}`)
    centreRows.push({
      id: centreId,
      name: `${district.name} ${kind.ko} ${n}`,
      alternateName: `${district.nameEn} ${kind.en} ${n}`,
      kind: kind.kind,
      organisationId: operator.id,
      address: `${district.name} 복지로 ${rng.between(1, 500)}`,
      city: district.city,
      district: district.name,
      dong: rng.pick(district.dongs),
      ...scatter(d),
      phones: [{ number: `02-${3000 + d}-${String(n % 10000).padStart(4, '0')}`, kind: 'MAIN' }],
      languages: ['ko', ...rng.subset(LANGUAGES, 0.15)],
      facilities: rng.subset(FACILITIES, 0.5),
    })
    if (operator.sector === 'PUBLIC') publicOperated.add(centreId)
  }

  const hoursRows: (typeof centreOpeningHours.$inferInsert)[] = centreRows.flatMap((centre) => [
    ...WEEKDAYS.map((day) => ({ centreId: centre.id!, day, opens: '09:00', closes: '18:00' })),
    ...(centre.kind === 'FAMILY_CENTRE' || centre.kind === 'SENIOR_CENTRE' ? [{ centreId: centre.id!, day: 'SATURDAY' as const, opens: '10:00', closes: '15:00' }] : []),
  ])
  // Public offices close on public holidays.
  const exceptionRows: (typeof centreHoursExceptions.$inferInsert)[] = centreRows
    .filter((centre) => publicOperated.has(centre.id!))
    .flatMap((centre) => PUBLIC_HOLIDAYS_2026.map(({ date, reason }) => ({ centreId: centre.id!, date, isClosed: true, reason })))

  // Parents before children: the city, then district offices, then the rest.
  await inChunks(organisationRows, 500, (chunk) => insertOrganisations(db, chunk))
  await inChunks(centreRows, 500, (chunk) => insertCentres(db, chunk))
  await inChunks(hoursRows, 2000, (chunk) => insertOpeningHours(db, chunk))
  await inChunks(exceptionRows, 2000, (chunk) => insertHoursExceptions(db, chunk))

  return {
    districts: districts.map(({ name, dongs }) => ({ name, dongs: [...dongs] })),
    organisationIds: organisationRows.map((row) => row.id!),
    centreIds: centreRows.map((row) => row.id!),
  }
}
