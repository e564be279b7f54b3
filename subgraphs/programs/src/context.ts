import type { SubgraphContext } from '@nanum/subgraph-kit'
import type { ProgramsLoaders } from './loaders.js'

export type Context = SubgraphContext<ProgramsLoaders>
