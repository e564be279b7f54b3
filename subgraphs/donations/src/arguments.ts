import { badUserInput, parseId, parsePage, type Page, type PageArgs } from '@nanum/subgraph-kit'
import type { DonationItemFilter, InventoryFilter } from './db/queries.js'

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * `first`/`after` of a list of items. Their cursor is [listedAt as ISO string, id]; a cursor whose
 * timestamp is not one we wrote is refused here rather than failing as SQL.
 */
export function parseItemPage(args: PageArgs): Page {
  const page = parsePage(args, { arity: 2 })
  const listedAt = page.after?.[0]
  if (page.after && !(typeof listedAt === 'string' && ISO_INSTANT.test(listedAt) && !Number.isNaN(Date.parse(listedAt))))
    throw badUserInput('after', 'is not a cursor returned by this list')
  return page
}

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
