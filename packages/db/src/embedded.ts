import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { freePort } from './free-port.js'

export interface EmbeddedPostgres {
  /** postgres:// URL on loopback; every subgraph connects to it like to any server. */
  url: string
  stop(): Promise<void>
}

/**
 * The embedded default: PGlite (PostgreSQL compiled to WebAssembly) served on a loopback port over
 * the PostgreSQL wire protocol, so subgraphs run the same postgres.js code as against a real
 * server. `dataDir` keeps the data on disk; without it the database lives in memory (tests).
 * Extensions are limited to those known to work together in PGlite (see STACK.md: never load
 * cube/earthdistance beside pg_trgm).
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const db = await PGlite.create({
    dataDir: options.dataDir,
    extensions: { pg_trgm, btree_gist },
  })
  const port = options.port ?? (await freePort())
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 200 })
  await server.start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop()
      await db.close()
    },
  }
}
