/**
 * Korean public holidays of 2026 (with substitute holidays) on which public centres close: the
 * demo data and the generated directory record them as hours exceptions.
 */
export const PUBLIC_HOLIDAYS_2026: readonly { date: string; reason: string }[] = [
  { date: '2026-01-01', reason: '신정 (New Year’s Day)' },
  { date: '2026-02-16', reason: '설날 연휴 (Seollal holidays)' },
  { date: '2026-02-17', reason: '설날 (Seollal)' },
  { date: '2026-02-18', reason: '설날 연휴 (Seollal holidays)' },
  { date: '2026-03-02', reason: '삼일절 대체공휴일 (Independence Movement Day, substitute)' },
  { date: '2026-05-05', reason: '어린이날 (Children’s Day)' },
  { date: '2026-05-25', reason: '부처님오신날 대체공휴일 (Buddha’s Birthday, substitute)' },
  { date: '2026-06-03', reason: '전국동시지방선거 (Local elections)' },
  { date: '2026-08-17', reason: '광복절 대체공휴일 (Liberation Day, substitute)' },
  { date: '2026-09-24', reason: '추석 연휴 (Chuseok holidays)' },
  { date: '2026-09-25', reason: '추석 (Chuseok)' },
  { date: '2026-10-05', reason: '개천절 대체공휴일 (National Foundation Day, substitute)' },
  { date: '2026-10-09', reason: '한글날 (Hangul Day)' },
  { date: '2026-12-25', reason: '성탄절 (Christmas Day)' },
]

export const closedOnPublicHolidays = (centreId: string) =>
  PUBLIC_HOLIDAYS_2026.map(({ date, reason }) => ({ centreId, date, isClosed: true, opens: null, closes: null, reason }))
