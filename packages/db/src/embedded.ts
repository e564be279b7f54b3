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
  const server = new PGLiteSocketServer({ db: withAtomicProtocolCycles(db), host: '127.0.0.1', port, maxConnections: 200 })
  await server.start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop()
      await db.close()
    },
  }
}

/**
 * pglite-socket queues each protocol message on its own, but every connection shares PGlite's one
 * session. An extended-protocol cycle (Parse, Bind, Describe, Execute … Sync) uses the session's
 * unnamed statement and portal, so two connections' cycles must never interleave. pglite-socket
 * already keeps the session with one connection while `isInTransaction()` is true; reporting an
 * open cycle as a transaction extends that to whole cycles. A cycle ends with Sync ('S'), a simple
 * Query ('Q') or Terminate ('X'); the startup packet (first byte 0) opens none.
 */
function withAtomicProtocolCycles(db: PGlite): PGlite {
  let cycleOpen = false
  return new Proxy(db, {
    get(target, property) {
      if (property === 'isInTransaction') return () => cycleOpen || target.isInTransaction()
      if (property === 'execProtocolRawStream')
        return (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          const type = message[0]
          cycleOpen = type !== 0 && type !== 0x53 && type !== 0x51 && type !== 0x58
          return target.execProtocolRawStream(message, options)
        }
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
