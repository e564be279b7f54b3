import { ApolloServer } from '@apollo/server'
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway'
import { errorLoggingPlugin, listen, maskError, type Caller, type Logger, type RunningHttpServer, type TokenVerifier } from '@nanum/subgraph-kit'
import { supergraphFromFile } from './supergraph-file.js'

export interface GatewayContext {
  caller: Caller
  authorization?: string
  requestId: string
  log: Logger
}

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
}): Promise<GatewayServer> {
  const { log } = options
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(options.supergraphPath, log),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: options.subgraphUrls[name] ?? url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization)
          if (context.requestId) request.http?.headers.set('x-request-id', context.requestId)
        },
      }),
  })
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), errorLoggingPlugin(log)],
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
