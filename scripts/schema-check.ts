/**
 * `npm run schema:check [-- --subgraph <name> --schema <file>] [--allow-breaking]`: does the graph
 * compose with the subgraphs' schemas (the working tree's, or <file> for <name>), and what changes
 * for clients compared with the committed supergraph.graphql? Exits 1 when it does not compose or
 * when a change breaks existing clients (unless --allow-breaking), 0 otherwise.
 */
import { parseArgs } from 'node:util'
import { SUBGRAPH_NAMES } from './subgraph-names.js'
import { checkSchemaChange } from './schema-check-run.js'

const { values } = parseArgs({ options: { subgraph: { type: 'string' }, schema: { type: 'string' }, 'allow-breaking': { type: 'boolean', default: false } } })
if (Boolean(values.subgraph) !== Boolean(values.schema)) {
  console.error('Give --subgraph and --schema together (the subgraph whose schema file to check), or neither (check the working tree).')
  process.exit(2)
}
if (values.subgraph && !SUBGRAPH_NAMES.includes(values.subgraph)) {
  console.error(`--subgraph: unknown subgraph "${values.subgraph}"; expected one of ${SUBGRAPH_NAMES.join(', ')}`)
  process.exit(2)
}
const result = await checkSchemaChange(values.subgraph ? { [values.subgraph]: values.schema } : {})
if (!result.composes) {
  console.error(`The graph does not compose (${result.errors.length} error(s)):\n`)
  for (const error of result.errors) console.error(`  - ${error}`)
  process.exit(1)
}
const list = (title: string, changes: { message: string; path?: string }[]) => {
  if (!changes.length) return
  console.log(`\n${title} (${changes.length}):`)
  for (const change of changes) console.log(`  - ${change.message}`)
}
console.log('The graph composes.')
list('BREAKING — existing clients break', result.breaking)
list('DANGEROUS — clients may behave differently', result.dangerous)
list('Safe for clients', result.safe)
if (!result.breaking.length && !result.dangerous.length && !result.safe.length) console.log('No change for clients.')
if (result.breaking.length && !values['allow-breaking']) {
  console.error('\nBreaking changes: deprecate first (@deprecated), or pass --allow-breaking once every client has moved.')
  process.exit(1)
}
