import { badUserInput, parseId } from '@nanum/subgraph-kit'
import type { CentreFilter, OrganisationFilter } from '../db/queries.js'
import type { NearPoint } from '../db/geo.js'
import { isLanguageCode } from '@nanum/locale'
import { seoulMoment } from '@nanum/locale'

export type CentreFilterArgs = Omit<CentreFilter, 'open'> & { openNow?: boolean | null; at?: Date | null }

const MAX_SEARCH_LENGTH = 200
const MAX_RADIUS_KM = 100

/** Blank search means no search; an overlong one is refused rather than silently cut. */
function parseSearch(search: string | null | undefined, field: string): string | null {
  const term = search?.trim()
  if (!term) return null
  if (term.length > MAX_SEARCH_LENGTH) throw badUserInput(field, `must be at most ${MAX_SEARCH_LENGTH} characters`)
  return term
}

function parseNear(near: NearPoint): NearPoint {
  const { latitude, longitude, radiusKm } = near
  if (!(latitude >= -90 && latitude <= 90)) throw badUserInput('filter.near.latitude', `must be between -90 and 90 (got ${latitude})`)
  if (!(longitude >= -180 && longitude <= 180)) throw badUserInput('filter.near.longitude', `must be between -180 and 180 (got ${longitude})`)
  if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM))
    throw badUserInput('filter.near.radiusKm', `must be more than 0 and at most ${MAX_RADIUS_KM} (got ${radiusKm})`)
  return { latitude, longitude, radiusKm }
}

export function parseOrganisationFilter(filter: OrganisationFilter | null | undefined): OrganisationFilter {
  return {
    ...filter,
    search: parseSearch(filter?.search, 'filter.search'),
    parentId: filter?.parentId ? parseId(filter.parentId, 'filter.parentId') : null,
  }
}

export function parseCentreFilter(filter: CentreFilterArgs | null | undefined): CentreFilter {
  const { openNow, at, ...rest } = filter ?? {}
  const language = rest.language?.trim().toLowerCase()
  if (language && !isLanguageCode(language)) throw badUserInput('filter.language', `"${language.slice(0, 20)}" is not an ISO 639-1 language code`)
  return {
    ...rest,
    search: parseSearch(rest.search, 'filter.search'),
    organisationId: rest.organisationId ? parseId(rest.organisationId, 'filter.organisationId') : null,
    language: language || null,
    open: openNow === null || openNow === undefined ? null : { isOpen: openNow, at: seoulMoment(at ?? new Date()) },
    near: rest.near ? parseNear(rest.near) : null,
  }
}
