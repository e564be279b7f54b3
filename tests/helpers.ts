/**
 * Test helpers. The global setup (tests/global-setup.ts) has started the database, every
 * subgraph and the gateway once for the whole run; these helpers talk to them over HTTP like a
 * client would, and open database handles for seeding each test's own data.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, inject } from 'vitest'
import { openDatabase, type Database } from '@nanum/db'
import { authConfigFromEnv, signToken, type Role } from '@nanum/subgraph-kit'

export type SubgraphName = 'centres' | 'programs' | 'donations' | 'households' | 'councils'

export interface GraphQLResponse<T = any> {
  status: number
  data?: T
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[]
}

export const gatewayUrl = () => inject('gatewayUrl')
export const subgraphUrl = (name: SubgraphName) => inject('subgraphUrls')[name]

/** POSTs a GraphQL operation; to the gateway unless `url` names a subgraph's. */
export async function gql<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; authorization?: string; url?: string } = {},
): Promise<GraphQLResponse<T>> {
  const authorization = options.authorization ?? (options.token ? `Bearer ${options.token}` : undefined)
  const response = await fetch(`${options.url ?? gatewayUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return { status: response.status, ...((await response.json()) as object) }
}

/** The same, sent straight to one subgraph (bypassing the gateway), e.g. to call `_entities`. */
export const subgraphGql = <T = any>(
  name: SubgraphName,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; authorization?: string } = {},
) => gql<T>(query, variables, { ...options, url: subgraphUrl(name) })

/** A development token for a user of `org` with `roles` (signed with the test secret). */
export function tokenFor(options: { org: string; roles: Role[]; sub?: string; expiresIn?: string | number }) {
  return signToken(authConfigFromEnv(), { sub: options.sub ?? `user-${randomUUID()}`, org: options.org, roles: options.roles }, options.expiresIn)
}

export const newId = () => randomUUID()

const databases = new Map<SubgraphName, Database<any>>()

/** A connection to one subgraph's schema, for seeding test data through that subgraph's queries. */
export function database(name: SubgraphName): Database<any> {
  let db = databases.get(name)
  if (!db) databases.set(name, (db = openDatabase({ url: inject('databaseUrl'), schema: name, max: 2 })))
  return db
}

afterAll(async () => {
  await Promise.all([...databases.values()].map((db) => db.close()))
  databases.clear()
})

/** SQL statements a subgraph has sent so far (from its `/metrics`); compare before and after. */
export async function sqlStatements(name: SubgraphName): Promise<number> {
  const text = await (await fetch(`${subgraphUrl(name)}/metrics`)).text()
  const match = /nanum_sql_statements_total\{[^}]*\} (\d+)/.exec(text)
  if (!match) throw new Error(`no statement counter in ${name}'s /metrics`)
  return Number(match[1])
}

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string
    subgraphUrls: Record<SubgraphName, string>
    databaseUrl: string
  }
}
