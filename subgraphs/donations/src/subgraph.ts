import { fileURLToPath } from 'node:url'
import type { SubgraphModule } from '@nanum/subgraph-kit'
import { createLoaders, type DonationsLoaders } from './loaders.js'
import { resolvers } from './resolvers/index.js'
import { seedDemoData } from './demo-data.js'

/** The donations subgraph: donated goods (Anabada) and the inventory of the centres holding them. */
export const donationsSubgraph: SubgraphModule<DonationsLoaders> = {
  name: 'donations',
  schemaPath: fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  migrationsFolder: fileURLToPath(new URL('../../../drizzle/donations', import.meta.url)),
  defaultPort: 4003,
  resolvers: resolvers as SubgraphModule<DonationsLoaders>['resolvers'],
  createLoaders,
  seedDemoData,
}
