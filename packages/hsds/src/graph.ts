import { HsdsProblem } from './problem.js'

/** Runs one GraphQL operation on the federated graph as the HSDS caller (gateway or HTTP client). */
export type RunOperation = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: any; errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] }>

/**
 * The data of an operation; any error fails the HSDS request as a whole (502), because a document
 * with silently missing parts would still validate and mislead.
 */
export async function runOperation<T = any>(run: RunOperation, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await run(query, variables)
  if (result.errors?.length) {
    const first = result.errors[0]
    const code = first.extensions?.code
    if (code === 'UNAUTHENTICATED') throw new HsdsProblem(401, first.message)
    if (code === 'FORBIDDEN') throw new HsdsProblem(403, first.message)
    throw new HsdsProblem(502, `The graph answered with an error: ${first.message}${code ? ` (${String(code)})` : ''}`)
  }
  return result.data as T
}

export interface ConnectionPage<T> {
  totalCount: number
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  edges: { cursor: string; node?: T | null }[]
}

/**
 * Fetches one page of a connection. `cursorsOnly` asks for the edges' cursors without their
 * nodes (the documents select nodes under `@skip(if: $cursorsOnly)`), used to walk to an offset.
 */
export type FetchConnection<T> = (args: { first: number; after: string | null; cursorsOnly: boolean }) => Promise<ConnectionPage<T>>

const WALK_STEP = 100

/**
 * `take` nodes starting at `offset`, and the list's total. Reaching the offset walks cursors,
 * ceil(offset / 100) cursor-only operations; the caller bounds the offset (see page.ts).
 */
export async function sliceConnection<T>(fetch: FetchConnection<T>, offset: number, take: number): Promise<{ total: number; nodes: T[] }> {
  let after: string | null = null
  let skipped = 0
  while (skipped < offset) {
    const page = await fetch({ first: Math.min(WALK_STEP, offset - skipped), after, cursorsOnly: true })
    skipped += page.edges.length
    if (!page.pageInfo.hasNextPage || page.edges.length === 0) return { total: page.totalCount, nodes: [] }
    after = page.pageInfo.endCursor
  }
  const page = await fetch({ first: take, after, cursorsOnly: false })
  return { total: page.totalCount, nodes: page.edges.map((edge) => edge.node as T) }
}

/** Every node of a connection, 100 per operation; refuses lists longer than `limit`. */
export async function allOfConnection<T>(fetch: FetchConnection<T>, limit: number, what: string): Promise<T[]> {
  const nodes: T[] = []
  let after: string | null = null
  for (;;) {
    const page = await fetch({ first: WALK_STEP, after, cursorsOnly: false })
    if (page.totalCount > limit) throw new HsdsProblem(502, `${what}: ${page.totalCount} items exceed the ${limit} one HSDS document may hold`)
    nodes.push(...page.edges.map((edge) => edge.node as T))
    if (!page.pageInfo.hasNextPage || page.edges.length === 0) return nodes
    after = page.pageInfo.endCursor
  }
}
