import { join } from 'node:path'
import { applyMigrations, databaseUrlFor, openDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from '@nanum/db'
import { createTokenVerifier } from './auth.js'
import { authConfigFromEnv, portFromEnv } from './config.js'
import { createLogger, type Logger } from './logger.js'
import { stopOnSignals } from './shutdown.js'
import { serveSubgraph, type SubgraphModule } from './subgraph-server.js'

/** Warns loudly when production runs on the published development secret. */
export function warnOnDevelopmentSecret(log: Logger, auth: ReturnType<typeof authConfigFromEnv>) {
  if (auth.usesDevelopmentSecret && auth.environment === 'production')
    log.warn(
      '!!! NANUM_JWT_SECRET is the published development secret: anyone can forge tokens. Set NANUM_JWT_SECRET or NANUM_JWKS_URL. !!!',
    )
}

/**
 * Entry point of one subgraph deployed alone: `<NAME>_DATABASE_URL` or `DATABASE_URL`, else an
 * embedded database under `.data/<name>`; migrations applied; demo data when
 * `NANUM_DEMO_DATA=true`; listens on `<NAME>_PORT`.
 */
export async function runSubgraph(module: SubgraphModule<any>) {
  const log = createLogger(module.name)
  const auth = authConfigFromEnv()
  warnOnDevelopmentSecret(log, auth)
  const port = portFromEnv(`${module.name.toUpperCase()}_PORT`, module.defaultPort)
  let embedded: EmbeddedPostgres | undefined
  let url = databaseUrlFor(module.name)
  if (!url) {
    const dataDir = join(process.env.NANUM_DATA_DIR ?? '.data', module.name)
    embedded = await startEmbeddedPostgres({ dataDir })
    url = embedded.url
    log.info({ dataDir }, 'no database URL set: using an embedded database')
  }
  await applyMigrations({ url, schema: module.name, migrationsFolder: module.migrationsFolder })
  const database = openDatabase({ url, schema: module.name })
  if (process.env.NANUM_DEMO_DATA === 'true') await module.seedDemoData?.(database)
  const server = await serveSubgraph(module, {
    database,
    verifyToken: createTokenVerifier(auth),
    log,
    port,
    host: process.env.HOST ?? '127.0.0.1',
  })
  log.info({ url: `${server.url}/graphql` }, `${module.name} subgraph ready`)
  stopOnSignals(log, async () => {
    await server.stop()
    await database.close()
    await embedded?.stop()
  })
}
