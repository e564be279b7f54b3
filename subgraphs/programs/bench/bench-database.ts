import { fileURLToPath } from 'node:url'
import { applyMigrations, openDatabase, startEmbeddedPostgres, type Database } from '@nanum/db'

/**
 * The programs benchmarks' database: BENCH_DATABASE_URL (an empty database), else the embedded
 * one in memory; the programs migrations applied. `close` releases both.
 */
export async function openBenchDatabase(options: { max: number }): Promise<{ database: Database; embedded: boolean; url: string; close(): Promise<void> }> {
  const embedded = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres()
  const url = process.env.BENCH_DATABASE_URL ?? embedded!.url
  await applyMigrations({ url, schema: 'programs', migrationsFolder: fileURLToPath(new URL('../../../drizzle/programs', import.meta.url)) })
  const database = openDatabase({ url, schema: 'programs', max: options.max })
  return {
    database,
    embedded: embedded !== null,
    url,
    async close() {
      await database.close()
      await embedded?.stop()
    },
  }
}

/** The p-th percentile of an ascending list (nearest rank). */
export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
