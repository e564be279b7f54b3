import { existsSync, readFileSync } from 'node:fs'
import { diff, CriticalityLevel, type Change } from '@graphql-inspector/core'
import { apiSchemaOf, composeSupergraph, SUPERGRAPH_PATH } from './composition.js'

/**
 * What a partner needs to know before deploying a change to its subgraph: whether the graph still
 * composes with it, and what changes for clients, compared with the committed supergraph (what the
 * gateway serves). BREAKING changes (a field removed, an argument made required, …) break existing
 * clients; DANGEROUS ones (an enum value added, a default changed) may; the rest do not.
 */
export type SchemaCheck =
  | { composes: false; errors: string[] }
  | { composes: true; breaking: Change[]; dangerous: Change[]; safe: Change[]; supergraphSdl: string }

export async function checkSchemaChange(schemaPaths: Partial<Record<string, string>> = {}, committedPath = SUPERGRAPH_PATH): Promise<SchemaCheck> {
  const composed = composeSupergraph(schemaPaths)
  if (!composed.ok) return { composes: false, errors: composed.errors }
  const before = existsSync(committedPath) ? apiSchemaOf(readFileSync(committedPath, 'utf8')) : null
  const changes = await diff(before, apiSchemaOf(composed.supergraphSdl))
  const at = (level: CriticalityLevel) => changes.filter((change) => change.criticality.level === level)
  return {
    composes: true,
    breaking: at(CriticalityLevel.Breaking),
    dangerous: at(CriticalityLevel.Dangerous),
    safe: at(CriticalityLevel.NonBreaking),
    supergraphSdl: composed.supergraphSdl,
  }
}
