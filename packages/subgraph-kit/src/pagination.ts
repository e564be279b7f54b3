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

/**
 * The kind of each value in a list's keyset (its ORDER BY columns, ending with the id). A cursor
 * is checked against it before any value reaches SQL, so a forged or foreign cursor is a clear
 * BAD_USER_INPUT, never a failing cast.
 */
export type KeysetValueKind = 'text' | 'id' | 'timestamp' | 'date' | 'integer'

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

const isKind: Record<KeysetValueKind, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string',
  id: isId,
  timestamp: (value) => typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
  date: (value) => typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)),
  integer: (value) => Number.isSafeInteger(value),
}

export function decodeCursor(cursor: string, keyset: readonly KeysetValueKind[], field = 'after'): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(key) && key.length === keyset.length && keyset.every((kind, i) => isKind[kind](key[i]))) return key
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
/** `keyset` describes the list's cursor values, e.g. `['text', 'id']` for a list in name order. */
export function parsePage(
  args: PageArgs,
  keyset: readonly KeysetValueKind[],
  { defaultSize = DEFAULT_PAGE_SIZE, maxSize = MAX_PAGE_SIZE } = {},
): Page {
  const limit = args.first ?? defaultSize
  if (!Number.isInteger(limit) || limit < 0 || limit > maxSize)
    throw badUserInput('first', `must be between 0 and ${maxSize} (got ${limit})`)
  return { limit, after: args.after ? decodeCursor(args.after, keyset) : null }
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
