import { badUserInput, parsePage, type CursorKey, type Page, type PageArgs } from '@nanum/subgraph-kit'
import type { ListOrder } from '../db/queries.js'

/**
 * Cursors of the directory lists. In name order a cursor is `[name, id]`. In a ranked order it is
 * `[order, points, id]` where points are whole numbers (negated relevance points, or distance in
 * metres), so that the keyset comparison is exact with the kit's 'integer' kind rather than a float;
 * the leading tag keeps a relevance cursor from being replayed on a distance list.
 */
export function parseListPage(args: PageArgs, order: ListOrder): Page {
  if (order === 'name') return parsePage(args, ['text', 'id'])
  const page = parsePage(args, ['text', 'integer', 'id'])
  if (page.after && page.after[0] !== order) throw badUserInput('after', 'is not a cursor returned by this list')
  return { ...page, after: page.after ? page.after.slice(1) : null }
}

export function listCursor(order: ListOrder) {
  return (row: { sortKey: string | number; id: string }): CursorKey => (order === 'name' ? [row.sortKey, row.id] : [order, row.sortKey, row.id])
}
