import { canManageOrganisation, unauthenticated, userError, type Caller, type UserError } from '@nanum/subgraph-kit'

/** Managing programs needs a signed-in caller; an anonymous one gets a top-level UNAUTHENTICATED error. */
export function requireSignedIn(caller: Caller) {
  if (caller.kind === 'anonymous') throw unauthenticated('Sign in to manage programs')
}

/**
 * A program is managed by its provider's ORG_ADMIN or by a SYSTEM_ADMIN. Co-providers cannot
 * change it: the provider is the one organisation answerable for the catalogue entry.
 */
export function manageProblem(caller: Caller, providerOrganisationId: string): UserError | null {
  return canManageOrganisation(caller, providerOrganisationId)
    ? null
    : userError('NOT_ALLOWED', null, "Only the provider organisation's ORG_ADMIN or a SYSTEM_ADMIN may manage this program")
}
