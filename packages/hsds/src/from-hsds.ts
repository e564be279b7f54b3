/**
 * HSDS 3.0 records → the graph's mutation inputs. The reverse of to-hsds.ts, plus the decisions
 * for documents we did not write ourselves:
 * - Enums come from attributes linking to our taxonomies (by term id, or by code within a taxonomy
 *   that names itself ours). Without one: an organization's sector is read from `legal_status` /
 *   `tax_status` (government words → PUBLIC, company words → PRIVATE, else NONPROFIT) and its kind
 *   is COMPANY for PRIVATE, else OTHER; a location's kind is OTHER; a service's category is OTHER.
 * - Status: active → ACTIVE, temporarily closed → TEMPORARILY_CLOSED, inactive and defunct →
 *   INACTIVE (`alert` becomes the reason).
 * - Address: city → district, region → dong, state_province → city, postal_code (5 digits).
 * - Funding: our "PUBLIC — …" sources; free text mentioning both public and private money →
 *   JOINT, only public → PUBLIC, only private → PRIVATE.
 * - Phones lose quotes and brackets; schedules become weekly hours (WEEKLY with byday, opens_at,
 *   closes_at) and, for locations, hours exceptions (one-day valid_from = valid_to).
 * A value the graph cannot hold (a three-letter language code, a foreign postal code, an area
 * outside known districts as free text) is left out and reported as a warning; a record that
 * cannot be represented at all (no name, no address, no organization) is rejected.
 */
import { CLOSED_NOTICE, DAY_CODES, DONG_CODE_IDENTIFIER_TYPE, HOTLINE, HsdsMapper } from './to-hsds.js'
import type { HsdsRecord } from './records.js'
import { CENTRE_KIND, CENTRE_STATUS, LIFE_STAGE, ORGANISATION_KIND, PROGRAM_CATEGORY, SECTOR, TARGET_GROUP, type Taxonomies, type Vocabulary } from './taxonomy.js'

export interface Finding {
  /** The HSDS kind: organization, location, service, service_at_location, taxonomy, taxonomy_term. */
  kind: string
  id: string | null
  /** The HSDS field at fault (or the graph input field a mutation named). */
  field: string | null
  message: string
}

export class Findings {
  readonly rejections: Finding[] = []
  readonly warnings: Finding[] = []
  constructor(
    private readonly kind: string,
    private readonly id: string | null,
  ) {}
  reject(field: string | null, message: string) {
    this.rejections.push({ kind: this.kind, id: this.id, field, message })
  }
  warn(field: string | null, message: string) {
    this.warnings.push({ kind: this.kind, id: this.id, field, message })
  }
}

type Input = Record<string, unknown>

const text = (value: unknown): string | undefined => {
  if (typeof value === 'number') return String(value)
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}
const records = (value: unknown): HsdsRecord[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'object' && v !== null) : [])

/** Drops absent values so that an update leaves what the document does not say untouched. */
function defined(input: Input): Input {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
}

/** The codes of our `vocabulary` the record's attributes link to. */
function attributeCodes(taxonomies: Taxonomies, vocabulary: Vocabulary, record: HsdsRecord): string[] {
  const codes = new Set<string>()
  for (const attribute of records(record.attributes)) {
    const term = typeof attribute.taxonomy_term === 'object' && attribute.taxonomy_term ? attribute.taxonomy_term : {}
    const code =
      taxonomies.resolve(vocabulary, { id: attribute.taxonomy_term_id }) ??
      taxonomies.resolve(vocabulary, term) ??
      (attribute.link_type === vocabulary.key && typeof attribute.value === 'string' && taxonomies.has(vocabulary, attribute.value) ? attribute.value : undefined)
    if (code) codes.add(code)
  }
  return [...codes]
}

const PHONE_KIND_FROM_HSDS: Record<string, string> = { fax: 'FAX', cell: 'MOBILE', voice: 'MAIN', text: 'MOBILE' }

