/**
 * A subgraph's database URL: `<NAME>_DATABASE_URL` wins over the shared `DATABASE_URL`, so one
 * partner can move its subgraph to its own server without touching the others.
 */
export function databaseUrlFor(subgraph: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env[`${subgraph.toUpperCase()}_DATABASE_URL`]
  return own?.trim() || env.DATABASE_URL?.trim() || undefined
}
