import type { CentreRow, HoursExceptionRow, OpeningHoursRow } from '../db/tables.js'
import type { SeoulMoment } from '@nanum/locale'

/** `09:00:00` (PostgreSQL `time`) or `09:00` as a comparable `HH:MM:SS`. */
const clock = (time: string) => (time.length === 5 ? `${time}:00` : time)

/** PostgreSQL `time` as shown to clients: HH:MM. */
export const hhmm = (time: string) => time.slice(0, 5)

/**
 * Whether a centre is open at a local moment: it is ACTIVE and the moment falls in one of that
 * day's intervals, where an exception for the date (a holiday, special hours) replaces the weekly
 * hours. Intervals include their opening minute and exclude their closing one. The SQL behind
 * `centres(filter: { openNow })` (db/centre-conditions.ts) encodes the same rule.
 */
export function isOpenAt(
  centre: Pick<CentreRow, 'status'>,
  weekly: readonly Pick<OpeningHoursRow, 'day' | 'opens' | 'closes'>[],
  exceptions: readonly Pick<HoursExceptionRow, 'date' | 'isClosed' | 'opens' | 'closes'>[],
  moment: SeoulMoment,
): boolean {
  if (centre.status !== 'ACTIVE') return false
  const within = (opens: string, closes: string) => clock(opens) <= moment.time && moment.time < clock(closes)
  const exception = exceptions.find((e) => e.date === moment.date)
  if (exception) return !exception.isClosed && exception.opens !== null && exception.closes !== null && within(exception.opens, exception.closes)
  return weekly.some((hours) => hours.day === moment.day && within(hours.opens, hours.closes))
}
