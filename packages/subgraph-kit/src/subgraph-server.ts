import { readFileSync } from 'node:fs'
import { parse, type DocumentNode } from 'graphql'
import { ApolloServer } from '@apollo/server'
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import { buildSubgraphSchema } from '@apollo/subgraph'
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js'
import { pingDatabase, type Database } from '@nanum/db'
import type { Caller, TokenVerifier } from './auth.js'
import { errorLoggingPlugin, maskError } from './error-masking.js'
import { listen, type RunningHttpServer } from './http-server.js'
import type { Logger } from './logger.js'
import type { PeerCaller } from './peer.js'
import { queryLimitProtection } from './query-limits.js'
import { sharedResolvers, sharedTypeDefs } from './shared-types.js'

/** What every resolver receives. `loaders` are created fresh for each request. */
export interface SubgraphContext<TLoaders> {
  caller: Caller
  /** The request's Authorization header, to forward when this subgraph calls another service as the caller. */
  authorization?: string
  loaders: TLoaders
  database: Database
  log: Logger
  requestId: string
}

/**
 * A subgraph as a module: its name, SDL, resolvers and how to build its loaders. Servers, tests
 * and the composition script all start from this one description.
 */
export interface SubgraphModule<TLoaders = unknown> {
  name: string
  /** Absolute path of the subgraph's `schema.graphql`. */
  schemaPath: string
  /** SDL of shared value types the schema uses (enums every subgraph must define alike), prepended to it. */
  valueTypeDefs?: string
  /** Absolute path of `drizzle/<name>`. */
  migrationsFolder: string
  defaultPort: number
  resolvers: GraphQLResolverMap<SubgraphContext<TLoaders>>
  /** `peer` carries what a loader needs to ask another subgraph as the caller (see peer.ts). */
  createLoaders(database: Database, caller: Caller, peer: PeerCaller): TLoaders
  /** Inserts the demo data (idempotent: rows have fixed ids). */
  seedDemoData?(database: Database): Promise<void>
}

/** The subgraph's SDL with the shared types and its value types prepended, as composed and as served. */
export function subgraphTypeDefs(module: Pick<SubgraphModule, 'schemaPath' | 'valueTypeDefs'>): DocumentNode {
  return parse([sharedTypeDefs, module.valueTypeDefs ?? '', readFileSync(module.schemaPath, 'utf8')].join('\n'))
}

export interface SubgraphServer extends RunningHttpServer {
  name: string
  stop(): Promise<void>
}

export async function serveSubgraph<TLoaders>(
  module: SubgraphModule<TLoaders>,
  options: { database: Database; verifyToken: TokenVerifier; log: Logger; port?: number; host?: string },
): Promise<SubgraphServer> {
  const { database, verifyToken, log } = options
  const schema = buildSubgraphSchema({
    typeDefs: subgraphTypeDefs(module),
    resolvers: { ...sharedResolvers, ...module.resolvers } as GraphQLResolverMap<unknown>,
  })
  const limits = queryLimitProtection()
  const apollo = new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    validationRules: limits.validationRules,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), errorLoggingPlugin(log), ...limits.plugins],
  })
  await apollo.start()
  const http: RunningHttpServer = await listen(
    {
      apollo,
      log,
      context: async (request, requestId, requestLog) => {
        const authorization = request.headers.authorization
        const caller = await verifyToken(authorization)
        return { caller, authorization, loaders: module.createLoaders(database, caller, { authorization, requestId }), database, log: requestLog, requestId }
      },
      health: async () => ({ service: module.name }),
      ready: async () => {
        const databaseUp = await pingDatabase(database.sql)
        return { ready: databaseUp, service: module.name, database: databaseUp ? 'up' : 'down' }
      },
      metrics: () =>
        [
          '# HELP nanum_sql_statements_total SQL statements sent to the database.',
          '# TYPE nanum_sql_statements_total counter',
          `nanum_sql_statements_total{subgraph="${module.name}"} ${database.statementCount()}`,
          '# HELP nanum_http_connections_total TCP connections accepted.',
          '# TYPE nanum_http_connections_total counter',
          `nanum_http_connections_total{subgraph="${module.name}"} ${http.connectionCount()}`,
          '',
        ].join('\n'),
    },
    options.port ?? 0,
    options.host,
  )
  return {
    ...http,
    name: module.name,
    async stop() {
      await http.close()
      await apollo.stop()
    },
  }
}
