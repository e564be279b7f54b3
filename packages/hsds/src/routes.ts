/**
 * The HSDS 3.0 API (openapi.json of the specification) served under `/hsds` by the gateway:
 * every request runs as the caller (their Authorization header) through the gateway, so the
 * same access rules apply as on `/graphql`.
 */
import { readFileSync, statSync } from 'node:fs'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { HsdsDirectory } from './directory.js'
import type { RunOperation } from './graph.js'
import { parsePageRequest } from './page.js'
import { badParameter, HsdsProblem } from './problem.js'
import { Taxonomies } from './taxonomy.js'

export const HSDS_PREFIX = '/hsds'
export const HSDS_OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json'

interface Logger {
  error(object: object, message: string): void
}

/** What the gateway's `extraRoutes` hook hands over: run an operation as this request's caller. */
export type ExecuteAs = (query: string, variables: Record<string, unknown>, request: { headers: IncomingHttpHeaders; requestId: string; log: any }) => ReturnType<RunOperation>

export interface HsdsRoutesOptions {
  execute: ExecuteAs
  /** The supergraph SDL the gateway serves now (taxonomy terms are its enums). */
  supergraphSdl: () => string
}

type Handler = (directory: HsdsDirectory, params: URLSearchParams, id: string | undefined) => Promise<unknown> | unknown

const PAGING = ['page', 'per_page', 'format']

/** Each collection: the query parameters it understands, its list and its one-object answers. */
const COLLECTIONS: Record<string, { parameters: string[]; list: Handler; one: Handler }> = {
  organizations: {
    parameters: [...PAGING, 'full', 'search'],
    list: (d, p) => d.organizations(parsePageRequest(p), flag(p, 'full'), search(p)),
    one: (d, _p, id) => d.organization(id!),
  },
  services: {
    parameters: [...PAGING, 'full', 'search', 'organization_id', 'taxonomy_term_id', 'taxonomy_id'],
    list: (d, p) =>
      d.services(parsePageRequest(p), flag(p, 'full'), {
        search: search(p),
        organizationId: uuidParameter(p, 'organization_id'),
        taxonomyTermId: uuidParameter(p, 'taxonomy_term_id'),
        taxonomyId: uuidParameter(p, 'taxonomy_id'),
      }),
    one: (d, _p, id) => d.service(id!),
  },
  locations: {
    parameters: [...PAGING, 'full', 'search'],
    list: (d, p) => d.locations(parsePageRequest(p), flag(p, 'full'), search(p)),
    one: (d, _p, id) => d.location(id!),
  },
  service_at_locations: {
    parameters: [...PAGING, 'full'],
    list: (d, p) => d.serviceAtLocations(parsePageRequest(p), flag(p, 'full')),
    one: (d, _p, id) => d.serviceAtLocation(id!),
  },
  taxonomies: {
    parameters: PAGING,
    list: (d, p) => d.taxonomiesPage(parsePageRequest(p)),
    one: (d, _p, id) => d.taxonomy(id!),
  },
  taxonomy_terms: {
    parameters: [...PAGING, 'taxonomy_id'],
    list: (d, p) => d.taxonomyTermsPage(parsePageRequest(p), uuidParameter(p, 'taxonomy_id')),
    one: (d, _p, id) => d.taxonomyTerm(id!),
  },
}

function flag(params: URLSearchParams, name: string): boolean {
  const raw = params.get(name)
  if (raw === null || raw === '' || raw === 'false') return false
  if (raw === 'true') return true
  throw badParameter(name, `must be true or false (got "${raw.slice(0, 40)}")`)
}

/** Free text, matched by the graph's trigram search (Korean or English). */
function search(params: URLSearchParams): string | undefined {
  const raw = params.get('search')?.trim()
  if (!raw) return undefined
  if (raw.length > 200) throw badParameter('search', 'must be at most 200 characters')
  return raw
}

function uuidParameter(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name)
  if (raw === null || raw === '') return undefined
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) throw badParameter(name, `must be a UUID (got "${raw.slice(0, 60)}")`)
  return raw.toLowerCase()
}

function checkParameters(params: URLSearchParams, allowed: string[]) {
  for (const name of new Set(params.keys())) {
    if (!allowed.includes(name)) throw badParameter(name, `is not supported here (supported: ${allowed.join(', ')})`)
  }
  const format = params.get('format')
  if (format !== null && format !== 'json') throw badParameter('format', `only json is served (got "${format.slice(0, 40)}")`)
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}

export function hsdsRoutes(options: HsdsRoutesOptions) {
  let cached: { sdl: string; taxonomies: Taxonomies } | undefined
  const taxonomies = () => {
    const sdl = options.supergraphSdl()
    if (cached?.sdl !== sdl) cached = { sdl, taxonomies: new Taxonomies(sdl) }
    return cached.taxonomies
  }

  const handle = async (request: IncomingMessage, response: ServerResponse, url: URL, context: { requestId: string; log: Logger }) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('allow', 'GET, HEAD')
        return send(response, 405, { status: 405, error: `${request.method} is not supported; the HSDS API is read-only (import with \`npm run hsds -- import\`)` })
      }
      const run: RunOperation = (query, variables) => options.execute(query, variables, { headers: request.headers, requestId: context.requestId, log: context.log })
      const directory = new HsdsDirectory(run, taxonomies())
      const segments = url.pathname.slice(HSDS_PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent)
      if (segments.length === 0) {
        checkParameters(url.searchParams, [])
        // The URL the client used (the server parses paths against a placeholder origin).
        const origin = `http://${request.headers.host ?? 'localhost'}`
        return send(response, 200, { version: '3.0', profile: `${origin}${HSDS_PREFIX}/`, openapi_url: HSDS_OPENAPI_URL })
      }
      const collection = COLLECTIONS[segments[0]]
      if (!collection || segments.length > 2)
        return send(response, 404, { status: 404, error: `No HSDS endpoint at ${url.pathname}; try ${Object.keys(COLLECTIONS).map((name) => `${HSDS_PREFIX}/${name}`).join(', ')}` })
      if (segments.length === 1) {
        checkParameters(url.searchParams, collection.parameters)
        return send(response, 200, await collection.list(directory, url.searchParams, undefined))
      }
      checkParameters(url.searchParams, [])
      return send(response, 200, await collection.one(directory, url.searchParams, segments[1]))
    } catch (error) {
      if (error instanceof HsdsProblem) return send(response, error.status, error.toJSON())
      // A malformed, forged or expired token: the gateway's verifier refuses it before any operation.
      if ((error as { extensions?: { code?: unknown } })?.extensions?.code === 'UNAUTHENTICATED')
        return send(response, 401, { status: 401, error: (error as Error).message })
      context.log.error({ err: error }, 'HSDS request failed')
      return send(response, 500, { status: 500, error: 'Internal server error' })
    }
  }
  return { [HSDS_PREFIX]: handle }
}

/** The supergraph file as it is now (the gateway reloads it on change); re-read only when it changed. */
export function supergraphFile(path: string): () => string {
  let cached: { mtimeMs: number; sdl: string } | undefined
  return () => {
    const { mtimeMs } = statSync(path)
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, sdl: readFileSync(path, 'utf8') }
    return cached.sdl
  }
}
