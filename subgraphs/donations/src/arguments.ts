import { badUserInput, parseId, parsePage, type Page, type PageArgs } from '@nanum/subgraph-kit'
import type { DonationItemFilter, InventoryFilter, NeedFilter } from './db/queries.js'

/** `first`/`after` of a list of items, newest first: the cursor is [listedAt, id]. */
export const parseItemPage = (args: PageArgs): Page => parsePage(args, ['timestamp', 'id'])
/** Needs and matches: [createdAt, id]. */
export const parseCreatedPage = (args: PageArgs): Page => parsePage(args, ['timestamp', 'id'])
/** Item events: [at, sequence number]. */
export const parseEventPage = (args: PageArgs): Page => parsePage(args, ['timestamp', 'integer'])

export function parseItemFilter(filter: DonationItemFilter | null | undefined): DonationItemFilter {
  const parsed = { ...filter }
  if (parsed.centreId != null) parsed.centreId = parseId(parsed.centreId, 'filter.centreId')
  if (parsed.donorId != null) parsed.donorId = parseId(parsed.donorId, 'filter.donorId')
  if (parsed.ageMonths != null && parsed.ageMonths < 0)
    throw badUserInput('filter.ageMonths', `must be 0 or more (got ${parsed.ageMonths})`)
  return parsed
}

export function parseNeedFilter(filter: NeedFilter | null | undefined): NeedFilter {
  const parsed = { ...filter }
  if (parsed.householdId != null) parsed.householdId = parseId(parsed.householdId, 'filter.householdId')
  return parsed
}

/** A canonical form, since it keys the per-filter loader family. */
export function parseInventoryFilter(filter: InventoryFilter | null | undefined): InventoryFilter {
  return { category: filter?.category ?? null, status: filter?.status ?? null }
}

/** `first` of a suggestion list: 1 to 50, default 10. */
export function parseSuggestionCount(first: number | null | undefined): number {
  const count = first ?? 10
  if (!Number.isInteger(count) || count < 1 || count > 50) throw badUserInput('first', `must be between 1 and 50 (got ${count})`)
  return count
}
