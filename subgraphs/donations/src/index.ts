import { runSubgraph } from '@nanum/subgraph-kit'
import { donationsSubgraph } from './subgraph.js'

await runSubgraph(donationsSubgraph)
