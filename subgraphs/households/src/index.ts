import { runSubgraph } from '@nanum/subgraph-kit'
import { householdsSubgraph } from './subgraph.js'

await runSubgraph(householdsSubgraph)
