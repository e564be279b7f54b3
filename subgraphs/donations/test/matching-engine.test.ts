import { describe, expect, it } from 'vitest'
import { seededRandom } from '@nanum/demo'
import {
  FlowNetwork,
  MATCHING_RULES,
  failedConstraint,
  feasiblePairs,
  matchBatch,
  maxGainFlow,
  maxGainFlowReference,
  remainingQuota,
  scorePair,
  suggestItemsForNeed,
  suggestNeedsForItem,
  type MatchItem,
  type MatchNeed,
  type MatchingInput,
} from '../src/matching/index.js'
import { suggestedCategories } from '../src/rules/suggestions.js'
import { sizeProblem } from '../src/rules/taxonomy.js'

const now = new Date('2026-06-01T00:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)

const item = (over: Partial<MatchItem> = {}): MatchItem => ({
  id: 'item',
  category: 'STROLLER',
  condition: 'GOOD',
  minAgeMonths: null,
  maxAgeMonths: null,
  size: null,
  quantityAvailable: 1,
  district: '세종시',
  dong: '보람동',
  ...over,
})

const need = (over: Partial<MatchNeed> = {}): MatchNeed => ({
  id: 'need',
  householdId: 'household',
  category: 'STROLLER',
  size: null,
  childAgeMonths: null,
  quantityOpen: 1,
  urgency: 'NORMAL',
  createdAt: now,
  district: '세종시',
  dong: '보람동',
  hasConsent: true,
  vulnerabilityScore: 50,
  ...over,
})

const input = (histories: Record<string, number> = {}): MatchingInput => ({
  now,
  histories: new Map(Object.entries(histories).map(([id, receivedInPeriod]) => [id, { receivedInPeriod }])),
})

describe('hard constraints', () => {
  const cases: [string, Partial<MatchItem>, Partial<MatchNeed>, string | null][] = [
    ['a fitting pair', {}, {}, null],
    ['another category', { category: 'CRIB' }, {}, 'CATEGORY'],
    ['a child too young', { minAgeMonths: 12 }, { childAgeMonths: 6 }, 'AGE'],
    ['a child too old', { maxAgeMonths: 12 }, { childAgeMonths: 13 }, 'AGE'],
    ['a child at the bounds', { minAgeMonths: 6, maxAgeMonths: 12 }, { childAgeMonths: 12 }, null],
    ['no age on the need', { minAgeMonths: 6, maxAgeMonths: 12 }, { childAgeMonths: null }, null],
    ['different sizes', { category: 'BABY_CLOTHING', size: '80' }, { category: 'BABY_CLOTHING', size: '90' }, 'SIZE'],
    ['a size on one side only', { category: 'BABY_CLOTHING', size: '80' }, { category: 'BABY_CLOTHING' }, null],
    ['no pieces left', { quantityAvailable: 0 }, {}, 'ITEM_AVAILABLE'],
    ['an item past its date', { availableUntil: daysAgo(1) }, {}, 'ITEM_AVAILABLE'],
    ['a need already met', {}, { quantityOpen: 0 }, 'NEED_OPEN'],
    ['no consent', {}, { hasConsent: false }, 'CONSENT'],
    ['another district', {}, { district: '서초구', dong: '반포2동' }, 'SERVICE_AREA'],
    ['coordinates within the limit', { latitude: 36.48, longitude: 127.26 }, { district: '서초구', latitude: 36.52, longitude: 127.26 }, null],
    ['coordinates beyond the limit', { latitude: 36.48, longitude: 127.26 }, { latitude: 36.6, longitude: 127.26 }, 'SERVICE_AREA'],
  ]
  for (const [name, itemOver, needOver, expected] of cases)
    it(`${name} → ${expected ?? 'feasible'}`, () => expect(failedConstraint(item(itemOver), need(needOver), input())).toBe(expected))

  it('refuses a household that has used its quota', () => {
    expect(failedConstraint(item(), need(), input({ household: MATCHING_RULES.quotaPerPeriod }))).toBe('QUOTA')
    expect(remainingQuota('household', input({ household: 1 }))).toBe(MATCHING_RULES.quotaPerPeriod - 1)
  })
})

describe('score', () => {
  it('adds the published factors', () => {
    const breakdown = scorePair(
      item({ condition: 'NEW' }),
      need({ vulnerabilityScore: 80, urgency: 'URGENT', createdAt: daysAgo(30) }),
      input({ household: 1 }),
    )
    expect(breakdown).toEqual({
      vulnerability: 24,
      urgency: 20,
      waited: 7.5,
      distance: 10,
      conditionFit: 5,
      fairness: 10,
      allocation: 5,
      total: 81.5,
    })
  })

  it('ranks a household that received goods recently lower, all else equal', () => {
    const fresh = scorePair(item(), need({ householdId: 'a' }), input({ b: 2 }))
    const served = scorePair(item(), need({ householdId: 'b' }), input({ b: 2 }))
    expect(served.total).toBeLessThan(fresh.total)
    expect(served.fairness).toBe(5)
  })

  it('treats an unknown vulnerability as the published default, and the same district as half the distance points', () => {
    const breakdown = scorePair(item({ dong: '도담동' }), need({ vulnerabilityScore: null }), input())
    expect(breakdown.vulnerability).toBe(15)
    expect(breakdown.distance).toBe(5)
  })

  it('suggests needs for an item best first, leaving out infeasible ones', () => {
    const needs = [
      need({ id: 'low', urgency: 'LOW' }),
      need({ id: 'urgent', urgency: 'URGENT' }),
      need({ id: 'elsewhere', district: '서초구' }),
      need({ id: 'no-consent', hasConsent: false, urgency: 'URGENT' }),
    ]
    expect(suggestNeedsForItem(item(), needs, input()).map((s) => s.candidate.id)).toEqual(['urgent', 'low'])
    const items = [item({ id: 'fair', condition: 'FAIR' }), item({ id: 'new', condition: 'NEW' }), item({ id: 'crib', category: 'CRIB' })]
    expect(suggestItemsForNeed(need(), items, input()).map((s) => s.candidate.id)).toEqual(['new', 'fair'])
  })
})


/** Tries every allocation of every feasible pair: the optimum by definition, for tiny cases. */
function bruteForce(items: MatchItem[], needs: MatchNeed[], matching: MatchingInput): number {
  const pairs = feasiblePairs(items, needs, matching)
  const itemLeft = new Map(items.map((x) => [x.id, x.quantityAvailable]))
  const needLeft = new Map(needs.map((x) => [x.id, x.quantityOpen]))
  const quotaLeft = new Map(needs.map((x) => [x.householdId, remainingQuota(x.householdId, matching)]))
  let best = 0
  const visit = (k: number, total: number) => {
    if (k === pairs.length) {
      best = Math.max(best, total)
      return
    }
    const { item: it, need: nd, units } = pairs[k]
    const most = Math.min(itemLeft.get(it.id)!, needLeft.get(nd.id)!, quotaLeft.get(nd.householdId)!)
    for (let q = 0; q <= most; q++) {
      itemLeft.set(it.id, itemLeft.get(it.id)! - q)
      needLeft.set(nd.id, needLeft.get(nd.id)! - q)
      quotaLeft.set(nd.householdId, quotaLeft.get(nd.householdId)! - q)
      visit(k + 1, total + q * units)
      itemLeft.set(it.id, itemLeft.get(it.id)! + q)
      needLeft.set(nd.id, needLeft.get(nd.id)! + q)
      quotaLeft.set(nd.householdId, quotaLeft.get(nd.householdId)! + q)
    }
  }
  visit(0, 0)
  return best / MATCHING_RULES.scoreResolution
}

function randomCase(seed: number) {
  const { next } = seededRandom(seed)
  const pick = <T,>(values: readonly T[]) => values[Math.floor(next() * values.length)]
  const categories = ['STROLLER', 'TOYS'] as const
  const items = Array.from({ length: 2 + Math.floor(next() * 3) }, (_, i) =>
    item({ id: `i${i}`, category: pick(categories), condition: pick(['NEW', 'GOOD', 'FAIR'] as const), quantityAvailable: 1 + Math.floor(next() * 3), dong: pick(['보람동', '도담동']) }),
  )
  const needs = Array.from({ length: 2 + Math.floor(next() * 3) }, (_, i) =>
    need({
      id: `n${i}`,
      householdId: `h${Math.floor(next() * 3)}`,
      category: pick(categories),
      quantityOpen: 1 + Math.floor(next() * 2),
      urgency: pick(['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const),
      vulnerabilityScore: Math.floor(next() * 101),
      createdAt: daysAgo(Math.floor(next() * 90)),
      dong: pick(['보람동', '도담동']),
    }),
  )
  return { items, needs, matching: input({ h0: Math.floor(next() * 3), h1: 1 }) }
}

describe('batch matching', () => {
  it('beats first-come greedy on a case with a known optimum', () => {
    // One stroller fits any age, the other only infants. Greedy serves the most vulnerable family
    // first with the first stroller and leaves the toddler's family without one.
    const items = [item({ id: 'any-age', condition: 'NEW' }), item({ id: 'infant-only', maxAgeMonths: 6, condition: 'NEW' })]
    const needs = [
      need({ id: 'urgent-toddler', householdId: 'a', childAgeMonths: 24, urgency: 'URGENT' }),
      need({ id: 'infant', householdId: 'b', childAgeMonths: 3, urgency: 'URGENT', vulnerabilityScore: 90 }),
    ]
    const result = matchBatch(items, needs, input())
    expect(result.allocations.map((a) => [a.itemId, a.needId]).sort()).toEqual([
      ['any-age', 'urgent-toddler'],
      ['infant-only', 'infant'],
    ])
    expect(result.totalScore).toBeCloseTo(bruteForce(items, needs, input()), 6)
  })

  it('splits an item with several pieces and respects the quota of each household', () => {
    const items = [item({ id: 'clothes', category: 'BABY_CLOTHING', quantityAvailable: 5 })]
    const needs = [
      need({ id: 'a', householdId: 'a', category: 'BABY_CLOTHING', quantityOpen: 4, urgency: 'URGENT' }),
      need({ id: 'b', householdId: 'b', category: 'BABY_CLOTHING', quantityOpen: 2 }),
    ]
    const result = matchBatch(items, needs, input({ a: 1 }))
    const given = Object.fromEntries(result.allocations.map((a) => [a.needId, a.quantity]))
    expect(given).toEqual({ a: MATCHING_RULES.quotaPerPeriod - 1, b: 2 })
  })

  it('equals the brute-force optimum on 200 random tiny cases, with both solvers', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { items, needs, matching } = randomCase(seed)
      const optimum = bruteForce(items, needs, matching)
      const fast = matchBatch(items, needs, matching)
      const reference = matchBatch(items, needs, matching, { solver: 'reference' })
      expect(fast.totalScore, `seed ${seed}`).toBeCloseTo(optimum, 6)
      expect(reference.totalScore, `seed ${seed}`).toBeCloseTo(optimum, 6)
      // Never over-allocates.
      const perItem = new Map<string, number>()
      for (const a of fast.allocations) perItem.set(a.itemId, (perItem.get(a.itemId) ?? 0) + a.quantity)
      for (const it of items) expect(perItem.get(it.id) ?? 0).toBeLessThanOrEqual(it.quantityAvailable)
    }
  })

  it('solves a network with cycles of reversed flow like the reference solver', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { next } = seededRandom(seed * 7919)
      const build = () => {
        const g = new FlowNetwork(12)
        const rnd = seededRandom(seed).next
        for (let i = 2; i < 6; i++) g.addEdge(0, i, 1 + Math.floor(rnd() * 3), 0)
        for (let i = 2; i < 6; i++) for (let j = 6; j < 10; j++) if (rnd() < 0.6) g.addEdge(i, j, 2, -Math.floor(rnd() * 50))
        for (let j = 6; j < 10; j++) g.addEdge(j, 10 + (j % 2), 2, 0)
        g.addEdge(10, 1, 3, 0)
        g.addEdge(11, 1, 2, 0)
        return g
      }
      next()
      expect(maxGainFlow(build(), 0, 1).cost).toBe(maxGainFlowReference(build(), 0, 1).cost)
    }
  })
})

