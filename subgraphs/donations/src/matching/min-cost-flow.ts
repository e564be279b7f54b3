/**
 * Min-cost flow on a residual graph, used to maximise the total score of an allocation: scores
 * are negative integer costs, and the solver keeps augmenting only while a path of negative cost
 * (a gain) exists. The cost of the best flow of value k is convex in k, so stopping at the first
 * path that gains nothing yields the cheapest flow of any value — the maximum total score.
 */
export class FlowNetwork {
  readonly head: Int32Array
  to: number[] = []
  next: number[] = []
  cap: number[] = []
  cost: number[] = []
  private readonly initialCap: number[] = []

  constructor(readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(-1)
  }

  /** Adds u→v and its residual twin; returns the edge's index (the twin is `index ^ 1`). */
  addEdge(u: number, v: number, capacity: number, cost: number): number {
    const e = this.to.length
    this.push(u, v, capacity, cost)
    this.push(v, u, 0, -cost)
    return e
  }

  private push(u: number, v: number, capacity: number, cost: number) {
    this.to.push(v)
    this.cap.push(capacity)
    this.initialCap.push(capacity)
    this.cost.push(cost)
    this.next.push(this.head[u])
    this.head[u] = this.to.length - 1
  }

  /** Units of flow on edge `e` (as returned by `addEdge`). */
  flowOn(e: number): number {
    return this.initialCap[e] - this.cap[e]
  }

  get edgeCount() {
    return this.to.length / 2
  }
}

export interface FlowResult {
  flow: number
  cost: number
  /** Shortest-path computations made (one per phase). */
  phases: number
}

const INF = Number.POSITIVE_INFINITY

/** Bellman-Ford (queue-based) distances from `s` over edges with residual capacity. */
function bellmanFord(g: FlowNetwork, s: number): { dist: Float64Array; via: Int32Array } {
  const n = g.nodeCount
  const dist = new Float64Array(n).fill(INF)
  const via = new Int32Array(n).fill(-1)
  const queued = new Uint8Array(n)
  const queue: number[] = [s]
  dist[s] = 0
  queued[s] = 1
  for (let qi = 0; qi < queue.length; qi++) {
    const u = queue[qi]
    queued[u] = 0
    for (let e = g.head[u]; e !== -1; e = g.next[e]) {
      if (g.cap[e] <= 0) continue
      const v = g.to[e]
      const candidate = dist[u] + g.cost[e]
      if (candidate < dist[v]) {
        dist[v] = candidate
        via[v] = e
        if (!queued[v]) {
          queued[v] = 1
          queue.push(v)
        }
      }
    }
  }
  return { dist, via }
}

/**
 * The textbook exact solver: successive shortest paths found by Bellman-Ford, one path at a
 * time. Slow, obviously correct; the tests and the benchmark compare the fast solver with it.
 */
export function maxGainFlowReference(g: FlowNetwork, s: number, t: number): FlowResult {
  let flow = 0
  let cost = 0
  let phases = 0
  for (;;) {
    const { dist, via } = bellmanFord(g, s)
    phases++
    if (dist[t] === INF || dist[t] >= 0) break
    let bottleneck = INF
    for (let v = t; v !== s; v = g.to[via[v] ^ 1]) bottleneck = Math.min(bottleneck, g.cap[via[v]])
    for (let v = t; v !== s; v = g.to[via[v] ^ 1]) {
      g.cap[via[v]] -= bottleneck
      g.cap[via[v] ^ 1] += bottleneck
    }
    flow += bottleneck
    cost += bottleneck * dist[t]
  }
  return { flow, cost, phases }
}

