import type { Caller } from '@nanum/subgraph-kit'
import { actsForReferrals } from './referral-lifecycle.js'
import type { HouseholdView } from './household-port.js'

/**
 * Who sees a household's referrals and enrollments (its service history), given why the
 * households subgraph lets the caller see the household at all:
 * - the organisation handling the case, and any the household gave a consent to, see all of it;
 * - an organisation that sees the household only through a referral it received (or a visit
 *   assigned to one of its people) sees only the referrals and services it is itself part of;
 * - nobody else sees anything, and only staff who act on referrals (CASEWORKER, NURSE, ORG_ADMIN).
 * Duplicate-service notices follow the same line: which program and organisation only to those
 * who see the whole history, "an active service of category X since month Y" to anyone else.
 */
export type ServiceHistoryScope = { kind: 'WHOLE' } | { kind: 'OWN'; organisationId: string } | null

export const seesWholeServiceHistory = (view: HouseholdView | null) =>
  view !== null && view.accessBasis.some((basis) => basis === 'HANDLING_ORGANISATION' || basis === 'CONSENT')

export function serviceHistoryScope(caller: Caller, view: HouseholdView | null): ServiceHistoryScope {
  if (!view || !actsForReferrals(caller)) return null
  return seesWholeServiceHistory(view) ? { kind: 'WHOLE' } : { kind: 'OWN', organisationId: caller.organisationId }
}
