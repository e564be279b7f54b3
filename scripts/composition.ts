import { fileURLToPath } from 'node:url'
import { composeServices } from '@apollo/composition'
import { Supergraph } from '@apollo/federation-internals'
import type { GraphQLSchema } from 'graphql'
import { subgraphTypeDefs } from '@nanum/subgraph-kit'
import { SUBGRAPHS } from './subgraphs.js'

export const SUPERGRAPH_PATH = fileURLToPath(new URL('../supergraph.graphql', import.meta.url))

export type CompositionResult = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] }

/**
 * Composes the subgraphs' SDL files into the supergraph the gateway serves. The URLs recorded
 * are the local defaults; deployments override them with `<NAME>_URL` on the gateway.
 * `schemaPaths` replaces a subgraph's schema file (a version not yet in the tree).
 */
export function composeSupergraph(schemaPaths: Partial<Record<string, string>> = {}): CompositionResult {
  const result = composeServices(
    SUBGRAPHS.map((subgraph) => ({
      name: subgraph.name,
      url: `http://127.0.0.1:${subgraph.defaultPort}/graphql`,
      // A partner checking a new version of its subgraph's schema gives its file here.
      typeDefs: subgraphTypeDefs({ ...subgraph, schemaPath: schemaPaths[subgraph.name] ?? subgraph.schemaPath }),
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

/** The schema clients see (federation's own types and directives removed) of a supergraph. */
export const apiSchemaOf = (supergraphSdl: string): GraphQLSchema => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema()