describe('suggested needs from children ages', () => {
  it('derives categories from the ages in months', () => {
    expect(suggestedCategories([0]).map((s) => s.category)).toEqual(expect.arrayContaining(['CAR_SEAT', 'CRIB', 'STROLLER', 'BABY_CLOTHING']))
    expect(suggestedCategories([84]).map((s) => s.category)).toContain('SCHOOL_UNIFORM')
    expect(suggestedCategories([84]).map((s) => s.category)).not.toContain('CRIB')
    expect(suggestedCategories([]).length).toBe(0)
    // One suggestion per category, for the youngest child it fits.
    const twins = suggestedCategories([3, 30])
    expect(twins.filter((s) => s.category === 'STROLLER')).toEqual([expect.objectContaining({ childAgeMonths: 3 })])
  })
})

describe('size conventions', () => {
  it('accepts documented sizes and refuses others', () => {
    expect(sizeProblem('BABY_CLOTHING', '90')).toBeNull()
    expect(sizeProblem('BABY_CLOTHING', 'M')).toMatch(/height in cm/)
    expect(sizeProblem('SCHOOL_UNIFORM', 'xl')).toBeNull()
    expect(sizeProblem('SCHOOL_UNIFORM', '95')).toBeNull()
    expect(sizeProblem('STROLLER', 'L')).toMatch(/no size/)
  })
})
