import { createHash, randomInt, timingSafeEqual } from 'node:crypto'

/** Unambiguous characters (no 0/O, 1/I/L), so a code read over the phone is typed right. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const MAX_FAILED_CODE_ATTEMPTS = 5

/** A fresh one-time code, e.g. K7M3-Q9XP: 31^8 ≈ 8.5·10^11 values. */
export function newHandoverCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)])
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
}

const normalise = (code: string) => code.replace(/[\s-]/g, '').toUpperCase()

/** Only this hash is stored; the match id salts it so equal codes never share a hash. */
export const hashHandoverCode = (matchId: string, code: string) =>
  createHash('sha256').update(`${matchId}:${normalise(code)}`).digest('hex')

/** Constant-time comparison, so response times leak nothing about how much of a code was right. */
export function handoverCodeMatches(matchId: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashHandoverCode(matchId, code), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return given.length === stored.length && timingSafeEqual(given, stored)
}
