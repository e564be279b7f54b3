import postgres from 'postgres'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'

/**
 * Applies a subgraph's drizzle-kit migrations into its own schema. Applied migrations are tracked
 * in `<schema>.__drizzle_migrations`, so subgraphs sharing one server never see each other's
 * history. A session-level advisory lock serialises instances that start at the same time; the
 * loser waits, then finds nothing left to apply.
 */
export async function applyMigrations(options: { url: string; schema: string; migrationsFolder: string }) {
  const sql = postgres(options.url, { max: 1, onnotice: () => {} })
  try {
    await sql`select pg_advisory_lock(hashtext(${'nanum:migrate:' + options.schema}))`
    try {
      await migrate(drizzle(sql), {
        migrationsFolder: options.migrationsFolder,
        migrationsSchema: options.schema,
        migrationsTable: '__drizzle_migrations',
      })
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${'nanum:migrate:' + options.schema}))`
    }
  } finally {
    await sql.end({ timeout: 5 })
  }
}
