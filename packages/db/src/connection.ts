import postgres from 'postgres'
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'

export interface DatabaseOptions {
  url: string
  /** PostgreSQL schema the subgraph owns; it becomes the connection's search_path. */
  schema: string
  /** Pool size. */
  max?: number
  /** Sent as application_name so the server's activity view names the subgraph. */
  applicationName?: string
}

export interface Database<TSchema extends Record<string, unknown> = Record<string, never>> {
  sql: postgres.Sql
  db: PostgresJsDatabase<TSchema>
  /** Statements sent since the pool opened; exported as a metric and asserted in batching tests. */
  statementCount(): number
  close(): Promise<void>
}

const TYPE_LOOKUP = 'select b.oid, b.typarray'

export function openDatabase<TSchema extends Record<string, unknown> = Record<string, never>>(
  options: DatabaseOptions,
): Database<TSchema> {
  let statements = 0
  const sql = postgres(options.url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: {
      application_name: options.applicationName ?? `nanum-${options.schema}`,
      search_path: options.schema,
    },
    debug: (_connection, query) => {
      // postgres.js looks up array types once per new connection; that is not the request's work.
      if (!query.trimStart().startsWith(TYPE_LOOKUP)) statements++
    },
  })
  return {
    sql,
    db: drizzle(sql) as PostgresJsDatabase<TSchema>,
    statementCount: () => statements,
    close: () => sql.end({ timeout: 5 }),
  }
}

/** Liveness of the database for `/ready`: one round trip, bounded in time. */
export async function pingDatabase(sql: postgres.Sql, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  try {
    return await Promise.race([sql`select 1 as ok`.then(() => true as const), timeout])
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}
