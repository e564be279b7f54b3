import { GraphQLError } from 'graphql'

/**
 * Error codes a client may see at the top level. Anything else is an unexpected failure and is
 * masked as INTERNAL_SERVER_ERROR before it leaves the process (see `maskError`).
 */
export const CLIENT_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'SUBGRAPH_UNAVAILABLE',
])

/** The field needs a signed-in caller (the response is still a 200 with partial data). */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } })
}

/** The request's token is unusable: the whole request is refused with HTTP 401. */
export function invalidToken(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } })
}

/** Invalid argument: `field` names the argument path, e.g. `filter.district` or `first`. */
export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } })
}

/** A service this field depends on did not answer: the field is null, the rest of the response stands. */
export function subgraphUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } })
}
