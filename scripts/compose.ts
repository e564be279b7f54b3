/**
 * `npm run compose` writes supergraph.graphql from the subgraphs' SDL;
 * `npm run compose:check` fails when the committed file is stale or the subgraphs do not compose.
 */
import { readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs'
import { composeSupergraph, SUPERGRAPH_PATH } from './composition.js'

const check = process.argv.includes('--check')
const result = composeSupergraph()
if (!result.ok) {
  console.error(`The subgraphs do not compose (${result.errors.length} error(s)):\n`)
  for (const error of result.errors) console.error(`  - ${error}`)
  process.exit(1)
}
const committed = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : ''
if (check) {
  if (committed !== result.supergraphSdl) {
    console.error('supergraph.graphql is stale: run `npm run compose` and commit the result.')
    process.exit(1)
  }
  console.log('supergraph.graphql is up to date.')
} else if (committed === result.supergraphSdl) {
  console.log('supergraph.graphql is already up to date.')
} else {
  // Write then rename, so a running gateway never reads a half-written file.
  writeFileSync(`${SUPERGRAPH_PATH}.tmp`, result.supergraphSdl)
  renameSync(`${SUPERGRAPH_PATH}.tmp`, SUPERGRAPH_PATH)
  console.log(`Wrote ${SUPERGRAPH_PATH}`)
}
