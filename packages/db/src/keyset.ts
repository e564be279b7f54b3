import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'

/**
 * `(a, b, id) > ($1, $2, $3)`: the keyset condition for "rows after this cursor" in ascending
 * order. The columns must be the list's ORDER BY, ending with the primary key.
 */
export function keysetAfter(columns: readonly AnyColumn[], values: readonly unknown[] | null): SQL | undefined {
  if (!values) return undefined
  if (values.length !== columns.length) throw new RangeError('cursor does not match this list')
  const left = sql.join(columns.map((column) => sql`${column}`), sql`, `)
  const right = sql.join(
    values.map((value, i) => sql`${value}::${sql.raw(sqlTypeOf(columns[i]))}`),
    sql`, `,
  )
  return sql`(${left}) > (${right})`
}

function sqlTypeOf(column: AnyColumn): string {
  return (column as PgColumn).getSQLType()
}

/** `row_number() over (partition by group order by ...)`, for top-N-per-parent queries. */
export function rankWithin(group: AnyColumn, orderBy: readonly AnyColumn[]): SQL<number> {
  return sql<number>`row_number() over (partition by ${group} order by ${sql.join(
    orderBy.map((column) => sql`${column}`),
    sql`, `,
  )})`
}

