import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import postgres from 'postgres'
import { inject } from 'vitest'
import { applyMigrations } from '../src/index.js'
import { centresSubgraph } from '@nanum/centres'

const migrationsOf = (url: string) => {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  return sql`select count(*)::int as n from centres.__drizzle_migrations`.then(([row]) => row.n).finally(() => sql.end())
}

describe('migrations', () => {
  it('are idempotent: applying them again to a migrated database changes nothing', async () => {
    const url = inject('databaseUrl')
    const before = await migrationsOf(url)
    await applyMigrations({ url, schema: 'centres', migrationsFolder: centresSubgraph.migrationsFolder })
    expect(await migrationsOf(url)).toBe(before)
    expect(before).toBeGreaterThan(0)
  })

  // Two instances of a subgraph starting at once against one server: the advisory lock makes the
  // second wait and then find nothing to do. PGlite is a single session, so this needs a server.
  it.runIf(process.env.TEST_DATABASE_URL)('are safe when several instances start at once', async () => {
    const serverUrl = process.env.TEST_DATABASE_URL!
    const name = `nanum_migrate_${randomBytes(4).toString('hex')}`
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${name}`)
    try {
      const url = new URL(serverUrl)
      url.pathname = `/${name}`
      const options = { url: url.toString(), schema: 'centres', migrationsFolder: centresSubgraph.migrationsFolder }
      await Promise.all([applyMigrations(options), applyMigrations(options), applyMigrations(options)])
      const sql = postgres(url.toString(), { max: 1, onnotice: () => {} })
      const [{ n }] = await sql`select count(*)::int as n from centres.__drizzle_migrations`
      await sql.end()
      const { readdirSync } = await import('node:fs')
      expect(n).toBe(readdirSync(options.migrationsFolder).filter((f) => f.endsWith('.sql')).length)
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  })
})
