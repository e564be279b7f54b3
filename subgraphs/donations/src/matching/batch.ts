import { MATCHING_RULES } from './rules.js'
import { failedConstraint, remainingQuota, scorePair, type MatchingInput, type MatchItem, type MatchNeed, type ScoreBreakdown } from './score.js'
import { FlowNetwork, maxGainFlow, maxGainFlowReference, type FlowResult } from './min-cost-flow.js'

export interface Candidate {
  item: MatchItem
  need: MatchNeed
  breakdown: ScoreBreakdown
  units: number
}

export interface Allocation {
  itemId: string
  needId: string
  householdId: string
  quantity: number
  breakdown: ScoreBreakdown
}

export interface BatchResult {
  allocations: Allocation[]
  /** Sum over allocations of score × quantity, in points. */
  totalScore: number
  candidatePairs: number
  solver: FlowResult
}

export interface BatchOptions {
  /**
   * Keep only each need's best `candidatesPerNeed` items (by pair score). Null keeps every
   * feasible pair: exact, but the graph grows with needs × items per category and area.
   */
  candidatesPerNeed?: number | null
  /** `reference` uses the slow textbook solver (for comparisons). */
  solver?: 'primal-dual' | 'reference'
  /**
   * Units per point of the costs the solver compares (default: the rules' `scoreResolution`,
   * hundredths — exact). Fewer units bound the solver's phases (a path's gain is an integer
   * between −100 × resolution and 0, and each phase raises it), at a loss of at most one
   * rounding step per allocated piece: the speed/exactness trade-off the benchmark measures.
   */
  resolution?: number
}

const DEGREES_PER_KM = 1 / 111

/**
 * Every feasible (item, need) pair, found through buckets instead of the full cross product:
 * by category and district, and — for sides with coordinates — by category and a grid of cells
 * as wide as the travel limit, so only neighbouring cells are compared.
 */
export function feasiblePairs(
  items: readonly MatchItem[],
  needs: readonly MatchNeed[],
  input: MatchingInput,
  candidatesPerNeed: number | null = null,
  resolution: number = (input.rules ?? MATCHING_RULES).scoreResolution,
): Candidate[] {
  const rules = input.rules ?? MATCHING_RULES
  const cell = rules.travelLimitKm * DEGREES_PER_KM
  const byDistrict = new Map<string, MatchItem[]>()
  const byCell = new Map<string, MatchItem[]>()
  const add = (map: Map<string, MatchItem[]>, key: string, item: MatchItem) => {
    const list = map.get(key)
    if (list) list.push(item)
    else map.set(key, [item])
  }
  for (const item of items) {
    if (item.quantityAvailable <= 0) continue
    if (item.district) add(byDistrict, `${item.category}|${item.district}`, item)
    if (item.latitude != null && item.longitude != null)
      add(byCell, `${item.category}|${Math.floor(item.latitude / cell)}|${Math.floor(item.longitude / cell)}`, item)
  }
  const pairs: Candidate[] = []
  for (const need of needs) {
    if (need.quantityOpen <= 0 || !need.hasConsent || remainingQuota(need.householdId, input) <= 0) continue
    const seen = new Set<MatchItem>()
    const consider: MatchItem[] = []
    const collect = (list: MatchItem[] | undefined) => {
      for (const item of list ?? [])
        if (!seen.has(item)) {
          seen.add(item)
          consider.push(item)
        }
    }
    if (need.district) collect(byDistrict.get(`${need.category}|${need.district}`))
    if (need.latitude != null && need.longitude != null) {
      const row = Math.floor(need.latitude / cell)
      const column = Math.floor(need.longitude / cell)
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) collect(byCell.get(`${need.category}|${row + dr}|${column + dc}`))
    }
    const own: Candidate[] = []
    for (const item of consider) {
      if (failedConstraint(item, need, input) !== null) continue
      const breakdown = scorePair(item, need, input)
      own.push({ item, need, breakdown, units: Math.round(breakdown.total * resolution) })
    }
    if (candidatesPerNeed != null && own.length > candidatesPerNeed) {
      own.sort((a, b) => b.units - a.units || (a.item.id < b.item.id ? -1 : 1))
      own.length = candidatesPerNeed
    }
    for (const candidate of own) pairs.push(candidate)
  }
  return pairs
}

