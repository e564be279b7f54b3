import { applyMigrations, openDatabase, startEmbeddedPostgres, type Database, type EmbeddedPostgres } from '@nanum/db'
import { serveGateway } from '@nanum/gateway'
import { hsdsRoutes, supergraphFile } from '@nanum/hsds'
import { createTokenVerifier, type AuthConfig, type Logger, serveSubgraph, type SubgraphServer } from '@nanum/subgraph-kit'
import { SUBGRAPHS } from './subgraphs.js'
import { SUPERGRAPH_PATH } from './composition.js'

export interface StackOptions {
  /** A PostgreSQL server for every subgraph; without it an embedded database is started. */
  databaseUrl?: string
  /** Where the embedded database keeps its files; in memory when absent. */
  dataDir?: string
  /** Port per service (`gateway` or a subgraph's name); 0 or absent picks a free one. */
  ports?: Record<string, number | undefined>
  demoData: boolean
  auth: AuthConfig
  log: Logger
  host?: string
}

export interface Stack {
  gatewayUrl: string
  subgraphUrls: Record<string, string>
  databaseUrl: string
  stop(): Promise<void>
}

/**
 * Starts the whole graph in one process: database (embedded unless a URL is given), migrations,
 * optional demo data, the five subgraphs and the gateway. `npm start` and the test suite both
 * use it; in production each service runs alone (see each package's `start`).
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { log } = options
  let embedded: EmbeddedPostgres | undefined
  const databases: Database[] = []
  const servers: SubgraphServer[] = []
  const stop = async () => {
    await Promise.allSettled(servers.map((server) => server.stop()))
    await Promise.allSettled(databases.map((database) => database.close()))
    await embedded?.stop()
  }
  try {
    let databaseUrl = options.databaseUrl
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: options.dataDir })
      databaseUrl = embedded.url
    }
    const verifyToken = createTokenVerifier(options.auth)
    for (const subgraph of SUBGRAPHS) {
      await applyMigrations({ url: databaseUrl, schema: subgraph.name, migrationsFolder: subgraph.migrationsFolder })
      const database = openDatabase({ url: databaseUrl, schema: subgraph.name })
      databases.push(database)
      if (options.demoData) await subgraph.seedDemoData?.(database)
      servers.push(
        await serveSubgraph(subgraph, {
          database,
          verifyToken,
          log: log.child({ service: subgraph.name }),
          port: options.ports?.[subgraph.name] ?? 0,
          host: options.host,
        }),
      )
    }
    const subgraphUrls = Object.fromEntries(servers.map((server) => [server.name, `${server.url}/graphql`]))
    // Where services find each other (`<NAME>_URL`, e.g. programs asks households and centres as
    // the caller); read at each call, so setting them once everything listens is enough.
    for (const [name, url] of Object.entries(subgraphUrls)) process.env[`${name.toUpperCase()}_URL`] = url
    const gateway = await serveGateway({
      supergraphPath: SUPERGRAPH_PATH,
      subgraphUrls,
      verifyToken,
      log: log.child({ service: 'gateway' }),
      extraRoutes: (execute) => hsdsRoutes({ execute, supergraphSdl: supergraphFile(SUPERGRAPH_PATH) }),
      port: options.ports?.gateway ?? 0,
      host: options.host,
    })
    servers.unshift({ ...gateway, name: 'gateway' })
    return {
      gatewayUrl: gateway.url,
      subgraphUrls: Object.fromEntries(servers.slice(1).map((server) => [server.name, server.url])),
      databaseUrl,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
