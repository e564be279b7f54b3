import { runSubgraph } from '@nanum/subgraph-kit'
import { centresSubgraph } from './subgraph.js'

await runSubgraph(centresSubgraph)
