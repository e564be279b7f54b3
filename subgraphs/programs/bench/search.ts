/**
 * Search latency on 1,000 and 100,000 programs: `npx tsx subgraphs/programs/bench/search.ts`.
 * Starts the embedded database (or uses BENCH_DATABASE_URL, which must be an empty database),
 * migrates, generates the directory, and prints p50/p95 of the search queries the `programs`
 * field runs (a relevance-ordered page of 20 and its count), plus the plans PostgreSQL picks.
 */
import { openBenchDatabase, percentile } from './bench-database.js'
import { countPrograms, searchPrograms, searchProgramsQuery, type ProgramFilter } from '../src/db/queries.js'
import { generatePrograms } from '../src/generate.js'
import { parseProgramFilter, type ProgramFilterArgs } from '../src/rules/program-filter.js'

const TERMS = [
  '간호', '방문간호', '어르신 도시락', '임산부', '육아', '재취업 교육', '상담', '장애인', '주거', '효도버스',
  'nurse', 'prenatal class', 'lunch', 'employment', 'counselling', 'housing', 'shuttle', 'legal advice', 'mentoring', 'disability',
]
const FILTERS: (ProgramFilterArgs | null)[] = [
  null,
  { district: '서초구', category: ['HEALTHCARE', 'ELDERLY_CARE', 'FOOD', 'TRANSPORT'] },
  { hasFreeSeats: true, openNow: true, at: new Date('2026-03-03T01:30:00Z') },
]
const FIRST = 20

async function main() {
  const bench = await openBenchDatabase({ max: 2 })
  const { db, sql } = bench.database
  const centreIds = Array.from({ length: 2000 }, (_, i) => `20000000-0000-4000-8000-${(0x100000 + i).toString(16).padStart(12, '0')}`)
  console.log(`database: ${bench.embedded ? 'embedded (PGlite)' : 'PostgreSQL server'}`)

  let total = 0
  for (const size of [1_000, 100_000]) {
    const started = performance.now()
    await generatePrograms(db, { programs: size - total, centreIds, seed: size, batchSize: 1000 })
    total = size
    await sql`analyze programs.programs`
    await sql`analyze programs.program_sessions`
    console.log(`\n${size.toLocaleString('en')} programs (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`)

    for (const [label, filters] of [
      ['without filters', [FILTERS[0]]],
      ['with filters', FILTERS.slice(1)],
    ] as const) {
      const pages: number[] = []
      const counts: number[] = []
      const queries = TERMS.flatMap((term) => filters.map((filter) => ({ term, filter })))
      for (const { term, filter } of queries) {
        const parsed = parseProgramFilter({ ...filter, search: term })
        let t = performance.now()
        await searchPrograms(db, parsed, term, { limit: FIRST, after: null })
        pages.push(performance.now() - t)
        t = performance.now()
        await countPrograms(db, parsed)
        counts.push(performance.now() - t)
      }
      for (const [what, times] of [
        ['page of 20 by relevance', pages],
        ['totalCount', counts],
      ] as const) {
        const sorted = [...times].sort((a, b) => a - b)
        console.log(
          `  ${label.padEnd(16)} ${what.padEnd(24)} n=${sorted.length}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms`,
        )
      }
    }
  }

  for (const term of ['방문간호', 'nurse', '간호']) {
    const filter: ProgramFilter = parseProgramFilter({ search: term })
    const { sql: text, params } = searchProgramsQuery(db, filter, term, { limit: FIRST, after: null }).toSQL()
    const plan = await sql.unsafe(`explain (analyze, costs off, timing off, summary off) ${text}`, params as never[])
    console.log(`\nEXPLAIN ANALYZE search "${term}" on ${total.toLocaleString('en')} programs:`)
    for (const row of plan) console.log(`  ${row['QUERY PLAN']}`)
  }

  await bench.close()
}

await main()
