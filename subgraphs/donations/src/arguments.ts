import { badUserInput, parseId, parsePage, type Page, type PageArgs } from '@nanum/subgraph-kit'
import type { DonationItemFilter, InventoryFilter } from './db/queries.js'

/** `first`/`after` of a list of items, newest first: the cursor is [listedAt, id]. */
export const parseItemPage = (args: PageArgs): Page => parsePage(args, ['timestamp', 'id'])

export function parseItemFilter(filter: DonationItemFilter | null | undefined): DonationItemFilter {
  const parsed = { ...filter }
  if (parsed.centreId != null) parsed.centreId = parseId(parsed.centreId, 'filter.centreId')
  if (parsed.donorId != null) parsed.donorId = parseId(parsed.donorId, 'filter.donorId')
  if (parsed.ageMonths != null && parsed.ageMonths < 0)
    throw badUserInput('filter.ageMonths', `must be 0 or more (got ${parsed.ageMonths})`)
  return parsed
}

/** A canonical form, since it keys the per-filter loader family. */
export function parseInventoryFilter(filter: InventoryFilter | null | undefined): InventoryFilter {
  return { category: filter?.category ?? null, status: filter?.status ?? null }
}
