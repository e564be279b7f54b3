import { DAYS_OF_WEEK, INCOME_BANDS } from '@nanum/vocabulary'
import { DISTRICTS } from '@nanum/areas'
import type { Database } from '@nanum/db'
import { seededRandom } from '@nanum/demo'
import { insertProgramCentres, insertPrograms, insertProgramSessions } from './db/queries.js'
import {
  APPLICATION_METHODS,
  FUNDINGS,
  LIFE_STAGES,
  PROGRAM_CATEGORIES,
  TARGET_GROUPS,
  type NewProgramRow,
  type ServiceArea,
} from './db/tables.js'

type Db = Database['db']

export interface GenerateProgramsOptions {
  /** How many programs to insert. */
  programs: number
  /** Centres (of the centres subgraph) programs may be delivered at; none leaves programs without centres. */
  centreIds: readonly string[]
  /** Areas to draw service areas from (default: the districts the areas package knows, 12 dongs each where not curated). */
  districts?: readonly { district: string; dongs: readonly string[] }[]
  /** Provider organisations to draw from (default: one generated id per 20 programs). */
  organisationIds?: readonly string[]
  /** Same seed, same rows: ids included. Use different seeds to add more programs to a directory. */
  seed?: number
  /** Rows per INSERT. */
  batchSize?: number
}


// Words from the seed initiatives, Korean and English, so that searches in either language find rows.
const TOPICS: Record<(typeof PROGRAM_CATEGORIES)[number], [string, string][]> = {
  MARRIAGE: [['예비부부 교실', 'Marriage preparation class'], ['신혼부부 상담', 'Newlywed counselling']],
  PREGNANCY: [['임산부 태교 교실', 'Prenatal class'], ['임신 건강 검진', 'Pregnancy check-up']],
  CHILDBIRTH: [['산후 조리 지원', 'Postnatal care support'], ['출산 축하금', 'Childbirth grant']],
  CHILDCARE: [['육아 나눔터', 'Childcare sharing room'], ['장난감 도서관', 'Toy library']],
  EDUCATION: [['행복 공부방', 'Happy study room'], ['부모 교육', 'Parenting course']],
  EMPLOYMENT: [['경력단절 여성 재취업 교육', 'Re-employment training'], ['바리스타 교실', 'Barista club']],
  HEALTHCARE: [['방문간호', 'Visiting nurse care'], ['치매 예방 교실', 'Dementia prevention class']],
  ELDERLY_CARE: [['독거 어르신 안부 확인', 'Check-ins for older people living alone'], ['경로당 프로그램', 'Senior centre activities']],
  DISABILITY: [['장애인 활동 지원', 'Disability activity support'], ['발달장애 가족 상담', 'Developmental disability family counselling']],
  HOUSING: [['주거 환경 개선', 'Home repair'], ['긴급 주거 지원', 'Emergency housing support']],
  FOOD: [['어르신 도시락 배달', 'Elderly lunch delivery'], ['푸드뱅크', 'Food bank']],
  FINANCIAL_AID: [['긴급 생계 지원', 'Emergency livelihood support'], ['교복 지원', 'School uniform support']],
  TRANSPORT: [['효도버스', 'Hyodo Bus free shuttle'], ['병원 동행', 'Hospital escort']],
  FUNERAL: [['무연고 장례 지원', 'Funerals for people without family'], ['장례 상담', 'Funeral advice']],
  COUNSELLING: [['가족 상담', 'Family counselling'], ['마음 건강 상담', 'Mental health counselling']],
  LEGAL_AID: [['무료 법률 상담', 'Free legal advice'], ['임대차 분쟁 상담', 'Tenancy dispute advice']],
  MENTORING: [['청소년 희망 멘토링', 'Youth hope mentoring'], ['변호사 멘토링', 'Lawyer mentoring']],
  CULTURE_AND_LEISURE: [['마을 축제', 'Village festival'], ['어르신 노래 교실', 'Singing class for seniors']],
  OTHER: [['주민 공동체 모임', 'Resident community meeting'], ['자원봉사 연계', 'Volunteer matching']],
}
const PLACES = ['주민센터', '복지관', '행복맘센터', '보건소', '경로당', 'community centre', 'welfare hub', 'health centre']

