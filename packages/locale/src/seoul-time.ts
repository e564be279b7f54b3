/** Days of the week, Monday first, as the schema's DayOfWeek enum spells them. */
export const DAYS_OF_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const

export type DayOfWeek = (typeof DAYS_OF_WEEK)[number]

/** A moment as a resident of Korea reads it on a wall clock, in the shapes opening hours use. */
export interface SeoulMoment {
  /** YYYY-MM-DD */
  date: string
  day: DayOfWeek
  /** HH:MM:SS, comparable with `time` columns. */
  time: string
}

// Korea has kept UTC+9 all year since 1988 (no daylight saving), so a fixed offset is exact.
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000

/** Opening hours are local times: a centre in Seoul opens at 09:00 Seoul time whatever the server's zone. */
export function seoulMoment(at: Date): SeoulMoment {
  const local = new Date(at.getTime() + SEOUL_OFFSET_MS)
  const iso = local.toISOString()
  // getUTCDay: 0 is Sunday; DAYS_OF_WEEK starts on Monday.
  return { date: iso.slice(0, 10), day: DAYS_OF_WEEK[(local.getUTCDay() + 6) % 7], time: iso.slice(11, 19) }
}
