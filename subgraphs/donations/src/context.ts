import type { SubgraphContext } from '@nanum/subgraph-kit'
import type { DonationsLoaders } from './loaders.js'

export type Context = SubgraphContext<DonationsLoaders>
