import { badUserInput } from './errors.js'
import { isId } from './ids.js'

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

/** A position in a keyset-ordered list: the sort values of the last row seen. */
export type CursorKey = readonly (string | number | null)[]

/** Cursors are opaque to clients: base64url of the keyset values, never an offset. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/** Every keyset ends with the row's id (a UUID), which makes the order total. */
export function decodeCursor(cursor: string, field = 'after', arity?: number): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (
      Array.isArray(key) &&
      key.length >= 1 &&
      (arity === undefined || key.length === arity) &&
      key.every((v) => v === null || typeof v === 'string' || typeof v === 'number') &&
      isId(key.at(-1))
    )
      return key
  } catch {
    /* fall through */
  }
  throw badUserInput(field, 'is not a cursor returned by this list')
}

export interface PageArgs {
  first?: number | null
  after?: string | null
}

export interface Page {
  /** Rows to return. */
  limit: number
  /** Keyset position to continue after, if any. */
  after: CursorKey | null
}

/** Validates `first`/`after`. Queries fetch `limit + 1` rows to learn whether a next page exists. */
/** `arity` is the number of values in this list's keyset (its ORDER BY columns). */
export function parsePage(args: PageArgs, { arity, defaultSize = DEFAULT_PAGE_SIZE, maxSize = MAX_PAGE_SIZE }: { arity?: number; defaultSize?: number; maxSize?: number } = {}): Page {
  const limit = args.first ?? defaultSize
  if (!Number.isInteger(limit) || limit < 0 || limit > maxSize)
    throw badUserInput('first', `must be between 0 and ${maxSize} (got ${limit})`)
  return { limit, after: args.after ? decodeCursor(args.after, 'after', arity) : null }
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
  /** A thunk: GraphQL's default resolver calls it only when a client selects `totalCount`. */
  totalCount: () => Promise<number> | number
}

/**
 * Builds a connection from up to `limit + 1` rows already in keyset order.
 */
export function toConnection<T>(
  rows: readonly T[],
  page: Page,
  cursorOf: (row: T) => CursorKey,
  totalCount: () => Promise<number> | number,
): Connection<T> {
  const nodes = rows.slice(0, page.limit)
  const edges = nodes.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }))
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  }
}
