import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server'
import type { Logger } from './logger.js'

const MAX_BODY_BYTES = 1024 * 1024

export interface HttpRoutes<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>
  /** Builds the GraphQL context; may throw a GraphQLError (e.g. UNAUTHENTICATED). */
  context: (request: IncomingMessage, requestId: string, log: Logger) => Promise<TContext>
  /** Liveness: the process answers. */
  health?: () => Promise<Record<string, unknown>>
  /** Readiness: the service's dependencies answer; a false `ready` gives 503. */
  ready?: () => Promise<{ ready: boolean } & Record<string, unknown>>
  /** Prometheus text exposition. */
  metrics?: () => string
  /**
   * Further routes served beside GraphQL, by path prefix (e.g. `/hsds`); the handler gets the
   * request's id and logger.
   */
  extraRoutes?: Record<string, (request: IncomingMessage, response: ServerResponse, url: URL, context: { requestId: string; log: Logger }) => Promise<void>>
  log: Logger
}

export interface RunningHttpServer {
  server: Server
  url: string
  port: number
  /** TCP connections accepted so far (keep-alive clients reuse theirs). */
  connectionCount(): number
  close(): Promise<void>
}

/**
 * Serves an Apollo Server over node:http: `/graphql`, `/health`, `/ready` and `/metrics`. Every
 * request gets a request id (taken from `x-request-id` when a gateway sent one) that appears in
 * every log line about it and in the response headers.
 */
export async function listen<TContext extends BaseContext>(
  routes: HttpRoutes<TContext>,
  port: number,
  host = '127.0.0.1',
): Promise<RunningHttpServer> {
  const server = createServer((request, response) => {
    handle(routes, request, response).catch((error) => {
      routes.log.error({ err: error }, 'request handler failed')
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
      else response.end()
    })
  })
  server.keepAliveTimeout = 65_000
  let connections = 0
  server.on('connection', () => connections++)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const actualPort = (server.address() as AddressInfo).port
  return {
    server,
    port: actualPort,
    url: `http://${host}:${actualPort}`,
    connectionCount: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
        setTimeout(() => server.closeAllConnections(), 5_000).unref()
      }),
  }
}

async function handle<TContext extends BaseContext>(routes: HttpRoutes<TContext>, request: IncomingMessage, response: ServerResponse) {
  const started = process.hrtime.bigint()
  const incomingId = request.headers['x-request-id']
  const requestId = typeof incomingId === 'string' && /^[\w.:-]{1,100}$/.test(incomingId) ? incomingId : randomUUID()
  const log = routes.log.child({ requestId })
  response.setHeader('x-request-id', requestId)
  response.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    log.info({ method: request.method, path: request.url, status: response.statusCode, ms: Math.round(ms * 10) / 10 }, 'request')
  })

  const url = new URL(request.url ?? '/', 'http://localhost')
  switch (url.pathname) {
    case '/health':
      return sendJson(response, 200, { status: 'ok', ...(await routes.health?.()) })
    case '/ready': {
      const readiness = routes.ready ? await routes.ready() : { ready: true }
      return sendJson(response, readiness.ready ? 200 : 503, readiness)
    }
    case '/metrics':
      if (!routes.metrics) break
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
      return void response.end(routes.metrics())
    case '/graphql':
    case '/':
      return serveGraphQL(routes, request, response, url, requestId, log)
  }
  for (const [prefix, route] of Object.entries(routes.extraRoutes ?? {})) {
    if (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)) return route(request, response, url, { requestId, log })
  }
  sendJson(response, 404, { error: `No route for ${url.pathname}; GraphQL is served at /graphql` })
}

async function serveGraphQL<TContext extends BaseContext>(
  routes: HttpRoutes<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  requestId: string,
  log: Logger,
) {
  const headers = new HeaderMap()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  let body: unknown
  if (request.method === 'POST') {
    const raw = await readBody(request)
    if (raw === null) return sendJson(response, 413, { errors: [{ message: `Request body exceeds ${MAX_BODY_BYTES} bytes`, extensions: { code: 'BAD_REQUEST' } }] })
    try {
      body = raw.length ? JSON.parse(raw) : undefined
    } catch {
      return sendJson(response, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] })
    }
  }
  const result = await routes.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
    context: () => routes.context(request, requestId, log),
  })
  for (const [name, value] of result.headers) response.setHeader(name, value)
  response.statusCode = result.status ?? 200
  if (result.body.kind === 'complete') return void response.end(result.body.string)
  for await (const chunk of result.body.asyncIterator) response.write(chunk)
  response.end()
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        request.destroy()
        resolve(null)
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

export function sendJson(response: ServerResponse, status: number, value: unknown) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(value))
}