/** "+44 1234 234567" in quotes, "(02) 330-1114" → digits, spaces and dashes. */
export function cleanPhoneNumber(raw: unknown): string | undefined {
  const value = text(raw)
  if (!value) return undefined
  const cleaned = value
    .replace(/["'“”]/g, '')
    .replace(/[().]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return /^\+?[0-9][0-9 -]{1,19}$/.test(cleaned) ? cleaned : undefined
}

function phoneInputs(findings: Findings, phones: unknown, field = 'phones'): Input[] | undefined {
  const list = records(phones)
  if (list.length === 0) return undefined
  const result: Input[] = []
  list.forEach((phone, index) => {
    const number = cleanPhoneNumber(phone.number)
    if (!number) return findings.warn(`${field}[${index}].number`, `"${String(phone.number).slice(0, 40)}" is not a telephone number; left out`)
    const extension = typeof phone.extension === 'number' ? ` (extension ${phone.extension})` : ''
    let description = text(phone.description) ? `${text(phone.description)}${extension}` : extension.trim() || undefined
    let kind = PHONE_KIND_FROM_HSDS[String(phone.type)] ?? 'MAIN'
    if (description?.startsWith(HOTLINE) && kind === 'MAIN') {
      kind = 'HOTLINE'
      description = description.slice(HOTLINE.length).replace(/^:\s*/, '') || undefined
    }
    result.push(defined({ number, kind, description: description?.slice(0, 200) }))
  })
  return result
}

function languageCodes(findings: Findings, languages: unknown): string[] | undefined {
  const list = records(languages)
  if (list.length === 0) return undefined
  const codes: string[] = []
  list.forEach((language, index) => {
    const code = text(language.code)?.toLowerCase()
    if (code && /^[a-z]{2}$/.test(code)) codes.push(code)
    else findings.warn(`languages[${index}].code`, `"${code ?? ''}" is not an ISO 639-1 code; left out`)
  })
  return [...new Set(codes)]
}

export function organisationInput(record: HsdsRecord, taxonomies: Taxonomies, findings: Findings): Input | undefined {
  const name = text(record.name)
  if (!name) return void findings.reject('name', 'an organization needs a name')
  const sector = attributeCodes(taxonomies, SECTOR, record)[0] ?? sectorFromWords(`${record.legal_status ?? ''} ${record.tax_status ?? ''}`)
  const kind = attributeCodes(taxonomies, ORGANISATION_KIND, record)[0] ?? (sector === 'PRIVATE' ? 'COMPANY' : 'OTHER')
  const identifier = records(record.organization_identifiers)[0]
  const contacts = records(record.contacts).flatMap((contact, index) => {
    const contactName = text(contact.name)
    if (!contactName) {
      findings.warn(`contacts[${index}].name`, 'a contact without a name is left out')
      return []
    }
    return [
      defined({
        name: contactName,
        role: text(contact.title),
        department: text(contact.department),
        phone: cleanPhoneNumber(records(contact.phones)[0]?.number),
        email: text(contact.email),
      }),
    ]
  })
  const description = text(record.description)
  return defined({
    name,
    alternateName: text(record.alternate_name),
    // The stand-in we export for an organisation without a description is no description.
    description: description === new HsdsMapper(taxonomies).standInDescription(kind, sector) ? undefined : description,
    sector,
    kind,
    registrationId: text(identifier?.identifier) ?? text(record.tax_id),
    website: text(record.website) ?? text(record.url),
    email: text(record.email),
    phones: phoneInputs(findings, record.phones),
    contacts: contacts.length ? contacts : undefined,
  })
}

function sectorFromWords(words: string): string {
  if (/government|public|municipal|council|authority|state|city|district/i.test(words)) return 'PUBLIC'
  if (/company|ltd|limited|inc\b|corp|plc|gmbh|llc|for-profit|business/i.test(words)) return 'PRIVATE'
  return 'NONPROFIT'
}

/** "10:00:00" → "10:00". */
const clock = (value: unknown) => {
  const match = /^(\d{1,2}):(\d{2})/.exec(String(value ?? ''))
  return match ? `${match[1].padStart(2, '0')}:${match[2]}` : undefined
}

const DAY_FROM_CODE = Object.fromEntries(Object.entries(DAY_CODES).map(([day, code]) => [code, day]))
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** WEEKLY schedules with days and times → one interval per day. */
function weeklyHours(findings: Findings, schedules: unknown): Input[] | undefined {
  const hours: Input[] = []
  let any = false
  records(schedules).forEach((schedule, index) => {
    if (schedule.freq !== 'WEEKLY' || !schedule.byday) return
    any = true
    const opens = clock(schedule.opens_at)
    const closes = clock(schedule.closes_at)
    if (!opens || !closes) return findings.warn(`schedules[${index}]`, 'a weekly schedule without opens_at and closes_at is left out')
    for (const code of String(schedule.byday).split(',').map((d) => d.trim().replace(/^[+-]?\d+/, ''))) {
      const day = DAY_FROM_CODE[code]
      if (day && !hours.some((h) => h.day === day && h.opens === opens)) hours.push({ day, opens, closes })
    }
  })
  return any ? hours : undefined
}

export function centreInput(record: HsdsRecord, taxonomies: Taxonomies, findings: Findings): Input | undefined {
  const name = text(record.name)
  if (!name) return void findings.reject('name', 'a location needs a name')
  if (record.location_type && record.location_type !== 'physical') return void findings.reject('location_type', `only physical locations are centres (got ${record.location_type})`)
  const address = records(record.addresses).find((a) => a.address_type !== 'postal') ?? records(record.addresses)[0]
  if (!address) return void findings.reject('addresses', 'a centre needs a street address')
  const district = text(address.city)
  if (!text(address.address_1) || !district) return void findings.reject('addresses[0]', 'a centre needs address_1 and city (the district)')
  let postalCode = text(address.postal_code)
  if (postalCode && !/^\d{5}$/.test(postalCode)) {
    findings.warn('addresses[0].postal_code', `"${postalCode}" is not a 5-digit Korean postal code; left out`)
    postalCode = undefined
  }
  const dongCode = record.external_identifier_type === DONG_CODE_IDENTIFIER_TYPE ? text(record.external_identifier) : undefined
  const facilities = new Set<string>()
  records(record.accessibility).forEach((entry, index) => {
    const code = text(entry.details)
    if (code && taxonomies.valuesOf('Facility').includes(code)) facilities.add(code)
    else {
      const guessed = facilitiesFromWords(`${entry.description ?? ''} ${entry.details ?? ''}`)
      guessed.forEach((facility) => facilities.add(facility))
      if (guessed.length === 0) findings.warn(`accessibility[${index}]`, 'no known facility recognised; left out')
    }
  })
  const exceptions = records(record.schedules).flatMap((schedule) => {
    if (schedule.freq || !ISO_DATE.test(String(schedule.valid_from)) || schedule.valid_from !== schedule.valid_to) return []
    const opens = clock(schedule.opens_at)
    const closes = clock(schedule.closes_at)
    const isClosed = !(opens && closes)
    const reason = text(schedule.description)?.replace(/^(Closed|Open \S+) on \d{4}-\d{2}-\d{2} ?/, '').replace(/^\((.*)\)$/, '$1')
    return [defined({ date: schedule.valid_from, isClosed, opens: isClosed ? undefined : opens, closes: isClosed ? undefined : closes, reason: reason || undefined })]
  })
  let latitude = typeof record.latitude === 'number' ? record.latitude : undefined
  let longitude = typeof record.longitude === 'number' ? record.longitude : undefined
  if (latitude !== undefined && longitude !== undefined && (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) {
    findings.warn('latitude', `(${latitude}, ${longitude}) are not WGS 84 coordinates; left out`)
    latitude = longitude = undefined
  }
  return defined({
    name,
    alternateName: text(record.alternate_name),
    description: text(String(record.description ?? '').replace(CLOSED_NOTICE, '')),
    kind: attributeCodes(taxonomies, CENTRE_KIND, record)[0] ?? 'OTHER',
    address: defined({ address1: text(address.address_1), city: text(address.state_province), district, dong: text(address.region), postalCode, administrativeDongCode: dongCode }),
    latitude: latitude !== undefined && longitude !== undefined ? latitude : undefined,
    longitude: latitude !== undefined && longitude !== undefined ? longitude : undefined,
    phones: phoneInputs(findings, record.phones),
    languages: languageCodes(findings, record.languages),
    facilities: facilities.size ? [...facilities] : undefined,
    openingHours: weeklyHours(findings, record.schedules),
    hoursExceptions: exceptions.length ? exceptions : undefined,
  })
}

/** The centre status an exported location states (attribute + notice in its description); none for foreign locations. */
export function centreStatus(record: HsdsRecord, taxonomies: Taxonomies): { status: string; reason: string | null } | undefined {
  const status = attributeCodes(taxonomies, CENTRE_STATUS, record)[0]
  if (!status) return undefined
  return { status, reason: CLOSED_NOTICE.exec(String(record.description ?? ''))?.[1] ?? null }
}

const FACILITY_WORDS: [RegExp, string][] = [
  [/wheelchair|step-free|ramp/i, 'WHEELCHAIR_ACCESS'],
  [/\blift|elevator/i, 'ELEVATOR'],
  [/accessible (toilet|restroom|wc)/i, 'ACCESSIBLE_TOILET'],
  [/braille|tactile/i, 'BRAILLE_SIGNAGE'],
  [/induction loop|hearing loop|hearing aid/i, 'HEARING_LOOP'],
  [/nursing room|breastfeeding/i, 'NURSING_ROOM'],
  [/caf[eé]/i, 'CAFE'],
  [/parking/i, 'PARKING'],
]
const facilitiesFromWords = (words: string) => FACILITY_WORDS.filter(([pattern]) => pattern.test(words)).map(([, code]) => code)

/** The programs subgraph keeps each required document to 200 characters. */
const MAX_DOCUMENT_LENGTH = 200

export const PROGRAM_STATUS_FROM_HSDS: Record<string, string> = {
  active: 'ACTIVE',
  'temporarily closed': 'TEMPORARILY_CLOSED',
  inactive: 'INACTIVE',
  defunct: 'INACTIVE',
}

function fundingFrom(record: HsdsRecord): string | undefined {
  const sources = records(record.funding).map((f) => String(f.source ?? ''))
  if (sources.length === 0) return undefined
  const ours = /^(PUBLIC|PRIVATE|JOINT)\b/.exec(sources[0])
  if (ours) return ours[1]
  const words = sources.join(' ')
  const isPublic = /government|public|municipal|council|state|city|district|authority/i.test(words)
  const isPrivate = /private|charit|donat|grant|foundation|for-profit|company|sponsor/i.test(words)
  if (isPublic && isPrivate) return 'JOINT'
  if (isPrivate) return 'PRIVATE'
  return 'PUBLIC'
}

const APPLICATION_WORDS: [RegExp, string][] = [
  [/walk[ -]?in|in person|visit/i, 'WALK_IN'],
  [/referral/i, 'REFERRAL_ONLY'],
  [/phone|call|ring/i, 'PHONE'],
  [/online|website|web site|internet/i, 'ONLINE'],
]

/** The program input without provider and centres (the importer resolves those). */
export function programInput(record: HsdsRecord, taxonomies: Taxonomies, findings: Findings, knownDistrict: (name: string) => boolean): Input | undefined {
  const name = text(record.name)
  if (!name) return void findings.reject('name', 'a service needs a name')
  const description = text(record.description) ?? text(record.alternate_name)
  if (!description) return void findings.reject('description', 'a program needs a description')
  const category = attributeCodes(taxonomies, PROGRAM_CATEGORY, record)[0]
  if (!category) findings.warn('attributes', 'no term of our program-category taxonomy; category OTHER')
  const serviceArea: Input[] = []
  records(record.service_areas).forEach((area, index) => {
    const [district, dong, ...rest] = String(text(area.name) ?? '').split(/\s+/)
    if (district && knownDistrict(district) && rest.length === 0) serviceArea.push(defined({ district, dong }))
    else findings.warn(`service_areas[${index}].name`, 'not a known district (gu/si) optionally followed by a dong; left out')
  })
  const costOption = records(record.cost_options).find((option) => typeof option.amount === 'number')
  let cost: number | undefined
  if (costOption) {
    if (String(costOption.currency ?? 'KRW').toUpperCase() === 'KRW') cost = Math.round(costOption.amount)
    else findings.warn('cost_options[0].currency', `amounts are whole KRW; ${costOption.amount} ${costOption.currency} left out (see fees_description)`)
  }
  const schedules = records(record.schedules)
  const sessions = weeklyHours(findings, schedules)
  const scheduleDescription = text(schedules.find((s) => text(s.notes))?.notes) ?? (sessions ? undefined : text(schedules.find((s) => text(s.description))?.description))
  const dated = schedules.find((s) => ISO_DATE.test(String(s.valid_from)) || ISO_DATE.test(String(s.valid_to)))
  const applicationProcess = text(record.application_process) ?? ''
  const howToApply = APPLICATION_WORDS.filter(([pattern]) => pattern.test(applicationProcess)).map(([, method]) => method)
  const applicationPhone = cleanPhoneNumber(records(record.phones)[0]?.number)
  const applicationUrl = text(record.url)
  if (applicationPhone && !howToApply.includes('PHONE')) howToApply.push('PHONE')
  if (applicationUrl && !howToApply.includes('ONLINE')) howToApply.push('ONLINE')
  const minAge = typeof record.minimum_age === 'number' ? Math.floor(record.minimum_age) : undefined
  const maxAge = typeof record.maximum_age === 'number' ? Math.ceil(record.maximum_age) : undefined
  const documents = records(record.required_documents).flatMap((entry, index) => {
    const document = text(entry.document)
    if (!document) return []
    if (document.length <= MAX_DOCUMENT_LENGTH) return [document]
    findings.warn(`required_documents[${index}].document`, `longer than ${MAX_DOCUMENT_LENGTH} characters; shortened`)
    return [`${document.slice(0, MAX_DOCUMENT_LENGTH - 1)}…`]
  })
  return defined({
    name,
    alternateName: text(record.alternate_name),
    description,
    category: category ?? 'OTHER',
    lifeStages: attributeCodes(taxonomies, LIFE_STAGE, record),
    targetGroups: attributeCodes(taxonomies, TARGET_GROUP, record),
    funding: fundingFrom(record),
    serviceArea: record.service_areas ? serviceArea : undefined,
    eligibility: defined({
      minAge,
      maxAge,
      requiredDocuments: documents.length ? documents : undefined,
      description: text(record.eligibility_description),
    }),
    cost,
    costDescription: text(record.fees_description) ?? text(costOption?.amount_description),
    schedule: sessions || scheduleDescription ? defined({ sessions, description: scheduleDescription }) : undefined,
    howToApply: howToApply.length ? howToApply : undefined,
    applicationUrl: applicationUrl && howToApply.includes('ONLINE') ? applicationUrl : undefined,
    applicationPhone: applicationPhone && howToApply.includes('PHONE') ? applicationPhone : undefined,
    languages: languageCodes(findings, record.languages),
    startDate: dated && ISO_DATE.test(String(dated.valid_from)) ? dated.valid_from : undefined,
    endDate: dated && ISO_DATE.test(String(dated.valid_to)) ? dated.valid_to : undefined,
  })
}

export function programStatus(record: HsdsRecord, findings: Findings): string {
  const status = PROGRAM_STATUS_FROM_HSDS[String(record.status ?? 'active').toLowerCase()]
  if (!status) {
    findings.warn('status', `unknown status "${record.status}"; imported as active`)
    return 'ACTIVE'
  }
  return status
}
