import { and, asc, count, desc, eq, inArray, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js'

export type Direction = 'asc' | 'desc'

/**
 * `(a, b, id) > ($1, $2, $3)`: the keyset condition for "rows after this cursor" (`<` for a
 * descending list). The columns must be the list's ORDER BY, all in one direction, ending with
 * the primary key. PostgreSQL types each parameter from the column it is compared with, enums
 * and timestamps included.
 */
export function keysetAfter(columns: readonly AnyColumn[], values: readonly unknown[] | null, direction: Direction = 'asc'): SQL | undefined {
  if (!values) return undefined
  if (values.length !== columns.length) throw new RangeError('cursor does not match this list')
  const left = sql.join(columns.map((column) => sql`${column}`), sql`, `)
  const right = sql.join(values.map((value) => sql`${value}`), sql`, `)
  return direction === 'asc' ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`
}

/** `row_number() over (partition by group order by ...)`, for top-N-per-parent queries. */
export function rankWithin(group: AnyColumn, orderBy: readonly AnyColumn[], direction: Direction = 'asc'): SQL<number> {
  const order = sql.join(orderBy.map((column) => (direction === 'asc' ? sql`${column}` : sql`${column} desc`)), sql`, `)
  return sql<number>`row_number() over (partition by ${group} order by ${order})`
}

export interface GroupPageQuery<T extends PgTable> {
  table: T
  /** The table's primary key. */
  id: PgColumn
  /** The parent each row belongs to, e.g. `organisation_id`. */
  group: PgColumn
  /** Parents to fetch a page for. */
  keys: readonly unknown[]
  /** The list's ORDER BY, ending with the primary key. */
  order: readonly PgColumn[]
  direction?: Direction
  /** Further conditions (filters, visibility). */
  where?: SQL
  page: { limit: number; after: readonly unknown[] | null }
}

/**
 * The first `page.limit + 1` rows of every parent in `keys`, in one statement: what a connection
 * nested under many parents (`centres { programs(first: 5) }`) needs, however many parents.
 */
export async function firstPerGroup<T extends PgTable>(db: PostgresJsDatabase<any>, query: GroupPageQuery<T>): Promise<T['$inferSelect'][]> {
  const direction = query.direction ?? 'asc'
  const ranked = db
    .select({ id: query.id, rank: rankWithin(query.group, query.order, direction).as('rank') })
    .from(query.table as PgTable)
    .where(and(inArray(query.group, [...query.keys]), query.where, keysetAfter(query.order, query.page.after, direction)))
    .as('ranked')
  const rows = await db
    .select({ row: query.table as PgTable })
    .from(query.table as PgTable)
    .innerJoin(ranked, eq(ranked.id, query.id))
    .where(lte(ranked.rank, query.page.limit + 1))
    .orderBy(...query.order.map((column) => (direction === 'asc' ? asc(column) : desc(column))))
  return rows.map((row) => row.row as T['$inferSelect'])
}

/** How many rows each parent in `keys` has (parents without rows are absent), in one statement. */
export async function countPerGroup<K>(
  db: PostgresJsDatabase<any>,
  query: { table: PgTable; group: PgColumn; keys: readonly K[]; where?: SQL },
): Promise<Map<K, number>> {
  const rows = await db
    .select({ key: query.group, n: count() })
    .from(query.table)
    .where(and(inArray(query.group, [...query.keys]), query.where))
    .groupBy(query.group)
  return new Map(rows.map((row) => [row.key as K, row.n]))
}
