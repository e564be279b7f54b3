import type { GraphQLFormattedError } from 'graphql'
import type { ApolloServerPlugin, BaseContext } from '@apollo/server'
import { unwrapResolverError } from '@apollo/server/errors'
import { CLIENT_ERROR_CODES } from './errors.js'
import type { Logger } from './logger.js'

/**
 * Keeps errors that are about the client's request and replaces everything else (a SQL error,
 * a bug, a dependency's message) by a generic INTERNAL_SERVER_ERROR: no SQL text, stack trace or
 * internal message reaches a client. The full error is logged by `errorLoggingPlugin`.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {}
    return { ...formatted, extensions }
  }
  const original = unwrapResolverError(error)
  if (original instanceof TypeError && /^(DateTime|Date) /.test(original.message)) return formatted
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  }
}

/** Logs every unexpected error in full, tied to the request id of the request that hit it. */
export function errorLoggingPlugin<T extends BaseContext & { log?: Logger }>(fallback: Logger): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const log = contextValue?.log ?? fallback
          for (const error of errors) {
            const code = error.extensions?.code
            if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) continue
            log.error({ err: unwrapResolverError(error), path: error.path }, 'unexpected error')
          }
        },
      }
    },
  }
}
