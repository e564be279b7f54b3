import { unauthenticated, type Caller } from '@nanum/subgraph-kit'

/**
 * Who may see a household: only signed-in staff of the organisation handling its case, in any
 * role. Deliberately not the kit's `isStaffOf`, which also admits SYSTEM_ADMIN of any
 * organisation: a system administrator elsewhere has no case to handle here. Consent-based
 * sharing with other organisations comes later and belongs in this file too.
 */
export function canSeeHousehold(caller: Caller, household: { handlingOrganisationId: string }): boolean {
  return caller.kind === 'user' && caller.organisationId === household.handlingOrganisationId
}

/**
 * The rows a caller may list, as a condition the list query puts in its WHERE clause (so pages
 * and totalCount count only visible rows). Anonymous callers are refused outright.
 */
export function householdListScope(caller: Caller): { handlingOrganisationId: string } {
  return { handlingOrganisationId: requireSignedIn(caller) }
}

/** Refuses anonymous callers with UNAUTHENTICATED; returns the caller's organisation id. */
export function requireSignedIn(caller: Caller): string {
  if (caller.kind !== 'user') throw unauthenticated('Household data requires a signed-in caller')
  return caller.organisationId
}

/** Keeps the rows the caller may see; the rest are dropped as if they did not exist. */
export function visibleHouseholds<T extends { handlingOrganisationId: string }>(caller: Caller, rows: readonly T[]): T[] {
  return rows.filter((row) => canSeeHousehold(caller, row))
}
