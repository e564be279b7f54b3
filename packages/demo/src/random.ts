import { createHash } from 'node:crypto'

/**
 * A small seeded pseudo-random generator (mulberry32) for generated data, benchmarks and
 * randomised tests: the same seed gives the same sequence on every platform. A text seed is
 * hashed into a number. Not for anything secret.
 */
export function seededRandom(seed: number | string) {
  let state = typeof seed === 'string' ? createHash('sha256').update(seed).digest().readUInt32LE(0) : seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  /** An integer in [0, n). */
  const int = (n: number) => Math.floor(next() * n)
  /** An integer in [min, max]. */
  const between = (min: number, max: number) => min + int(max - min + 1)
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]
  /** One to `max` distinct picks. */
  const some = <T>(list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + int(max) }, () => pick(list)))]
  /** Each element with the given probability. */
  const subset = <T>(list: readonly T[], probability: number): T[] => list.filter(() => next() < probability)
  /** A value drawn by weight (weights summing to 1). */
  const weighted = <T>(mix: readonly (readonly [T, number])[]): T => {
    let r = next()
    for (const [value, weight] of mix) if ((r -= weight) < 0) return value
    return mix[mix.length - 1][0]
  }
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(16).toString(16))
    hex[12] = '4'
    hex[16] = '89ab'[int(4)]
    const s = hex.join('')
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
  }
  return { next, int, between, pick, some, subset, weighted, uuid }
}

export type SeededRandom = ReturnType<typeof seededRandom>
