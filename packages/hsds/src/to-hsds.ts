/**
 * Graph → HSDS 3.0 objects. The mapping, field by field (the reverse is in from-hsds.ts):
 *
 * Organisation → organization: name, alternateName → alternate_name, description (HSDS requires
 *   one: when ours is empty it states kind and sector), website, email, parentOrganisation →
 *   parent_organization_id, registrationId → organization_identifiers[0] (type "Registration
 *   number"), phones → phones, contacts → contacts (role → title, phone → contact.phones);
 *   sector and kind → attributes linking to our `sector` / `organisation-kind` taxonomies.
 * Centre → location (`physical`): name, alternate_name, description (a closed centre's starts
 *   with "Closed: <reason>."), status → attribute (`centre-status`), latitude/longitude,
 *   administrativeDongCode → external_identifier; address → one address: address_1 = street
 *   address, city = district (gu/si), region = neighbourhood (dong), state_province = city or
 *   province, postal_code, country KR; phones; languages (ISO 639-1); facilities →
 *   accessibility (details = our enum value); weekly hours and hours exceptions →
 *   schedules; kind → attribute (`centre-kind`). Staff counts have no HSDS field.
 * Program → service: name, alternate_name, description, status (ACTIVE/TEMPORARILY_CLOSED/
 *   INACTIVE → active/temporarily closed/inactive), statusReason → alert, provider →
 *   organization_id (+ `organization`), category, life stages, target groups → attributes,
 *   eligibility: minAge/maxAge → minimum_age/maximum_age, description → eligibility_description,
 *   requiredDocuments → required_documents; cost + costDescription → cost_options (KRW) and
 *   fees_description; funding → funding.source ("PUBLIC — …"); sessions → WEEKLY schedules,
 *   startDate/endDate → their valid_from/valid_to; howToApply, applicationPhone, applicationUrl
 *   → application_process (plain words), phones, url; languages; serviceArea → service_areas
 *   (name "district dong"); centres → service_at_locations. Co-providers, capacity, income band,
 *   residency and household flags have no HSDS field and are left out.
 * Times are Asia/Seoul local time; schedules carry `timezone` 9 (the UTC offset in hours).
 * Objects with no row of their own (phones, addresses, schedules, attributes …) get derived ids.
 */
import { derivedId, serviceAtLocationId } from './ids.js'
import type { GraphCentre, GraphOrganisation, GraphPhone, GraphProgram, GraphWeeklyHours } from './queries.js'
import { CENTRE_KIND, CENTRE_STATUS, LIFE_STAGE, ORGANISATION_KIND, PROGRAM_CATEGORY, SECTOR, TARGET_GROUP, type Taxonomies, type Vocabulary } from './taxonomy.js'

export type HsdsObject = Record<string, unknown>

export const SEOUL_UTC_OFFSET_HOURS = 9
export const REGISTRATION_IDENTIFIER_TYPE = 'Registration number'
export const DONG_CODE_IDENTIFIER_TYPE = 'KR administrative dong code (행정동 코드)'

export const HOTLINE = 'Hotline'

/**
 * A closed centre's description starts with this notice (residents must see it; HSDS locations
 * have no status); from-hsds strips it and reads the reason back.
 */
export const closedNotice = (status: string, reason: string | null) => `${status === 'CLOSED' ? 'Closed' : 'Temporarily closed'}${reason ? `: ${reason}` : ''}.`
export const CLOSED_NOTICE = /^(?:Closed|Temporarily closed)(?:: (.*?))?\.(?: |$)/

export const PROGRAM_STATUS_TO_HSDS: Record<string, string> = {
  ACTIVE: 'active',
  TEMPORARILY_CLOSED: 'temporarily closed',
  INACTIVE: 'inactive',
}

/** HSDS phone types: text, voice, fax, cell, video, pager, textphone. */
export const PHONE_KIND_TO_HSDS: Record<string, string> = { MAIN: 'voice', HOTLINE: 'voice', FAX: 'fax', MOBILE: 'cell' }

export const DAY_CODES: Record<string, string> = {
  MONDAY: 'MO',
  TUESDAY: 'TU',
  WEDNESDAY: 'WE',
  THURSDAY: 'TH',
  FRIDAY: 'FR',
  SATURDAY: 'SA',
  SUNDAY: 'SU',
}
const DAY_ORDER = Object.keys(DAY_CODES)