const defaultDistricts = () =>
  DISTRICTS.map((d) => ({ district: d.name, dongs: d.dongs ?? Array.from({ length: 12 }, (_, i) => `${d.name.slice(0, -1)}${i + 1}동`) }))

/**
 * Inserts a large, deterministic directory of programs (for tests and benchmarks), with service
 * areas, weekly sessions and centres. Returns the new programs' ids.
 */
export async function generatePrograms(db: Db, options: GenerateProgramsOptions): Promise<string[]> {
  const rng = seededRandom(options.seed ?? 1)
  const districts = options.districts ?? defaultDistricts()
  const organisations = options.organisationIds ?? Array.from({ length: Math.max(1, Math.ceil(options.programs / 20)) }, rng.uuid)
  const batchSize = options.batchSize ?? 500
  const ids: string[] = []
  for (let start = 0; start < options.programs; start += batchSize) {
    const rows: (NewProgramRow & { id: string })[] = []
    const sessions: Parameters<typeof insertProgramSessions>[1] = []
    const centres: Parameters<typeof insertProgramCentres>[1] = []
    for (let n = start; n < Math.min(start + batchSize, options.programs); n++) {
      const id = rng.uuid()
      const category = rng.pick(PROGRAM_CATEGORIES)
      const [korean, english] = rng.pick(TOPICS[category])
      const home = rng.pick(districts)
      const place = rng.pick(PLACES)
      const areaKind = rng.next()
      const serviceAreas: ServiceArea[] =
        areaKind < 0.15 ? [] : areaKind < 0.5 ? [{ district: home.district, dong: null }] : rng.some(home.dongs, 3).map((dong) => ({ district: home.district, dong }))
      const capacity = rng.next() < 0.4 ? null : 5 + rng.int(100)
      const minAge = rng.next() < 0.3 ? 60 + rng.int(10) : null
      rows.push({
        id,
        name: `${home.district} ${korean} ${n + 1}`,
        alternateName: `${english} ${n + 1}`,
        description: `${english} at the ${place} of ${home.district}. ${korean} 프로그램은 ${place}에서 운영합니다.`,
        category,
        lifeStages: rng.some(LIFE_STAGES, 2),
        targetGroups: rng.some(TARGET_GROUPS, 2),
        providerOrganisationId: rng.pick(organisations),
        coProviderOrganisationIds: rng.next() < 0.1 ? [rng.pick(organisations)] : [],
        funding: rng.pick(FUNDINGS),
        serviceAreas,
        minAge,
        maxIncomeBand: rng.next() < 0.3 ? rng.pick(INCOME_BANDS) : null,
        residencyRequired: serviceAreas.length > 0 && rng.next() < 0.5,
        cost: rng.next() < 0.7 ? 0 : 1000 * (1 + rng.int(50)),
        capacity,
        seatsTaken: capacity == null ? rng.int(50) : rng.int(capacity + 1),
        howToApply: rng.some(APPLICATION_METHODS, 2),
        status: rng.next() < 0.85 ? 'ACTIVE' : rng.pick(['TEMPORARILY_CLOSED', 'INACTIVE'] as const),
        startDate: rng.next() < 0.3 ? `2026-0${1 + rng.int(9)}-01` : null,
      })
      for (const day of rng.some(DAYS_OF_WEEK.slice(0, 6), 3)) {
        const opens = 9 + rng.int(8)
        sessions.push({ programId: id, day, opens: `${opens}:00`, closes: `${opens + 1 + rng.int(3)}:00` })
      }
      if (options.centreIds.length) for (const centreId of rng.some(options.centreIds, 2)) centres.push({ programId: id, centreId })
      ids.push(id)
    }
    await insertPrograms(db, rows)
    await insertProgramSessions(db, sessions)
    await insertProgramCentres(db, centres)
  }
  return ids
}
