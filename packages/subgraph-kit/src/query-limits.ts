import type { ApolloServerPlugin, BaseContext } from '@apollo/server'
import { ApolloArmor } from '@escape.tech/graphql-armor'
import { z } from 'zod'
import { parseEnv } from './config.js'

/**
 * Limits on the shape of an operation, checked before it runs, so that one request cannot make
 * the graph do unbounded work (the directory is open to anonymous callers). The gateway and every
 * subgraph apply them (a subgraph may be reached without the gateway). A refused operation is a
 * GRAPHQL_VALIDATION_FAILED error that names the limit and the value found.
 *
 * Cost follows GraphQL Armor: 1 per scalar field, 2 per object, children weigh 1.5 times more per
 * level, and a literal `first: n` multiplies its field's cost by n (a variable does not; pages
 * are capped at 100 anyway). The defaults admit every query in this repository's README, tests and
 * HSDS view with room to spare.
 */
const configSchema = z.object({
  NANUM_MAX_DEPTH: z.coerce.number().int().min(1).default(15),
  // As many as a page holds: the HSDS view looks up a page's entities by id in one aliased operation.
  NANUM_MAX_ALIASES: z.coerce.number().int().min(0).default(100),
  NANUM_MAX_COST: z.coerce.number().int().min(1).default(50_000),
  NANUM_MAX_TOKENS: z.coerce.number().int().min(1).default(5_000),
  NANUM_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50),
})

export type QueryLimits = z.infer<typeof configSchema>

export const queryLimitsFromEnv = (env: NodeJS.ProcessEnv = process.env): QueryLimits => parseEnv(configSchema, env)

/** The validation rules and plugins an ApolloServer needs to enforce the limits. */
export function queryLimitProtection<TContext extends BaseContext>(limits: QueryLimits = queryLimitsFromEnv()) {
  const { plugins, validationRules } = new ApolloArmor({
    // Fragments (the gateway's `... on Household`) add no depth or cost of their own.
    maxDepth: { n: limits.NANUM_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.NANUM_MAX_ALIASES },
    costLimit: { maxCost: limits.NANUM_MAX_COST, ignoreIntrospection: true, flattenFragments: true },
    maxTokens: { n: limits.NANUM_MAX_TOKENS },
    maxDirectives: { n: limits.NANUM_MAX_DIRECTIVES },
    // Partner developers read the schema openly (introspection is on): "did you mean" helps them.
    blockFieldSuggestion: { enabled: false },
  }).protect()
  // Armor is typed against Apollo's CommonJS build; its plugins never read the context.
  return { plugins: plugins as unknown as ApolloServerPlugin<TContext>[], validationRules }
}
