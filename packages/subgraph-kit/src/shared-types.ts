import { GraphQLScalarType, Kind } from 'graphql'

/**
 * Types every subgraph declares identically (composition requires it): defined here once and
 * prepended to each subgraph's own `schema.graphql`. Each subgraph must import `@shareable`.
 */
export const sharedTypeDefs = /* GraphQL */ `
"""An instant in time, as an ISO 8601 string in UTC, e.g. 2026-11-25T09:30:00Z."""
scalar DateTime

"""A calendar date without time of day, as an ISO 8601 string, e.g. 2026-11-25."""
scalar Date

"""Where a page of a connection sits in the whole list (Relay cursor connections)."""
type PageInfo @shareable {
  """True when more items follow this page; pass \`endCursor\` as \`after\` to fetch them."""
  hasNextPage: Boolean!
  """True when this page was requested with \`after\`, so items precede it."""
  hasPreviousPage: Boolean!
  """Cursor of the first edge on this page, or null for an empty page."""
  startCursor: String
  """Cursor of the last edge on this page, or null for an empty page."""
  endCursor: String
}

"""An expected failure of a mutation, caused by the caller's data, returned in the payload."""
type UserError @shareable {
  """Machine-readable reason: NOT_FOUND, NOT_ALLOWED, CONFLICT or INVALID_VALUE."""
  code: UserErrorCode!
  """Path of the offending input field, e.g. ["input", "capacity"]; null when no single field is at fault."""
  field: [String!]
  """Human-readable explanation, safe to show to the user."""
  message: String!
}

"""Why a mutation refused the caller's data."""
enum UserErrorCode {
  """The object named in the input does not exist or is not visible to the caller."""
  NOT_FOUND
  """The caller may not make this change."""
  NOT_ALLOWED
  """The change conflicts with the current state (e.g. someone else changed it first)."""
  CONFLICT
  """A value in the input is not acceptable; \`field\` names it."""
  INVALID_VALUE
  """A service the change depends on did not answer; nothing was written, and the same input may be sent again later."""
  UNAVAILABLE
}
`

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value))
    throw new TypeError('DateTime must be an ISO 8601 string with a time zone, e.g. 2026-11-25T09:30:00Z')
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) throw new TypeError(`DateTime "${value}" is not a real instant`)
  return date
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new TypeError('Date must be an ISO 8601 calendar date, e.g. 2026-11-25')
  if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) throw new TypeError(`Date "${value}" does not exist`)
  return value
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in time, as an ISO 8601 string in UTC.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string)
    if (Number.isNaN(date.getTime())) throw new TypeError('DateTime cannot represent an invalid date')
    return date.toISOString()
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be a string')
    return parseInstant(ast.value)
  },
})

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, as an ISO 8601 string.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10)
    return parseDate(value)
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('Date must be a string')
    return parseDate(ast.value)
  },
})

export const sharedResolvers = { DateTime: DateTimeScalar, Date: DateScalar }
