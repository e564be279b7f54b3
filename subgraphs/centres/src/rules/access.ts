import { unauthenticated, type Caller } from '@nanum/subgraph-kit'

/**
 * Directory changes need a signed-in caller. Anonymous callers get a top-level UNAUTHENTICATED
 * error (the client must sign in, whatever the input); a signed-in caller without the right gets
 * a NOT_ALLOWED user error from the mutation itself.
 */
export function requireSignedIn(caller: Caller): asserts caller is Extract<Caller, { kind: 'user' }> {
  if (caller.kind !== 'user') throw unauthenticated('Changing the directory requires a signed-in caller')
}
