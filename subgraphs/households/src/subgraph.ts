import { fileURLToPath } from 'node:url'
import type { SubgraphModule } from '@nanum/subgraph-kit'
import { valueTypeDefs } from '@nanum/vocabulary'
import { createLoaders, type HouseholdsLoaders } from './loaders.js'
import { resolvers } from './resolvers/index.js'
import { seedDemoData } from './demo-data.js'

/** The households subgraph: households found and supported, visible only to the organisation handling them. */
export const householdsSubgraph: SubgraphModule<HouseholdsLoaders> = {
  name: 'households',
  schemaPath: fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  valueTypeDefs: valueTypeDefs('IncomeBand', 'VulnerabilityFlag'),
  migrationsFolder: fileURLToPath(new URL('../../../drizzle/households', import.meta.url)),
  defaultPort: 4004,
  resolvers: resolvers as SubgraphModule<HouseholdsLoaders>['resolvers'],
  createLoaders,
  seedDemoData,
}
