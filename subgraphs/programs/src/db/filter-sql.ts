import { and, arrayContains, arrayOverlaps, eq, gte, inArray, isNull, lte, not, or, sql, type SQL } from 'drizzle-orm'
import type { SeoulMoment } from '@nanum/locale'
import { programCentres, programs, programSessions, type ProgramRow } from './tables.js'

/** A `programs` filter after validation; absent fields do not filter. */
export interface ProgramFilter {
  /** Search words, each of which must appear in the name, alternate name or description. */
  searchTerms?: readonly string[]
  categories?: readonly ProgramRow['category'][]
  lifeStage?: ProgramRow['lifeStages'][number]
  targetGroup?: ProgramRow['targetGroups'][number]
  /** Service-area keys of which a program must hold one (see `areaKeysFor`). */
  areaKeys?: readonly string[]
  providerId?: string
  funding?: ProgramRow['funding']
  /** Null lists every status. */
  statuses: readonly ProgramRow['status'][] | null
  open?: { at: SeoulMoment; isOpen: boolean }
  hasFreeSeats?: boolean
  centreId?: string
}

/**
 * The keys (computed by the migration's `service_area_keys()`) of programs available in an area:
 * no restriction ('*'), the whole district, and either the given dong or any dong of the district.
 */
export function areaKeysFor(district: string, dong: string | null | undefined): string[] {
  return ['*', district, dong ? `${district}/${dong}` : `${district}~`]
}

/** `%term%` for ILIKE, with the pattern characters in the term taken literally. */
export const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Exactly two Hangul syllables (U+AC00–U+D7A3), as `programs.search_bigrams()` indexes them. */
const HANGUL_SYLLABLE_PAIR = /^[가-힣]{2}$/
/** Three letters or digits in a row: a term the trigram index can serve (pg_trgm skips the rest). */
const TRIGRAM_TERM = /[\p{L}\p{N}]{3}/u

/**
 * Each search word must appear in the search document: ILIKE, served by the trigram index. A word
 * of two Hangul syllables (간호, 육아: the commonest searches) is too short for trigrams; unless
 * another word of the search can use them, it is looked up instead among the document's pairs of
 * adjacent syllables in `programs_search_bigrams_idx` (the call must stay exactly as there).
 * Hangul has no case, so `strpos` tests the same as ILIKE would: it spares `search_bigrams()`
 * (~30 µs a row) in plans that filter rows instead of using the index, and PostgreSQL estimates
 * `<> 0` as almost always true, so the pair lookup alone sets the row estimate (a second ILIKE
 * would square it: 46 rows estimated for 2,222). Not beside a trigram word: PostgreSQL would AND
 * both indexes, and the trigram recheck would then compute `search_bigrams()` for every candidate.
 */
function searchConditions(terms: readonly string[]): SQL[] {
  const bigrams = !terms.some((term) => TRIGRAM_TERM.test(term))
  return terms.map((term) =>
    bigrams && HANGUL_SYLLABLE_PAIR.test(term)
      ? sql`(programs.search_bigrams(${programs.searchDocument}) @> array[${term}]::text[] and strpos(${programs.searchDocument}, ${term}) <> 0)`
      : sql`${programs.searchDocument} ilike ${containsPattern(term)}`,
  )
}

/**
 * Open at a local instant: ACTIVE, within its start and end dates, and in one of its weekly
 * sessions. Programs without weekly sessions (on demand) are never "open now".
 */
function openAt(at: SeoulMoment): SQL {
  return and(
    eq(programs.status, 'ACTIVE'),
    or(isNull(programs.startDate), lte(programs.startDate, at.date)),
    or(isNull(programs.endDate), gte(programs.endDate, at.date)),
    sql`exists (select 1 from ${programSessions} where ${programSessions.programId} = ${programs.id} and ${programSessions.day} = ${at.day} and ${programSessions.opens} <= ${at.time} and ${programSessions.closes} > ${at.time})`,
  )!
}

/** The one place a filter becomes SQL, so that pages and counts always agree. */
export function programConditions(filter: ProgramFilter): SQL | undefined {
  return and(
    ...searchConditions(filter.searchTerms ?? []),
    filter.categories?.length ? inArray(programs.category, [...filter.categories]) : undefined,
    filter.lifeStage ? arrayContains(programs.lifeStages, [filter.lifeStage]) : undefined,
    filter.targetGroup ? arrayContains(programs.targetGroups, [filter.targetGroup]) : undefined,
    filter.areaKeys ? arrayOverlaps(programs.serviceAreaKeys, [...filter.areaKeys]) : undefined,
    filter.providerId
      ? or(eq(programs.providerOrganisationId, filter.providerId), arrayContains(programs.coProviderOrganisationIds, [filter.providerId]))
      : undefined,
    filter.funding ? eq(programs.funding, filter.funding) : undefined,
    filter.statuses ? inArray(programs.status, [...filter.statuses]) : undefined,
    filter.open ? (filter.open.isOpen ? openAt(filter.open.at) : not(openAt(filter.open.at))) : undefined,
    filter.hasFreeSeats != null ? eq(programs.hasFreeSeats, filter.hasFreeSeats) : undefined,
    filter.centreId
      ? sql`exists (select 1 from ${programCentres} where ${programCentres.programId} = ${programs.id} and ${programCentres.centreId} = ${filter.centreId})`
      : undefined,
  )
}
