/**
 * Fills a database with a large synthetic directory (deterministic: the same seed gives the same
 * rows): `npm run generate:directory -- [--centres 2000] [--programs 20000] [--districts 25]
 * [--dongs 16] [--seed 1]`. Writes into the centres and programs schemas of DATABASE_URL
 * (`npm start` prints the embedded database's URL), applying their migrations first.
 */
import { parseArgs } from 'node:util'
import { applyMigrations, openDatabase } from '@nanum/db'
import { centresSubgraph } from '@nanum/centres'
import { programsSubgraph } from '@nanum/programs'
import { generateCentresDirectory } from '../subgraphs/centres/src/generate.js'
import { generatePrograms } from '../subgraphs/programs/src/generate.js'

const { values } = parseArgs({
  options: {
    centres: { type: 'string', default: '2000' },
    programs: { type: 'string', default: '20000' },
    districts: { type: 'string', default: '25' },
    dongs: { type: 'string', default: '16' },
    seed: { type: 'string', default: '1' },
  },
})
const count = (name: keyof typeof values) => {
  const n = Number(values[name])
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number (got "${values[name]}")`)
    process.exit(2)
  }
  return n
}
const url = process.env.DATABASE_URL
if (!url) {
  console.error('Set DATABASE_URL to the database to fill (npm start prints the embedded one).')
  process.exit(2)
}

const started = Date.now()
for (const subgraph of [centresSubgraph, programsSubgraph])
  await applyMigrations({ url, schema: subgraph.name, migrationsFolder: subgraph.migrationsFolder })
const centres = openDatabase({ url, schema: 'centres' })
const programs = openDatabase({ url, schema: 'programs' })
try {
  const directory = await generateCentresDirectory(centres.db, {
    centres: count('centres'),
    districts: count('districts'),
    dongsPerDistrict: count('dongs'),
    seed: values.seed,
  })
  const programIds = await generatePrograms(programs.db, {
    programs: count('programs'),
    centreIds: directory.centreIds,
    organisationIds: directory.organisationIds,
    districts: directory.districts.map((d) => ({ district: d.name, dongs: d.dongs })),
    seed: count('seed'),
  })
  console.log(
    `Generated ${directory.districts.length} districts, ${directory.districts.reduce((n, d) => n + d.dongs.length, 0)} dongs, ` +
      `${directory.organisationIds.length} organisations, ${directory.centreIds.length} centres and ${programIds.length} programs ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  )
} finally {
  await Promise.all([centres.close(), programs.close()])
}
