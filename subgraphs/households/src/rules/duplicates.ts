import { createHash } from 'node:crypto'

/**
 * Text compared for duplicates: Unicode NFKC (full-width digits and letters fold to ASCII),
 * lower case, without spaces, punctuation or symbols: "서울 서대문구 통일로 484, 101-1203" and
 * "서울서대문구 통일로484 101 1203" are the same address written two ways.
 */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')
}

/**
 * The key under which a household is registered once: the normalised address and head of
 * household's name, hashed so that the unique index does not hold a second copy of them.
 */
export function householdDuplicateKey(address: string, headName: string): string {
  return createHash('sha256').update(`${normaliseForMatch(address)}\u0000${normaliseForMatch(headName)}`).digest('hex')
}
