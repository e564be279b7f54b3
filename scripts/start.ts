/**
 * `npm start`: the whole graph on one machine. Without DATABASE_URL it runs the embedded
 * database with its files under `.data/` (NANUM_DATA_DIR), so a second start reuses the data.
 */
import { join } from 'node:path'
import { z } from 'zod'
import { ORG } from '@nanum/demo'
import { authConfigFromEnv, ConfigError, createLogger, parseEnv, stopOnSignals, warnOnDevelopmentSecret } from '@nanum/subgraph-kit'
import { startStack } from './stack.js'
import { SUBGRAPHS } from './subgraphs.js'

const log = createLogger('nanum')
try {
  const auth = authConfigFromEnv()
  warnOnDevelopmentSecret(log, auth)
  const port = z.coerce.number().int().min(0).max(65535)
  const env = parseEnv(
    z.object({
      DATABASE_URL: z.string().optional(),
      NANUM_DATA_DIR: z.string().default('.data'),
      NANUM_DEMO_DATA: z.enum(['true', 'false']).default('true'),
      HOST: z.string().default('127.0.0.1'),
      GATEWAY_PORT: port.default(4000),
      ...Object.fromEntries(SUBGRAPHS.map((s) => [`${s.name.toUpperCase()}_PORT`, port.default(s.defaultPort)])),
    }),
  ) as Record<string, any>
  const started = Date.now()
  const stack = await startStack({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: join(env.NANUM_DATA_DIR, 'pglite'),
    ports: { gateway: env.GATEWAY_PORT, ...Object.fromEntries(SUBGRAPHS.map((s) => [s.name, env[`${s.name.toUpperCase()}_PORT`]])) },
    demoData: env.NANUM_DEMO_DATA === 'true',
    auth,
    host: env.HOST,
    log,
  })
  stopOnSignals(log, stack.stop)
  const graphql = `${stack.gatewayUrl}/graphql`
  console.log(`
Nanum graph is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s).

  Gateway:    ${graphql}
  Subgraphs:  ${Object.entries(stack.subgraphUrls).map(([name, url]) => `${name} ${url}/graphql`).join('\n              ')}
  Database:   ${env.DATABASE_URL ? 'DATABASE_URL' : `embedded at ${stack.databaseUrl} (files in ${join(env.NANUM_DATA_DIR, 'pglite')})`}

Try the public directory:
  curl -s ${graphql} -H 'content-type: application/json' \\
    -d '{"query":"{ centres(first: 3) { totalCount edges { node { name district programs { edges { node { name } } } } } } }"}'

Households need a token (a caseworker of the Happy Mom's Center committee):
  TOKEN=$(npm run -s token -- --org ${ORG.sejongHappyMomsCenterOperator} --role CASEWORKER)
  curl -s ${graphql} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ households(first: 5) { edges { node { reference dong incomeBand vulnerabilityFlags } } } }"}'

Ctrl-C stops everything.
`)
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message)
    process.exit(2)
  }
  log.fatal({ err: error }, 'could not start the graph')
  process.exit(1)
}
