import type { CentreRow } from '../db/tables.js'

/**
 * Residents each welfare worker or visiting nurse is responsible for (the figure Seoul's Reaching
 * Out initiative cut from 289 to 126): residentsServed / (welfareWorkers + visitingNurses).
 * Null when any figure is unreported or there is no staff, rather than a misleading 0 or Infinity.
 */
export function residentsPerWorker(centre: Pick<CentreRow, 'residentsServed' | 'welfareWorkers' | 'visitingNurses'>): number | null {
  const { residentsServed, welfareWorkers, visitingNurses } = centre
  if (residentsServed === null || welfareWorkers === null || visitingNurses === null) return null
  const staff = welfareWorkers + visitingNurses
  return staff > 0 ? residentsServed / staff : null
}
