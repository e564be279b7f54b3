import { randomBytes } from 'node:crypto'

// Crockford's base32 alphabet: no I, L, O or U, so a reference read out over the phone or
// copied by hand is not misread. 32 divides 256, so `byte % 32` picks every letter equally often.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A household's pseudonymous reference shown to partners, e.g. HH-7K3F9Q2M: random (never
 * derived from the id or personal data, so it reveals nothing), 40 bits, unique in the table.
 */
export function newHouseholdReference(): string {
  return 'HH-' + Array.from(randomBytes(8), (byte) => ALPHABET[byte % 32]).join('')
}

export const HOUSEHOLD_REFERENCE = /^HH-[0-9A-HJKMNP-TV-Z]{8}$/
