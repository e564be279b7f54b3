import type { IncomingHttpHeaders } from 'node:http'
import { GraphQLError, type GraphQLFormattedError } from 'graphql'
import { ApolloServer } from '@apollo/server'
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway'
import { errorLoggingPlugin, listen, maskError, queryLimitProtection, type Caller, type HttpRoutes, type Logger, type RunningHttpServer, type TokenVerifier } from '@nanum/subgraph-kit'
import { supergraphFromFile } from './supergraph-file.js'
import { graphiqlLandingPage } from './graphiql.js'

export interface GatewayContext {
  caller: Caller
  authorization?: string
  requestId: string
  log: Logger
}

/**
 * Calls one subgraph: forwards the caller's token and request id, and turns a failed call (down,
 * timing out, answering 5xx) into SUBGRAPH_UNAVAILABLE for that subgraph's fields only, so the
 * rest of the response still arrives. The original error goes to the log, not to the client.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly log: Logger,
  ) {
    super({ url })
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization)
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId)
  }

  override didEncounterError(error: Error, _request: unknown, _response: unknown, context?: GatewayContext): never {
    ;(context?.log ?? this.log).error({ err: error, subgraph: this.serviceName }, 'subgraph call failed')
    throw new GraphQLError(`The ${this.serviceName} service could not be reached; its fields are missing from this response`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.serviceName },
    })
  }
}

/**
 * Runs one operation through the gateway as the given caller (their Authorization header),
 * exactly as if it had arrived at `/graphql`: same planning, access rules and error masking.
 */
export type ExecuteOperation = (
  query: string,
  variables: Record<string, unknown>,
  request: { headers: IncomingHttpHeaders; requestId: string; log: Logger },
) => Promise<{ data?: any; errors?: readonly GraphQLFormattedError[] }>

export interface GatewayServer extends RunningHttpServer {
  stop(): Promise<void>
}

/**
 * The gateway: plans each operation over the subgraphs, forwards the caller's bearer token and
 * request id to every subgraph it calls. It verifies the token too, so a bad token is one clear
 * UNAUTHENTICATED error instead of one per subgraph; subgraphs still verify it themselves.
 */
export async function serveGateway(options: {
  supergraphPath: string
  subgraphUrls: Partial<Record<string, string>>
  verifyToken: TokenVerifier
  log: Logger
  port?: number
  host?: string
  /** Routes served beside `/graphql`; each may run operations on this gateway's schema. */
  extraRoutes?: (execute: ExecuteOperation) => HttpRoutes<GatewayContext>['extraRoutes']
}): Promise<GatewayServer> {
  const { log } = options
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(options.supergraphPath, log),
    buildService: ({ name, url }) => new SubgraphDataSource(name, options.subgraphUrls[name] ?? url!, log),
  })
  const limits = queryLimitProtection()
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    validationRules: limits.validationRules,
    plugins: [graphiqlLandingPage(), errorLoggingPlugin(log), ...limits.plugins],
  })
  await apollo.start()
  const http = await listen(
    {
      apollo,
      log,
      context: async (request, requestId, requestLog) => {
        const authorization = request.headers.authorization
        const caller = await options.verifyToken(authorization)
        return { caller, authorization, requestId, log: requestLog }
      },
      health: async () => ({ service: 'gateway' }),
      extraRoutes: options.extraRoutes?.(async (query, variables, request) => {
        const authorization = request.headers.authorization
        const contextValue = { caller: await options.verifyToken(authorization), authorization, requestId: request.requestId, log: request.log }
        const response = await apollo.executeOperation({ query, variables }, { contextValue })
        if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported here')
        return response.body.singleResult as { data?: any; errors?: readonly GraphQLFormattedError[] }
      }),
    },
    options.port ?? 0,
    options.host,
  )
  return {
    ...http,
    async stop() {
      await http.close()
      await apollo.stop()
    },
  }
}
