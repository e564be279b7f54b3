import type { SubgraphModule } from '@nanum/subgraph-kit'
import { centresSubgraph } from '@nanum/centres'
import { programsSubgraph } from '@nanum/programs'
import { donationsSubgraph } from '@nanum/donations'
import { householdsSubgraph } from '@nanum/households'
import { councilsSubgraph } from '@nanum/councils'

/** Every subgraph of the graph, in the order they are composed and started. */
export const SUBGRAPHS: SubgraphModule<any>[] = [centresSubgraph, programsSubgraph, donationsSubgraph, householdsSubgraph, councilsSubgraph]