/**
 * Batch matching: allocates pieces of many items to many needs so that the total score is the
 * largest possible, as a min-cost flow
 *
 *   source → item (capacity: pieces available)
 *          → need (capacity: min(pieces available, pieces wanted); cost: −score per piece)
 *          → household of the need (capacity: pieces the need still wants)
 *          → sink (capacity: the household's remaining quota for the period).
 *
 * Every constraint is a capacity or a missing edge, so the optimum respects all of them. Items,
 * needs and households that share no candidate pair cannot affect each other's allocation, so
 * each connected group (in practice: a category within an area) is solved on its own — the same
 * optimum, on graphs a fraction of the size.
 */
export function matchBatch(items: readonly MatchItem[], needs: readonly MatchNeed[], input: MatchingInput, options: BatchOptions = {}): BatchResult {
  const pairs = feasiblePairs(items, needs, input, options.candidatesPerNeed ?? null, options.resolution)
  const allocations: Allocation[] = []
  const solver: FlowResult = { flow: 0, cost: 0, phases: 0 }
  let total = 0
  for (const group of connectedGroups(pairs)) {
    const solved = solveGroup(group, input, options)
    solver.flow += solved.solver.flow
    solver.cost += solved.solver.cost
    solver.phases += solved.solver.phases
    for (const allocation of solved.allocations) {
      allocations.push(allocation)
      total += allocation.quantity * allocation.breakdown.total
    }
  }
  allocations.sort((a, b) => b.breakdown.total - a.breakdown.total || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.needId < b.needId ? -1 : 1))
  return { allocations, totalScore: Math.round(total * 100) / 100, candidatePairs: pairs.length, solver }
}

/** Splits the pairs into groups joined by a shared item or household (union-find). */
function connectedGroups(pairs: readonly Candidate[]): Candidate[][] {
  const parent = new Map<string, string>()
  const find = (key: string): string => {
    let root = key
    while (parent.get(root) !== root) root = parent.get(root)!
    for (let node = key; node !== root; ) {
      const next = parent.get(node)!
      parent.set(node, root)
      node = next
    }
    return root
  }
  const union = (a: string, b: string) => {
    for (const key of [a, b]) if (!parent.has(key)) parent.set(key, key)
    const [ra, rb] = [find(a), find(b)]
    if (ra !== rb) parent.set(ra, rb)
  }
  // A need belongs to exactly one household, so joining items to households joins everything
  // that competes: items for the same pieces, households for the same quota.
  for (const pair of pairs) union(`item:${pair.item.id}`, `household:${pair.need.householdId}`)
  const groups = new Map<string, Candidate[]>()
  for (const pair of pairs) {
    const root = find(`item:${pair.item.id}`)
    const group = groups.get(root)
    if (group) group.push(pair)
    else groups.set(root, [pair])
  }
  return [...groups.values()]
}

function solveGroup(pairs: readonly Candidate[], input: MatchingInput, options: BatchOptions): { allocations: Allocation[]; solver: FlowResult } {
  const itemIndex = new Map<MatchItem, number>()
  const needIndex = new Map<MatchNeed, number>()
  const householdIndex = new Map<string, number>()
  for (const pair of pairs) {
    if (!itemIndex.has(pair.item)) itemIndex.set(pair.item, itemIndex.size)
    if (!needIndex.has(pair.need)) needIndex.set(pair.need, needIndex.size)
    if (!householdIndex.has(pair.need.householdId)) householdIndex.set(pair.need.householdId, householdIndex.size)
  }
  const itemBase = 2
  const needBase = itemBase + itemIndex.size
  const householdBase = needBase + needIndex.size
  const network = new FlowNetwork(householdBase + householdIndex.size)
  const source = 0
  const sink = 1
  for (const [item, i] of itemIndex) network.addEdge(source, itemBase + i, item.quantityAvailable, 0)
  const pairEdges = pairs.map((pair) =>
    network.addEdge(itemBase + itemIndex.get(pair.item)!, needBase + needIndex.get(pair.need)!, Math.min(pair.item.quantityAvailable, pair.need.quantityOpen), -pair.units),
  )
  for (const [need, i] of needIndex) network.addEdge(needBase + i, householdBase + householdIndex.get(need.householdId)!, need.quantityOpen, 0)
  for (const [householdId, i] of householdIndex) network.addEdge(householdBase + i, sink, remainingQuota(householdId, input), 0)

  const solver = options.solver === 'reference' ? maxGainFlowReference(network, source, sink) : maxGainFlow(network, source, sink)
  const allocations: Allocation[] = []
  pairs.forEach((pair, k) => {
    const quantity = network.flowOn(pairEdges[k])
    if (quantity > 0) allocations.push({ itemId: pair.item.id, needId: pair.need.id, householdId: pair.need.householdId, quantity, breakdown: pair.breakdown })
  })
  return { allocations, solver }
}
