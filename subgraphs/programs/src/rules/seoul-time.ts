import { DAYS_OF_WEEK } from '../db/tables.js'

/** A local moment in Seoul, in the shapes the weekly schedule and the start/end dates use. */
export interface SeoulTime {
  day: (typeof DAYS_OF_WEEK)[number]
  /** HH:MM:SS, comparable with `time` columns. */
  time: string
  /** YYYY-MM-DD. */
  date: string
}

// Korea has kept UTC+9 all year since 1988 (no daylight saving), so a fixed offset is exact.
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000

export function seoulTime(at: Date): SeoulTime {
  const local = new Date(at.getTime() + SEOUL_OFFSET_MS)
  const iso = local.toISOString()
  // getUTCDay: 0 is Sunday; DAYS_OF_WEEK starts on Monday.
  return { day: DAYS_OF_WEEK[(local.getUTCDay() + 6) % 7], time: iso.slice(11, 19), date: iso.slice(0, 10) }
}
