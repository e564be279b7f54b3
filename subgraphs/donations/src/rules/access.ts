import { hasRole, type Caller } from '@nanum/subgraph-kit'
import type { NeedVisibility } from '../db/queries.js'

/**
 * Who may manage donations: staff with role INTERMEDIARY or ORG_ADMIN of the organisation that
 * listed the item (or recorded the need), and any SYSTEM_ADMIN. The donations subgraph does not
 * know which organisation operates a centre, so it records the lister's organisation on each item.
 */
export const isIntermediary = (caller: Caller) => hasRole(caller, 'INTERMEDIARY', 'ORG_ADMIN', 'SYSTEM_ADMIN')

export function canManageFor(caller: Caller, organisationId: string | null): boolean {
  if (caller.kind !== 'user') return false
  if (caller.roles.includes('SYSTEM_ADMIN')) return true
  return organisationId === caller.organisationId && hasRole(caller, 'INTERMEDIARY', 'ORG_ADMIN')
}

/** Needs and matches are personal data: visible to staff of the recording organisation only. */
export function needVisibility(caller: Caller): NeedVisibility | null {
  if (caller.kind !== 'user') return null
  return caller.roles.includes('SYSTEM_ADMIN') ? { organisationId: null } : { organisationId: caller.organisationId }
}

/** An individual donor's contact: only the item's intermediary staff (any role) and SYSTEM_ADMIN. */
export const canReadDonorContact = (caller: Caller, intermediaryOrganisationId: string | null) =>
  caller.kind === 'user' && (caller.roles.includes('SYSTEM_ADMIN') || caller.organisationId === intermediaryOrganisationId)
