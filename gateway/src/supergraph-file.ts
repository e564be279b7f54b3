import { readFile } from 'node:fs/promises'
import { watch, type FSWatcher } from 'node:fs'
import { dirname, basename } from 'node:path'
import type { SupergraphManager } from '@apollo/gateway'
import type { Logger } from '@nanum/subgraph-kit'

/**
 * Serves the committed, statically composed `supergraph.graphql` (no introspection of live
 * subgraphs) and hands a new version to the gateway when the file changes, so a partner can ship
 * a subgraph change without a gateway restart. A file that does not load keeps the old schema.
 */
export function supergraphFromFile(path: string, log: Logger): SupergraphManager {
  return {
    async initialize({ update, healthCheck: _healthCheck }) {
      let current = await readFile(path, 'utf8')
      let timer: NodeJS.Timeout | undefined
      const reload = async () => {
        try {
          const next = await readFile(path, 'utf8')
          if (!next.trim() || next === current) return
          update(next)
          current = next
          log.info({ path }, 'supergraph reloaded')
        } catch (error) {
          log.error({ err: error, path }, 'supergraph change rejected; still serving the previous schema')
        }
      }
      // Watch the folder, not the file: editors and `npm run compose` replace the file by renaming.
      const watcher: FSWatcher = watch(dirname(path), (_event, file) => {
        if (file && file.toString() !== basename(path)) return
        clearTimeout(timer)
        timer = setTimeout(reload, 100)
      })
      return {
        supergraphSdl: current,
        cleanup: async () => {
          clearTimeout(timer)
          watcher.close()
        },
      }
    },
  }
}
