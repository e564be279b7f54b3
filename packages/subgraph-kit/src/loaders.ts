import DataLoader from 'dataloader'
import { toConnection, type Connection, type CursorKey, type Page } from './pagination.js'

/**
 * A per-request loader of rows by a unique key: one `IN (...)` query per batch, results in key
 * order, `null` for keys without a row (DataLoader requires one result per key, in order).
 */
export function rowLoader<K, R>(fetch: (keys: readonly K[]) => Promise<readonly R[]>, keyOf: (row: R) => K) {
  return new DataLoader<K, R | null>(async (keys) => {
    const rows = await fetch(keys)
    const byKey = new Map(rows.map((row) => [keyOf(row), row]))
    return keys.map((key) => byKey.get(key) ?? null)
  })
}

/** A per-request loader of all rows sharing a foreign key: one query per batch, `[]` when none. */
export function groupLoader<K, R>(fetch: (keys: readonly K[]) => Promise<readonly R[]>, keyOf: (row: R) => K) {
  return new DataLoader<K, R[]>(async (keys) => {
    const groups = groupBy(await fetch(keys), keyOf)
    return keys.map((key) => groups.get(key) ?? [])
  })
}

function groupBy<K, R>(rows: readonly R[], keyOf: (row: R) => K): Map<K, R[]> {
  const groups = new Map<K, R[]>()
  for (const row of rows) {
    const key = keyOf(row)
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
  }
  return groups
}

/**
 * Loaders that take arguments besides the key (e.g. `programs(first: 5)` on many centres): one
 * DataLoader per distinct argument set, so every parent asking with the same arguments shares a
 * batch.
 */
export function loaderFamily<A, L>(create: (args: A) => L): (args: A) => L {
  const byArgs = new Map<string, L>()
  return (args) => {
    const id = JSON.stringify(args)
    let loader = byArgs.get(id)
    if (!loader) byArgs.set(id, (loader = create(args)))
    return loader
  }
}

/**
 * Connections nested under many parents (e.g. `centres { programs(first: 5) }`): rows for every
 * parent in one query, counts for every parent in one more, however many parents there are.
 * `fetch` returns up to `page.limit + 1` rows per key, in keyset order.
 */
export function connectionLoader<K, R>(options: {
  fetch: (keys: readonly K[], page: Page) => Promise<readonly R[]>
  count: (keys: readonly K[]) => Promise<ReadonlyMap<K, number>>
  keyOf: (row: R) => K
  cursorOf: (row: R) => CursorKey
}): (page: Page) => DataLoader<K, Connection<R>> {
  const counts = new DataLoader<K, number>(async (keys) => {
    const byKey = await options.count(keys)
    return keys.map((key) => byKey.get(key) ?? 0)
  })
  return loaderFamily(
    (page: Page) =>
      new DataLoader<K, Connection<R>>(async (keys) => {
        const groups = groupBy(await options.fetch(keys, page), options.keyOf)
        return keys.map((key) => toConnection(groups.get(key) ?? [], page, options.cursorOf, () => counts.load(key)))
      }),
  )
}
