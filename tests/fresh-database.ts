import { randomBytes } from 'node:crypto'
import postgres from 'postgres'

/**
 * A new, empty database on the PostgreSQL server at `serverUrl`, named `<prefix>_<time>_<random>`
 * so that concurrent runs never collide; `drop` removes it (closing what still uses it).
 */
export async function createFreshDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}