/** A binary min-heap of (key, node) pairs, for Dijkstra. */
class MinHeap {
  private keys: number[] = []
  private nodes: number[] = []
  get size() {
    return this.keys.length
  }
  push(key: number, node: number) {
    const { keys, nodes } = this
    let i = keys.length
    keys.push(key)
    nodes.push(node)
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (keys[parent] <= key) break
      keys[i] = keys[parent]
      nodes[i] = nodes[parent]
      i = parent
    }
    keys[i] = key
    nodes[i] = node
  }
  /** Removes the minimum; returns its node and leaves its key in `lastKey`. */
  lastKey = 0
  pop(): number {
    const { keys, nodes } = this
    const topNode = nodes[0]
    this.lastKey = keys[0]
    const key = keys.pop()!
    const node = nodes.pop()!
    const n = keys.length
    if (n > 0) {
      let i = 0
      for (;;) {
        let child = 2 * i + 1
        if (child >= n) break
        if (child + 1 < n && keys[child + 1] < keys[child]) child++
        if (keys[child] >= key) break
        keys[i] = keys[child]
        nodes[i] = nodes[child]
        i = child
      }
      keys[i] = key
      nodes[i] = node
    }
    return topNode
  }
}

/**
 * The production solver: primal-dual min-cost flow. Each phase runs Dijkstra on reduced costs
 * (non-negative thanks to the node potentials), then pushes a blocking flow along every shortest
 * path at once (Dinic on the edges of zero reduced cost), so the number of Dijkstra runs is the
 * number of distinct path lengths, not the number of units of flow. Costs must be integers.
 */
export function maxGainFlow(g: FlowNetwork, s: number, t: number): FlowResult {
  const n = g.nodeCount
  // Initial potentials: the graph starts acyclic with negative costs, so one Bellman-Ford pass.
  const potential = bellmanFord(g, s).dist
  for (let v = 0; v < n; v++) if (potential[v] === INF) potential[v] = 0
  const dist = new Float64Array(n)
  const level = new Int32Array(n)
  const current = new Int32Array(n)
  const path: number[] = []
  let flow = 0
  let cost = 0
  let phases = 0

  const reducedIsZero = (e: number, u: number) => g.cost[e] + potential[u] - potential[g.to[e]] === 0

  for (;;) {
    phases++
    dist.fill(INF)
    dist[s] = 0
    const heap = new MinHeap()
    heap.push(0, s)
    while (heap.size) {
      const u = heap.pop()
      const d = heap.lastKey
      if (d > dist[u]) continue
      for (let e = g.head[u]; e !== -1; e = g.next[e]) {
        if (g.cap[e] <= 0) continue
        const v = g.to[e]
        const candidate = d + g.cost[e] + potential[u] - potential[v]
        if (candidate < dist[v]) {
          dist[v] = candidate
          heap.push(candidate, v)
        }
      }
    }
    const toSink = dist[t]
    if (toSink === INF) break
    // Capping at the sink's distance keeps every reduced cost non-negative.
    for (let v = 0; v < n; v++) potential[v] += Math.min(dist[v], toSink)
    const pathCost = potential[t] - potential[s]
    if (pathCost >= 0) break

    // Blocking flows on the admissible graph until no shortest path is left.
    for (;;) {
      level.fill(-1)
      level[s] = 0
      const queue = [s]
      for (let qi = 0; qi < queue.length; qi++) {
        const u = queue[qi]
        for (let e = g.head[u]; e !== -1; e = g.next[e]) {
          const v = g.to[e]
          if (g.cap[e] > 0 && level[v] === -1 && reducedIsZero(e, u)) {
            level[v] = level[u] + 1
            queue.push(v)
          }
        }
      }
      if (level[t] === -1) break
      current.set(g.head)
      path.length = 0
      let u = s
      for (;;) {
        if (u === t) {
          let bottleneck = INF
          for (const e of path) bottleneck = Math.min(bottleneck, g.cap[e])
          for (const e of path) {
            g.cap[e] -= bottleneck
            g.cap[e ^ 1] += bottleneck
          }
          flow += bottleneck
          cost += bottleneck * pathCost
          path.length = 0
          u = s
          continue
        }
        let e = current[u]
        while (e !== -1 && !(g.cap[e] > 0 && level[g.to[e]] === level[u] + 1 && reducedIsZero(e, u))) e = g.next[e]
        current[u] = e
        if (e !== -1) {
          path.push(e)
          u = g.to[e]
          continue
        }
        // Dead end: no shortest path continues from u in this level graph.
        level[u] = -1
        if (u === s) break
        const back = path.pop()!
        u = g.to[back ^ 1]
        current[u] = g.next[current[u]]
      }
    }
  }
  return { flow, cost, phases }
}
