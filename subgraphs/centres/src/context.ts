import type { SubgraphContext } from '@nanum/subgraph-kit'
import type { CentresLoaders } from './loaders.js'

export type Context = SubgraphContext<CentresLoaders>
