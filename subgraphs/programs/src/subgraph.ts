import { fileURLToPath } from 'node:url'
import type { SubgraphModule } from '@nanum/subgraph-kit'
import { valueTypeDefs } from '@nanum/vocabulary'
import { createLoaders, type ProgramsLoaders } from './loaders.js'
import { resolvers } from './resolvers/index.js'
import { seedDemoData } from './demo-data.js'

/** The programs subgraph: the services organisations run and the centres they deliver them at. */
export const programsSubgraph: SubgraphModule<ProgramsLoaders> = {
  name: 'programs',
  schemaPath: fileURLToPath(new URL('../schema.graphql', import.meta.url)),
  valueTypeDefs: valueTypeDefs('IncomeBand', 'VulnerabilityFlag', 'DayOfWeek'),
  migrationsFolder: fileURLToPath(new URL('../../../drizzle/programs', import.meta.url)),
  defaultPort: 4002,
  resolvers: resolvers as SubgraphModule<ProgramsLoaders>['resolvers'],
  createLoaders,
  seedDemoData,
}
