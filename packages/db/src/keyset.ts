import { sql, type AnyColumn, type SQL } from 'drizzle-orm'

/**
 * `(a, b, id) > ($1, $2, $3)`: the keyset condition for "rows after this cursor". The columns
 * must be the list's ORDER BY, all in one direction, ending with the primary key. PostgreSQL
 * types each parameter from the column it is compared with, enums and timestamps included.
 */
export function keysetAfter(
  columns: readonly AnyColumn[],
  values: readonly unknown[] | null,
  direction: 'asc' | 'desc' = 'asc',
): SQL | undefined {
  if (!values) return undefined
  if (values.length !== columns.length) throw new RangeError('cursor does not match this list')
  const left = sql.join(columns.map((column) => sql`${column}`), sql`, `)
  const right = sql.join(values.map((value) => sql`${value}`), sql`, `)
  return direction === 'asc' ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`
}

/** `row_number() over (partition by group order by ...)`, for top-N-per-parent queries. */
export function rankWithin(group: AnyColumn, orderBy: readonly AnyColumn[]): SQL<number> {
  return sql<number>`row_number() over (partition by ${group} order by ${sql.join(
    orderBy.map((column) => sql`${column}`),
    sql`, `,
  )})`
}

