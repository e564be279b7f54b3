import type { HouseholdStatus } from '../db/tables.js'

/**
 * The case lifecycle: IDENTIFIED → ASSESSED → SUPPORTED → MONITORING → CLOSED, with the
 * detours a real case takes. Anything not in this table is refused. A closed case is reopened
 * by moving it back to ASSESSED (its needs are assessed again before support resumes).
 */
export const TRANSITIONS: Record<HouseholdStatus, readonly HouseholdStatus[]> = {
  IDENTIFIED: ['ASSESSED', 'CLOSED'],
  ASSESSED: ['SUPPORTED', 'MONITORING', 'CLOSED'],
  SUPPORTED: ['MONITORING', 'CLOSED'],
  MONITORING: ['SUPPORTED', 'CLOSED'],
  CLOSED: ['ASSESSED'],
}

export const canTransition = (from: HouseholdStatus, to: HouseholdStatus) => TRANSITIONS[from].includes(to)

/** Why a transition is refused, or null when it is allowed. */
export function transitionProblem(from: HouseholdStatus, to: HouseholdStatus): string | null {
  if (canTransition(from, to)) return null
  const allowed = TRANSITIONS[from]
  return `a ${from} case cannot move to ${to}; allowed next: ${allowed.join(', ')}`
}
