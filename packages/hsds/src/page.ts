import { badParameter } from './problem.js'

export const DEFAULT_PER_PAGE = 50
export const MAX_PER_PAGE = 100
/**
 * Our graph pages by keyset cursor, HSDS by page number: page N is reached by walking cursors
 * (cursor-only requests of 100 edges, see `walkToOffset`), i.e. ceil(offset / 100) extra
 * operations. Capping the offset keeps one HSDS request bounded (at most 100 cursor requests);
 * deeper pages are a 400 asking for a narrower filter.
 */
export const MAX_OFFSET = 10_000

export interface PageRequest {
  page: number
  perPage: number
}

export interface HsdsPage<T> {
  total_items: number
  total_pages: number
  page_number: number
  size: number
  first_page: boolean
  last_page: boolean
  empty: boolean
  contents: T[]
}

function positiveInteger(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name)
  if (raw === null || raw === '') return fallback
  if (!/^\d+$/.test(raw)) throw badParameter(name, `must be a positive whole number (got "${raw.slice(0, 40)}")`)
  const value = Number(raw)
  if (value < 1 || value > max) throw badParameter(name, `must be between 1 and ${max} (got ${raw})`)
  return value
}

export function parsePageRequest(params: URLSearchParams): PageRequest {
  const perPage = positiveInteger(params, 'per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE)
  const page = positiveInteger(params, 'page', 1, Number.MAX_SAFE_INTEGER)
  if ((page - 1) * perPage > MAX_OFFSET)
    throw badParameter('page', `pages start at most ${MAX_OFFSET} items deep (page ${page} × per_page ${perPage}); narrow the list with a filter`)
  return { page, perPage }
}

export const offsetOf = (request: PageRequest) => (request.page - 1) * request.perPage

/** One page of a list of `totalItems`; an empty list is one empty page. */
export function pageObject<T>(totalItems: number, request: PageRequest, contents: T[]): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(totalItems / request.perPage))
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: request.page,
    size: contents.length,
    first_page: request.page === 1,
    last_page: request.page >= totalPages,
    empty: contents.length === 0,
    contents,
  }
}
