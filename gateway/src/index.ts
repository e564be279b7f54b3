import { authConfigFromEnv, createLogger, createTokenVerifier, stopOnSignals, warnOnDevelopmentSecret } from '@nanum/subgraph-kit'
import { gatewayConfigFromEnv } from './config.js'
import { hsdsRoutes, supergraphFile } from '@nanum/hsds'
import { serveGateway } from './gateway-server.js'

const log = createLogger('gateway')
const auth = authConfigFromEnv()
warnOnDevelopmentSecret(log, auth)
const config = gatewayConfigFromEnv()
const server = await serveGateway({
  supergraphPath: config.supergraphPath,
  subgraphUrls: config.subgraphUrls,
  verifyToken: createTokenVerifier(auth),
  log,
  // The HSDS 3.0 view of the directory (packages/hsds), served beside /graphql.
  extraRoutes: (execute) => hsdsRoutes({ execute, supergraphSdl: supergraphFile(config.supergraphPath) }),
  port: config.port,
  host: process.env.HOST ?? '127.0.0.1',
})
log.info({ url: `${server.url}/graphql` }, 'gateway ready')
stopOnSignals(log, () => server.stop())
