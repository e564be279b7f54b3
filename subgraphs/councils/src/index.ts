import { runSubgraph } from '@nanum/subgraph-kit'
import { councilsSubgraph } from './subgraph.js'

await runSubgraph(councilsSubgraph)