const APPLICATION_METHOD_WORDS: Record<string, string> = {
  WALK_IN: 'Walk in during opening hours',
  REFERRAL_ONLY: 'By referral only',
  PHONE: 'By phone',
  ONLINE: 'Online',
}

/** Drops null/undefined members so optional HSDS fields are absent rather than null. */
function compact<T extends HsdsObject>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined && value !== '')) as T
}

/** HSDS `uri` fields must be absolute URIs; partners often type "www.example.kr". */
export function asUri(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  for (const candidate of [value, `https://${value}`]) {
    try {
      const url = new URL(candidate)
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')) return candidate
    } catch {
      /* try the next form */
    }
  }
  return undefined
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const asEmail = (value: string | null | undefined) => (value && EMAIL.test(value) ? value : undefined)

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' })
const languageName = (code: string) => {
  try {
    return languageNames.of(code) ?? code
  } catch {
    return code
  }
}

export class HsdsMapper {
  constructor(private readonly taxonomies: Taxonomies) {}

  /** HSDS requires an organization description; ours is optional. from-hsds recognises this one as "none". */
  standInDescription(kind: string, sector: string): string {
    return `${this.taxonomies.term(ORGANISATION_KIND, kind).name} (${this.taxonomies.term(SECTOR, sector).name.toLowerCase()} sector)`
  }

  private attribute(vocabulary: Vocabulary, code: string, linkId: string, linkEntity: string): HsdsObject {
    const term = this.taxonomies.term(vocabulary, code)
    return {
      id: derivedId('attribute', linkId, vocabulary.key, code),
      link_id: linkId,
      link_type: vocabulary.key,
      link_entity: linkEntity,
      taxonomy_term_id: term.id,
      value: code,
      taxonomy_term: term,
    }
  }

  private phones(owner: Record<string, string>, ownerId: string, phones: GraphPhone[]): HsdsObject[] {
    return phones.map((phone, index) =>
      compact({
        id: derivedId('phone', ownerId, index),
        ...owner,
        number: phone.number,
        type: PHONE_KIND_TO_HSDS[phone.kind] ?? 'voice',
        // HSDS has no hotline type: the description says it (from-hsds reads it back).
        description: phone.kind === 'HOTLINE' ? [HOTLINE, phone.description].filter(Boolean).join(': ') : phone.description,
      }),
    )
  }

  private languages(owner: Record<string, string>, ownerId: string, codes: string[]): HsdsObject[] {
    return codes.map((code) => ({ id: derivedId('language', ownerId, code), ...owner, name: languageName(code), code }))
  }

  /** One-to-one fields only (HSDS organization_list). */
  organizationBrief(organisation: GraphOrganisation): HsdsObject {
    return compact({
      id: organisation.id,
      name: organisation.name,
      alternate_name: organisation.alternateName,
      description: organisation.description || this.standInDescription(organisation.kind, organisation.sector),
      email: asEmail(organisation.email),
      website: asUri(organisation.website),
      parent_organization_id: organisation.parentOrganisation?.id,
    })
  }

  /** The organization with its own one-to-many parts; `related` nests its locations and services. */
  organization(organisation: GraphOrganisation, related: { centres?: GraphCentre[]; programs?: GraphProgram[] } = {}): HsdsObject {
    const id = organisation.id
    return {
      ...this.organizationBrief(organisation),
      phones: this.phones({ organization_id: id }, id, organisation.phones),
      contacts: organisation.contacts.map((contact) =>
        compact({
          id: contact.id,
          organization_id: id,
          name: contact.name,
          title: contact.role,
          department: contact.department,
          email: asEmail(contact.email),
          phones: contact.phone ? [{ id: derivedId('phone', contact.id, 0), contact_id: contact.id, number: contact.phone, type: 'voice' }] : [],
        }),
      ),
      organization_identifiers: organisation.registrationId
        ? [{ id: derivedId('organization_identifier', id), organization_id: id, identifier_type: REGISTRATION_IDENTIFIER_TYPE, identifier: organisation.registrationId }]
        : [],
      attributes: [this.attribute(SECTOR, organisation.sector, id, 'organization'), this.attribute(ORGANISATION_KIND, organisation.kind, id, 'organization')],
      ...(related.centres ? { locations: related.centres.map((centre) => this.location(centre)) } : {}),
      ...(related.programs ? { services: related.programs.map((program) => this.serviceBrief(program)) } : {}),
    }
  }

  locationBrief(centre: GraphCentre): HsdsObject {
    const closed = centre.status === 'ACTIVE' ? undefined : closedNotice(centre.status, centre.statusReason)
    return compact({
      id: centre.id,
      location_type: 'physical',
      organization_id: centre.organisation?.id,
      name: centre.name,
      alternate_name: centre.alternateName,
      description: [closed, centre.description].filter(Boolean).join(' ') || undefined,
      latitude: centre.latitude,
      longitude: centre.longitude,
      external_identifier: centre.address.administrativeDongCode,
      external_identifier_type: centre.address.administrativeDongCode ? DONG_CODE_IDENTIFIER_TYPE : undefined,
    })
  }

  location(centre: GraphCentre): HsdsObject {
    const id = centre.id
    const owner = { location_id: id }
    return {
      ...this.locationBrief(centre),
      addresses: [
        {
          ...compact({ id: derivedId('address', id), location_id: id, address_1: centre.address.address1, city: centre.address.district, region: centre.address.dong }),
          // Required by HSDS even when unknown.
          state_province: centre.address.city ?? '',
          postal_code: centre.address.postalCode ?? '',
          country: 'KR',
          address_type: 'physical',
        },
      ],
      phones: this.phones(owner, id, centre.phones),
      languages: this.languages(owner, id, centre.languages),
      accessibility: centre.facilities.map((facility) => ({
        id: derivedId('accessibility', id, facility),
        location_id: id,
        description: this.taxonomies.describe('Facility', facility),
        details: facility,
      })),
      schedules: [
        ...this.weeklySchedules(owner, id, centre.openingHours, {}),
        ...centre.hoursExceptions.map((exception) =>
          compact({
            id: derivedId('schedule', id, 'exception', exception.date),
            location_id: id,
            valid_from: exception.date,
            valid_to: exception.date,
            opens_at: exception.isClosed ? undefined : exception.opens,
            closes_at: exception.isClosed ? undefined : exception.closes,
            timezone: SEOUL_UTC_OFFSET_HOURS,
            description: `${exception.isClosed ? 'Closed' : `Open ${exception.opens}–${exception.closes}`} on ${exception.date}${exception.reason ? ` (${exception.reason})` : ''}`,
            notes: exception.isClosed ? 'closed' : 'special hours',
          }),
        ),
      ],
      attributes: [this.attribute(CENTRE_KIND, centre.kind, id, 'location'), this.attribute(CENTRE_STATUS, centre.status, id, 'location')],
    }
  }

  /** Groups days with the same hours into one WEEKLY rule (`byday` lists them Monday first). */
  weeklySchedules(owner: Record<string, string>, ownerId: string, hours: GraphWeeklyHours[], validity: { from?: string | null; to?: string | null }): HsdsObject[] {
    const groups = new Map<string, { opens: string; closes: string; days: string[] }>()
    for (const entry of [...hours].sort((a, b) => DAY_ORDER.indexOf(a.day) - DAY_ORDER.indexOf(b.day))) {
      const key = `${entry.opens}-${entry.closes}`
      const group = groups.get(key) ?? { opens: entry.opens, closes: entry.closes, days: [] }
      if (!group.days.includes(entry.day)) group.days.push(entry.day)
      groups.set(key, group)
    }
    return [...groups.values()]
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((group) =>
        compact({
          id: derivedId('schedule', ownerId, group.opens, group.closes),
          ...owner,
          freq: 'WEEKLY',
          wkst: 'MO',
          byday: group.days.map((day) => DAY_CODES[day]).join(','),
          opens_at: group.opens,
          closes_at: group.closes,
          valid_from: validity.from,
          valid_to: validity.to,
          timezone: SEOUL_UTC_OFFSET_HOURS,
          description: `${group.days.map((day) => day.charAt(0) + day.slice(1, 3).toLowerCase()).join(', ')} ${group.opens}–${group.closes} (Asia/Seoul)`,
        }),
      )
  }

  private applicationProcess(program: GraphProgram): string | undefined {
    const ways = program.howToApply.map((method) => {
      const words = APPLICATION_METHOD_WORDS[method] ?? method
      if (method === 'PHONE' && program.applicationPhone) return `${words}: ${program.applicationPhone}`
      if (method === 'ONLINE' && program.applicationUrl) return `${words}: ${program.applicationUrl}`
      return words
    })
    return ways.length ? `${ways.join('; ')}.` : undefined
  }

  /** One-to-one fields only (HSDS service_list). */
  serviceBrief(program: GraphProgram): HsdsObject {
    return compact({
      id: program.id,
      organization_id: program.provider?.id,
      name: program.name,
      alternate_name: program.alternateName,
      description: program.description,
      url: asUri(program.applicationUrl),
      status: PROGRAM_STATUS_TO_HSDS[program.status] ?? 'inactive',
      alert: program.statusReason,
      application_process: this.applicationProcess(program),
      fees_description: program.costDescription ?? (program.cost === 0 ? 'Free' : undefined),
      eligibility_description: program.eligibility.description,
      minimum_age: program.eligibility.minAge,
      maximum_age: program.eligibility.maxAge,
      last_modified: program.updatedAt,
    })
  }

  /** The full service; `locations: false` leaves the locations out of its service_at_locations (a bundle lists them apart). */
  service(program: GraphProgram, options: { locations: boolean } = { locations: true }): HsdsObject {
    const id = program.id
    const owner = { service_id: id }
    const schedules = this.weeklySchedules(owner, id, program.schedule.sessions, { from: program.startDate, to: program.endDate })
    if (schedules.length === 0 && (program.schedule.description || program.startDate || program.endDate))
      schedules.push(
        compact({
          id: derivedId('schedule', id, 'dates'),
          service_id: id,
          valid_from: program.startDate,
          valid_to: program.endDate,
          timezone: SEOUL_UTC_OFFSET_HOURS,
          description: program.schedule.description,
        }),
      )
    else if (program.schedule.description) for (const schedule of schedules) schedule.notes = program.schedule.description
    return {
      ...this.serviceBrief(program),
      ...(program.provider ? { organization: this.organizationBrief(program.provider) } : {}),
      phones: program.applicationPhone ? [{ id: derivedId('phone', id, 0), service_id: id, number: program.applicationPhone, type: 'voice', description: 'Applications and enquiries' }] : [],
      schedules,
      service_areas: program.serviceArea.map((area) => ({
        id: derivedId('service_area', id, area.district, area.dong ?? ''),
        service_id: id,
        name: area.dong ? `${area.district} ${area.dong}` : area.district,
        description: area.dong ? `Residents of ${area.dong}, ${area.district}` : `Residents of ${area.district}`,
        extent_type: 'administrative_area',
      })),
      service_at_locations: program.centres
        .filter((centre): centre is GraphCentre => centre !== null)
        .map((centre) => this.serviceAtLocation(program, centre, { location: options.locations })),
      languages: this.languages(owner, id, program.languages),
      funding: [{ id: derivedId('funding', id), service_id: id, source: `${program.funding} — ${this.taxonomies.describe('Funding', program.funding)}` }],
      cost_options:
        program.cost === null
          ? []
          : [compact({ id: derivedId('cost_option', id), service_id: id, option: 'Per participant', currency: 'KRW', amount: program.cost, amount_description: program.costDescription })],
      required_documents: program.eligibility.requiredDocuments.map((document, index) => ({ id: derivedId('required_document', id, index), service_id: id, document })),
      attributes: [
        this.attribute(PROGRAM_CATEGORY, program.category, id, 'service'),
        ...program.lifeStages.map((stage) => this.attribute(LIFE_STAGE, stage, id, 'service')),
        ...program.targetGroups.map((group) => this.attribute(TARGET_GROUP, group, id, 'service')),
      ],
    }
  }

  serviceAtLocation(program: GraphProgram, centre: GraphCentre, include: { location?: boolean; service?: boolean } = {}): HsdsObject {
    return {
      id: serviceAtLocationId(program.id, centre.id),
      service_id: program.id,
      location_id: centre.id,
      description: `${program.name} at ${centre.name}`,
      ...(include.location ? { location: this.location(centre) } : {}),
      ...(include.service ? { service: this.serviceBrief(program) } : {}),
    }
  }
}
