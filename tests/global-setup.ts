import type { TestProject } from 'vitest/node'
import { authConfigFromEnv, createLogger } from '@nanum/subgraph-kit'
import { startStack } from '../scripts/stack.js'
import { createFreshDatabase } from './fresh-database.js'

/**
 * Starts the graph once for the whole run: the embedded database in memory, or — when
 * TEST_DATABASE_URL is set — a fresh database created on that server for this run and dropped
 * afterwards, so concurrent runs never collide.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL
  const fresh = serverUrl ? await createFreshDatabase(serverUrl, 'nanum_test') : undefined
  const stack = await startStack({ databaseUrl: fresh?.url, demoData: false, auth: authConfigFromEnv(), log: createLogger('test') })
  project.provide('gatewayUrl', stack.gatewayUrl)
  project.provide('subgraphUrls', stack.subgraphUrls as never)
  project.provide('databaseUrl', stack.databaseUrl)
  return async () => {
    await stack.stop()
    await fresh?.drop()
  }
}
