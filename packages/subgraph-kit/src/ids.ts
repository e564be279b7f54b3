import { badUserInput } from './errors.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value)

/** Validates an id argument; the error names the argument so the client knows which one. */
export function parseId(value: string, field = 'id'): string {
  if (!isId(value)) throw badUserInput(field, `"${String(value).slice(0, 60)}" is not a valid id (expected a UUID)`)
  return value.toLowerCase()
}

/**
 * `__resolveReference` of an entity another subgraph owns and this one only extends: nothing to
 * load. The whole representation is kept, because it carries the fields this subgraph declared in
 * `@requires`; a malformed id resolves to null.
 */
export function extendedEntity<T extends { id: unknown }>(reference: T): (T & { id: string }) | null {
  return isId(reference.id) ? { ...reference, id: reference.id.toLowerCase() } : null
}
