import { createHash } from 'node:crypto'

/**
 * HSDS requires a UUID on every object, also on objects our graph has no row for (a centre's
 * phone, one schedule line, a program's service area, a program × centre link). Those get
 * name-based UUIDs (RFC 4122 version 5) derived from the owning entity's id and what the object
 * is, so an export gives the same id every time and re-importing it is idempotent.
 */
const NANUM_NAMESPACE = 'a7f3c2e0-5b1d-5c4e-9f60-6e616e756d00'

export function derivedId(...parts: (string | number)[]): string {
  const hash = createHash('sha1')
    .update(Buffer.from(NANUM_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(parts.join('\u001f'), 'utf8')
    .digest()
  const bytes = hash.subarray(0, 16)
  bytes[6] = (bytes[6] & 0x0f) | 0x50
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value)

/** The one link between a program and a centre where it is delivered (HSDS service_at_location). */
export const serviceAtLocationId = (programId: string, centreId: string) => derivedId('service_at_location', programId, centreId)
