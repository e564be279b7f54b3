import { badUserInput, parseId } from '@nanum/subgraph-kit'
import { areaKeysFor, type ProgramFilter } from '../db/queries.js'
import type { ProgramRow } from '../db/tables.js'
import { seoulMoment } from '@nanum/locale'

/** `ProgramFilter` as GraphQL delivers it. */
export interface ProgramFilterArgs {
  search?: string | null
  category?: ProgramRow['category'][] | null
  lifeStage?: ProgramRow['lifeStages'][number] | null
  targetGroup?: ProgramRow['targetGroups'][number] | null
  district?: string | null
  dong?: string | null
  providerId?: string | null
  funding?: ProgramRow['funding'] | null
  status?: ProgramRow['status'][] | null
  openNow?: boolean | null
  at?: Date | null
  hasFreeSeats?: boolean | null
  centreId?: string | null
}

const MAX_SEARCH_LENGTH = 200
const MAX_SEARCH_WORDS = 8

/** The search as typed (trimmed, spaces collapsed), or null when there is none. */
export function searchText(args: ProgramFilterArgs | null | undefined): string | null {
  const text = args?.search?.trim().replace(/\s+/g, ' ')
  return text ? text : null
}

/**
 * Validates a filter argument (`field` is its name, for messages) and applies the defaults: only
 * ACTIVE programs unless `status` says otherwise; `openNow` evaluated now unless `at` is given.
 */
export function parseProgramFilter(args: ProgramFilterArgs | null | undefined, field = 'filter', now = new Date()): ProgramFilter {
  const filter: ProgramFilter = { statuses: args?.status?.length ? args.status : ['ACTIVE'] }
  if (!args) return filter
  const search = searchText(args)
  if (search) {
    if (search.length > MAX_SEARCH_LENGTH) throw badUserInput(`${field}.search`, `must be at most ${MAX_SEARCH_LENGTH} characters`)
    const words = search.split(' ')
    if (words.length > MAX_SEARCH_WORDS) throw badUserInput(`${field}.search`, `must have at most ${MAX_SEARCH_WORDS} words`)
    filter.searchTerms = words
  }
  if (args.category?.length) filter.categories = args.category
  if (args.lifeStage) filter.lifeStage = args.lifeStage
  if (args.targetGroup) filter.targetGroup = args.targetGroup
  if (args.dong && !args.district) throw badUserInput(`${field}.dong`, `needs ${field}.district (dong names repeat across districts)`)
  if (args.district) filter.areaKeys = areaKeysFor(args.district.trim(), args.dong?.trim())
  if (args.providerId != null) filter.providerId = parseId(args.providerId, `${field}.providerId`)
  if (args.funding) filter.funding = args.funding
  if (args.at && args.openNow == null) throw badUserInput(`${field}.at`, `is only used with ${field}.openNow`)
  if (args.openNow != null) filter.open = { at: seoulMoment(args.at ?? now), isOpen: args.openNow }
  if (args.hasFreeSeats != null) filter.hasFreeSeats = args.hasFreeSeats
  if (args.centreId != null) filter.centreId = parseId(args.centreId, `${field}.centreId`)
  return filter
}
