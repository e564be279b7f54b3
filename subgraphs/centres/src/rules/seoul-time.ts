import type { DayOfWeek } from '../db/tables.js'

/** A moment as a resident of Korea reads it on a wall clock: the date, weekday and time in Asia/Seoul. */
export interface LocalMoment {
  /** YYYY-MM-DD */
  date: string
  day: DayOfWeek
  /** HH:MM:SS */
  time: string
}

const DAYS: Record<string, DayOfWeek> = {
  Mon: 'MONDAY',
  Tue: 'TUESDAY',
  Wed: 'WEDNESDAY',
  Thu: 'THURSDAY',
  Fri: 'FRIDAY',
  Sat: 'SATURDAY',
  Sun: 'SUNDAY',
}

const seoulClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** Opening hours are local times; a centre in Seoul opens at 09:00 Seoul time whatever the server's zone. */
export function seoulMoment(at: Date): LocalMoment {
  const part = Object.fromEntries(seoulClock.formatToParts(at).map((p) => [p.type, p.value]))
  return { date: `${part.year}-${part.month}-${part.day}`, day: DAYS[part.weekday], time: `${part.hour}:${part.minute}:${part.second}` }
}
