import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { authConfigFromEnv, createLogger } from '@nanum/subgraph-kit'
import { startStack } from '../scripts/stack.js'

/**
 * Starts the graph once for the whole run: the embedded database in memory, or — when
 * TEST_DATABASE_URL is set — a fresh database created on that server for this run and dropped
 * afterwards, so concurrent runs never collide.
 */
export default async function setup(project: TestProject) {
  let databaseUrl: string | undefined
  let dropDatabase: (() => Promise<void>) | undefined
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    const name = `nanum_test_${Date.now()}_${randomBytes(3).toString('hex')}`
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${name}`)
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    databaseUrl = url.toString()
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  }
  const stack = await startStack({ databaseUrl, demoData: false, auth: authConfigFromEnv(), log: createLogger('test') })
  project.provide('gatewayUrl', stack.gatewayUrl)
  project.provide('subgraphUrls', stack.subgraphUrls as never)
  project.provide('databaseUrl', stack.databaseUrl)
  return async () => {
    await stack.stop()
    await dropDatabase?.()
  }
}
