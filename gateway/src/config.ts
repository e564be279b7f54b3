import { z } from 'zod'
import { parseEnv } from '@nanum/subgraph-kit'
import { fileURLToPath } from 'node:url'

export const SUBGRAPHS = ['centres', 'programs', 'donations', 'households', 'councils'] as const
export type SubgraphName = (typeof SUBGRAPHS)[number]

export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../supergraph.graphql', import.meta.url))

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })

const schema = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
  CENTRES_URL: url.optional(),
  PROGRAMS_URL: url.optional(),
  DONATIONS_URL: url.optional(),
  HOUSEHOLDS_URL: url.optional(),
  COUNCILS_URL: url.optional(),
})

export interface GatewayConfig {
  port: number
  supergraphPath: string
  /** Subgraph URLs that override the ones recorded in the supergraph at composition. */
  subgraphUrls: Partial<Record<SubgraphName, string>>
}

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = parseEnv(schema, env)
  const subgraphUrls: GatewayConfig['subgraphUrls'] = {}
  for (const name of SUBGRAPHS) {
    const value = parsed[`${name.toUpperCase()}_URL` as keyof typeof parsed]
    if (typeof value === 'string') subgraphUrls[name] = value
  }
  return { port: parsed.GATEWAY_PORT, supergraphPath: parsed.SUPERGRAPH_PATH, subgraphUrls }
}
