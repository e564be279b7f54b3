import { fileURLToPath } from 'node:url'
import type { SubgraphModule } from '@nanum/subgraph-kit'
import { createLoaders, type CouncilsLoaders } from './loaders.js'
import { resolvers } from './resolvers/index.js'
import { seedDemoData } from './demo-data.js'

/** The councils subgraph: public-private cooperation councils and the organisations that sit on them. */
export const councilsSubgraph: SubgraphModule<CouncilsLoaders> = {
  name: 'councils',
  schemaPath: fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  migrationsFolder: fileURLToPath(new URL('../../../drizzle/councils', import.meta.url)),
  defaultPort: 4005,
  resolvers: resolvers as SubgraphModule<CouncilsLoaders>['resolvers'],
  createLoaders,
  seedDemoData,
}
