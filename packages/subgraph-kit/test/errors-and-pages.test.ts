import { describe, expect, it } from 'vitest'
import { GraphQLError } from 'graphql'
import { badUserInput, decodeCursor, encodeCursor, maskError, parseId, parsePage } from '../src/index.js'

describe('error masking', () => {
  it('replaces unexpected errors by a generic one without internals', () => {
    const internal = new GraphQLError('relation "centres.secret" does not exist', { originalError: new Error('SQL: select * from secret') })
    const masked = maskError({ message: internal.message, path: ['centres'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, internal)
    expect(masked).toEqual({ message: 'Internal server error', path: ['centres'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } })
  })

  it('keeps errors about the request, without stack traces', () => {
    const error = badUserInput('first', 'must be between 0 and 100')
    const masked = maskError({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at y'] } }, error)
    expect(masked).toEqual({ message: 'first: must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } })
  })
})

describe('pages and cursors', () => {
  const id = '20000000-0000-4000-8000-000000000001'

  it('round-trips a keyset cursor', () => {
    expect(decodeCursor(encodeCursor(['홍제1동', id]), ['text', 'id'])).toEqual(['홍제1동', id])
    const listedAt = '2026-11-25T09:30:00.000Z'
    expect(decodeCursor(encodeCursor([listedAt, id]), ['timestamp', 'id'])).toEqual([listedAt, id])
  })

  it('refuses cursors it did not make', () => {
    for (const bad of ['garbage', encodeCursor(['a', 'not-an-id']), Buffer.from('{"a":1}').toString('base64url'), encodeCursor(['a', 'b', id])])
      expect(() => decodeCursor(bad, ['text', 'id'])).toThrow(/after: is not a cursor/)
    // A name where a timestamp belongs would otherwise reach SQL as a failing cast.
    expect(() => parsePage({ after: encodeCursor(['홍제1동', id]) }, ['timestamp', 'id'])).toThrow(/after/)
    expect(() => parsePage({ after: encodeCursor(['2026-13-45', id]) }, ['date', 'id'])).toThrow(/after/)
  })

  it('bounds the page size', () => {
    expect(parsePage({}, ['text', 'id'])).toEqual({ limit: 20, after: null })
    expect(() => parsePage({ first: 101 }, ['text', 'id'])).toThrow(/first: must be between 0 and 100/)
    expect(() => parsePage({ first: -1 }, ['text', 'id'])).toThrow(/first/)
  })

  it('validates ids naming the argument', () => {
    expect(parseId(id.toUpperCase())).toBe(id)
    expect(() => parseId('42', 'filter.centreId')).toThrow(/filter.centreId: "42" is not a valid id/)
  })
})
