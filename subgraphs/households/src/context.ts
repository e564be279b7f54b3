import type { SubgraphContext } from '@nanum/subgraph-kit'
import type { HouseholdsLoaders } from './loaders.js'

export type Context = SubgraphContext<HouseholdsLoaders>
