/**
 * Generates drizzle-kit migrations for one subgraph (or all): `npm run db:generate -- centres`.
 * The first migration of a schema creates it; the migrator has already created it to hold its
 * bookkeeping table, so `CREATE SCHEMA` is rewritten to `CREATE SCHEMA IF NOT EXISTS`.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SUBGRAPH_NAMES } from './subgraph-names.js'

const requested = process.argv.slice(2)
const names = requested.length ? requested : SUBGRAPH_NAMES
for (const name of names) {
  if (!SUBGRAPH_NAMES.includes(name)) throw new Error(`Unknown subgraph "${name}"; expected one of ${SUBGRAPH_NAMES.join(', ')}`)
  execFileSync('npx', ['drizzle-kit', 'generate', '--config', 'drizzle.config.ts'], {
    cwd: join('subgraphs', name),
    stdio: 'inherit',
  })
  const folder = join('drizzle', name)
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.sql'))) {
    const path = join(folder, file)
    const text = readFileSync(path, 'utf8')
    const fixed = text.replace(/CREATE SCHEMA "([^"]+)";/g, 'CREATE SCHEMA IF NOT EXISTS "$1";')
    if (fixed !== text) writeFileSync(path, fixed)
  }
}
