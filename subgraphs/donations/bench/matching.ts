/**
 * Batch matching benchmark: generated needs and items (deterministic seed), the production path
 * (each need's best `candidatesPerNeed` items, primal-dual min-cost flow) against the exact
 * optimum (every feasible pair) where that is affordable, and the textbook solver on small sizes.
 *
 *   npx tsx subgraphs/donations/bench/matching.ts [--k 30] [--resolution 1] [--exact-up-to 5000]
 */
import { seededRandom } from '@nanum/demo'
import { CLOTHING_SIZES } from '../src/rules/taxonomy.js'
import { matchBatch, type BatchOptions, type HouseholdHistory, type MatchItem, type MatchNeed, type MatchingInput } from '../src/matching/index.js'
import type { Category, Condition, Urgency } from '../src/db/tables.js'

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const candidatesPerNeed = option('k', 30)
const resolution = option('resolution', 1)
const exactUpToNeeds = option('exact-up-to', 5_000)


const CATEGORIES: Category[] = ['STROLLER', 'CAR_SEAT', 'CRIB', 'BABY_CLOTHING', 'TOYS', 'BOOKS', 'FEEDING', 'BATH_AND_HYGIENE', 'SCHOOL_UNIFORM', 'APPLIANCE', 'OTHER']
const CONDITIONS: Condition[] = ['NEW', 'LIKE_NEW', 'GOOD', 'FAIR']
const URGENCIES: Urgency[] = ['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT']
const DISTRICTS = ['세종시', '서대문구', '서초구', '강남구', '마포구', '은평구', '종로구', '중구']
const now = new Date('2026-12-01T00:00:00Z')

function generate(needCount: number, itemCount: number, seed: number) {
  const { next } = seededRandom(seed)
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]
  const place = () => {
    const district = pick(DISTRICTS)
    return { district, dong: `${district}-${Math.floor(next() * 6)}` }
  }
  const items: MatchItem[] = Array.from({ length: itemCount }, (_, i) => {
    const category = pick(CATEGORIES)
    const min = Math.floor(next() * 36)
    return {
      id: `item-${i}`,
      category,
      condition: pick(CONDITIONS),
      minAgeMonths: next() < 0.3 ? null : min,
      maxAgeMonths: next() < 0.3 ? null : min + 6 + Math.floor(next() * 48),
      size: category === 'BABY_CLOTHING' ? pick(CLOTHING_SIZES) : null,
      quantityAvailable: next() < 0.8 ? 1 : 2 + Math.floor(next() * 10),
      ...place(),
    }
  })
  const householdCount = Math.ceil(needCount * 0.6)
  const homes = Array.from({ length: householdCount }, place)
  const needs: MatchNeed[] = Array.from({ length: needCount }, (_, i) => {
    const household = Math.floor(next() * householdCount)
    const category = pick(CATEGORIES)
    return {
      id: `need-${i}`,
      householdId: `household-${household}`,
      category,
      size: category === 'BABY_CLOTHING' && next() < 0.7 ? pick(CLOTHING_SIZES) : null,
      childAgeMonths: next() < 0.2 ? null : Math.floor(next() * 72),
      quantityOpen: next() < 0.85 ? 1 : 2 + Math.floor(next() * 3),
      urgency: pick(URGENCIES),
      createdAt: new Date(now.getTime() - Math.floor(next() * 120) * 86_400_000),
      ...homes[household],
      hasConsent: next() < 0.95,
      vulnerabilityScore: next() < 0.1 ? null : Math.floor(next() * 101),
    }
  })
  const histories = new Map<string, HouseholdHistory>()
  for (let h = 0; h < householdCount; h++) if (next() < 0.3) histories.set(`household-${h}`, { receivedInPeriod: 1 + Math.floor(next() * 3) })
  const input: MatchingInput = { now, histories }
  return { items, needs, input }
}

function measure(label: string, run: () => ReturnType<typeof matchBatch>) {
  globalThis.gc?.()
  let peakRss = process.memoryUsage().rss
  let peakHeap = process.memoryUsage().heapUsed
  const sampler = setInterval(() => {
    const usage = process.memoryUsage()
    peakRss = Math.max(peakRss, usage.rss)
    peakHeap = Math.max(peakHeap, usage.heapUsed)
  }, 5)
  const started = performance.now()
  const result = run()
  const ms = performance.now() - started
  clearInterval(sampler)
  const usage = process.memoryUsage()
  peakRss = Math.max(peakRss, usage.rss)
  peakHeap = Math.max(peakHeap, usage.heapUsed)
  return { label, ms, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20, result }
}

const SIZES: [needs: number, items: number][] = [
  [1_000, 400],
  [5_000, 2_000],
  [10_000, 5_000],
  [20_000, 10_000],
  [50_000, 20_000],
]

console.log(`batch matching benchmark — production path: each need's best ${candidatesPerNeed} items, costs in 1/${resolution} point; exact: every feasible pair, costs in 1/100 point`)
console.log('(the synchronous solver blocks the sampler, so "peak" is sampled before and after each run)\n')
const rows: string[][] = [['needs', 'items', 'path', 'pairs', 'phases', 'ms', 'peak rss MB', 'peak heap MB', 'allocated', 'total score', 'vs exact']]
for (const [needCount, itemCount] of SIZES) {
  const data = generate(needCount, itemCount, needCount * 31 + itemCount)
  const runs: { path: string; options: BatchOptions }[] = [{ path: `top-${candidatesPerNeed}/1pt`, options: { candidatesPerNeed, resolution } }]
  if (needCount <= exactUpToNeeds) runs.push({ path: 'exact', options: { candidatesPerNeed: null } })
  if (needCount <= 1_000) runs.push({ path: 'reference', options: { candidatesPerNeed: null, solver: 'reference' } })
  const measured = runs.map(({ path, options }) => ({ path, ...measure(path, () => matchBatch(data.items, data.needs, data.input, options)) }))
  const exact = measured.find((m) => m.path === 'exact')?.result.totalScore
  for (const m of measured) {
    const pieces = m.result.allocations.reduce((sum, a) => sum + a.quantity, 0)
    rows.push([
      String(needCount),
      String(itemCount),
      m.path,
      String(m.result.candidatePairs),
      String(m.result.solver.phases),
      m.ms.toFixed(0),
      m.peakRssMb.toFixed(0),
      m.peakHeapMb.toFixed(0),
      String(pieces),
      m.result.totalScore.toFixed(2),
      exact === undefined ? 'n/a' : `${((m.result.totalScore / exact) * 100).toFixed(3)} %`,
    ])
  }
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)))
for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '))
