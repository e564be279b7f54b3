import type { EnrollmentRow } from '../db/tables.js'

/** What a caller learns about a household's ACTIVE services in a category (see `DuplicateServiceNotice`). */
export interface DuplicateServiceNotice {
  category: EnrollmentRow['category']
  activeSinceMonth: string
  programId: string | null
  organisationId: string | null
}

/**
 * A caller who may see the household learns each active service with its program and organisation.
 * Anyone else learns one notice per category with the earliest month only: not which program or
 * organisation, and not how many services there are.
 */
export function duplicateNotices(active: readonly EnrollmentRow[], callerMaySeeHousehold: boolean): DuplicateServiceNotice[] {
  if (!active.length) return []
  const month = (row: EnrollmentRow) => row.startsOn.slice(0, 7)
  if (callerMaySeeHousehold)
    return active.map((row) => ({ category: row.category, activeSinceMonth: month(row), programId: row.programId, organisationId: row.organisationId }))
  const earliest = new Map<EnrollmentRow['category'], string>()
  for (const row of active) {
    const seen = earliest.get(row.category)
    if (!seen || month(row) < seen) earliest.set(row.category, month(row))
  }
  return [...earliest].map(([category, activeSinceMonth]) => ({ category, activeSinceMonth, programId: null, organisationId: null }))
}
