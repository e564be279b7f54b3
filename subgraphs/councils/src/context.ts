import type { SubgraphContext } from '@nanum/subgraph-kit'
import type { CouncilsLoaders } from './loaders.js'

export type Context = SubgraphContext<CouncilsLoaders>
