import { fileURLToPath } from 'node:url'
import type { SubgraphModule } from '@nanum/subgraph-kit'
import { valueTypeDefs } from '@nanum/vocabulary'
import { createLoaders, type CentresLoaders } from './loaders.js'
import { resolvers } from './resolvers/index.js'
import { seedDemoData } from './demo-data.js'

/** The centres subgraph: organisations and the centres they operate (the public directory). */
export const centresSubgraph: SubgraphModule<CentresLoaders> = {
  name: 'centres',
  schemaPath: fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  valueTypeDefs: valueTypeDefs('DayOfWeek'),
  migrationsFolder: fileURLToPath(new URL('../../../drizzle/centres', import.meta.url)),
  defaultPort: 4001,
  resolvers: resolvers as SubgraphModule<CentresLoaders>['resolvers'],
  createLoaders,
  seedDemoData,
}
