import { runSubgraph } from '@nanum/subgraph-kit'
import { programsSubgraph } from './subgraph.js'

await runSubgraph(programsSubgraph)
