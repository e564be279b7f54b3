import { fileURLToPath } from 'node:url'
import { composeServices } from '@apollo/composition'
import { subgraphTypeDefs } from '@nanum/subgraph-kit'
import { SUBGRAPHS } from './subgraphs.js'

export const SUPERGRAPH_PATH = fileURLToPath(new URL('../supergraph.graphql', import.meta.url))

export type CompositionResult = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] }

/**
 * Composes the subgraphs' SDL files into the supergraph the gateway serves. The URLs recorded
 * are the local defaults; deployments override them with `<NAME>_URL` on the gateway.
 */
export function composeSupergraph(): CompositionResult {
  const result = composeServices(
    SUBGRAPHS.map((subgraph) => ({
      name: subgraph.name,
      url: `http://127.0.0.1:${subgraph.defaultPort}/graphql`,
      typeDefs: subgraphTypeDefs(subgraph),
    })),
  )
  if (result.errors?.length) {
    return {
      ok: false,
      errors: result.errors.map((error) => {
        const code = (error.extensions?.code as string | undefined) ?? 'ERROR'
        const where = error.nodes
          ?.map((node) => node.loc?.source.name)
          .filter(Boolean)
          .join(', ')
        return `[${code}] ${error.message}${where ? ` (${where})` : ''}`
      }),
    }
  }
  return { ok: true, supergraphSdl: result.supergraphSdl! }
}
