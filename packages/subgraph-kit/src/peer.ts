import { z } from 'zod'
import { parseEnv } from './config.js'

/**
 * Calls from one subgraph to another, as the caller. Federation feeds another subgraph's fields
 * into entity fields (`@requires`) but not into mutations, and a representation a client sends
 * straight to a subgraph's `_entities` cannot be trusted to say what the caller may see. Where a
 * decision depends on what the owner of an entity lets the caller see, the subgraph asks the owner
 * itself, forwarding the caller's Authorization header: the owner applies its own rules exactly
 * as it would to the caller. One request per batch of ids, however many.
 */
export interface PeerCaller {
  /** The caller's Authorization header, forwarded as is. */
  authorization?: string
  /** The request id, forwarded so one request can be followed through every service's log. */
  requestId?: string
}

export type PeerFailure = { ok: false; reason: 'UNREACHABLE' | 'SCHEMA_MISMATCH' }
export type PeerResult<T> = { ok: true; data: T } | PeerFailure

const PEER_TIMEOUT_MS = 5_000

/**
 * Where a peer subgraph listens: `<NAME>_URL` (e.g. HOUSEHOLDS_URL), else the default. Read at
 * each call (a cheap parse), so a process starting every service can set it once they listen.
 */
export function peerUrl(subgraph: string, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  const variable = `${subgraph.toUpperCase()}_URL`
  return parseEnv(z.object({ [variable]: z.url().default(fallback) }), env)[variable] as string
}

type GraphQLBody = { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] }

/** One GraphQL operation on a peer subgraph as the caller; its `data`, or why there is none. */
export async function callPeer<T = Record<string, unknown>>(url: string, caller: PeerCaller, query: string, variables: Record<string, unknown>): Promise<PeerResult<T>> {
  let body: GraphQLBody
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(caller.authorization ? { authorization: caller.authorization } : {}),
        ...(caller.requestId ? { 'x-request-id': caller.requestId } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(PEER_TIMEOUT_MS),
    })
    body = (await response.json()) as GraphQLBody
  } catch {
    return { ok: false, reason: 'UNREACHABLE' }
  }
  // A peer running an older schema than this subgraph expects refuses the operation outright.
  if (body.errors?.some((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) return { ok: false, reason: 'SCHEMA_MISMATCH' }
  if (!body.data) return { ok: false, reason: 'UNREACHABLE' }
  return { ok: true, data: body.data as T }
}

/**
 * Entities of one type resolved by their owner as the caller: a map from id to the selected
 * fields, holding only the ids the owner answered (an entity the caller may not see, or one that
 * does not exist, is absent).
 */
export async function entitiesAsCaller(
  url: string,
  caller: PeerCaller,
  typename: string,
  ids: readonly string[],
  selection: string,
): Promise<PeerResult<Map<string, Record<string, unknown>>>> {
  if (!ids.length) return { ok: true, data: new Map() }
  const query = `query PeerEntities($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`
  const result = await callPeer<{ _entities?: (Record<string, unknown> | null)[] }>(url, caller, query, {
    representations: ids.map((id) => ({ __typename: typename, id })),
  })
  if (!result.ok) return result
  const entities = result.data._entities
  if (!Array.isArray(entities)) return { ok: false, reason: 'UNREACHABLE' }
  const found = new Map<string, Record<string, unknown>>()
  entities.forEach((entity, index) => {
    if (entity) found.set(ids[index], entity)
  })
  return { ok: true, data: found }
}

/** An ISO timestamp field of a peer's answer as a Date; null when absent or not a timestamp. */
export function peerInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null
  const instant = new Date(value)
  return Number.isNaN(instant.getTime()) ? null : instant
}
