import { sql } from 'drizzle-orm'
import type { Database } from '@nanum/db'
import type { Category } from './tables.js'

export interface MetricsFilter {
  /** Items this organisation manages; null for every item (SYSTEM_ADMIN). */
  organisationId: string | null
  centreId?: string | null
  category?: Category | null
  from?: Date | null
  to?: Date | null
}

export interface Figures {
  listed: number
  matched: number
  handedOver: number
  expired: number
  medianDaysToHandover: number | null
  householdsServed: number
}

export interface MetricsRows {
  total: Figures
  byCentre: { centreId: string; figures: Figures }[]
  byCategory: { category: Category; figures: Figures }[]
  byMonth: { month: string; figures: Figures }[]
}

/**
 * Outcome figures in two statements, each grouped by the total, centre, category and month at
 * once (GROUPING SETS): one for the per-item counts and the median, one for distinct households.
 */
export async function donationMetrics({ db }: Database, filter: MetricsFilter): Promise<MetricsRows> {
  const where = sql.join(
    [
      sql`true`,
      filter.organisationId ? sql`intermediary_organisation_id = ${filter.organisationId}` : undefined,
      filter.centreId ? sql`held_at_centre_id = ${filter.centreId}` : undefined,
      filter.category ? sql`category = ${filter.category}` : undefined,
      filter.from ? sql`listed_at >= ${filter.from.toISOString()}` : undefined,
      filter.to ? sql`listed_at < ${filter.to.toISOString()}` : undefined,
    ].filter((part) => part !== undefined),
    sql` and `,
  )
  const selected = sql`select id, held_at_centre_id, category, to_char(date_trunc('month', listed_at at time zone 'UTC'), 'YYYY-MM-DD') as month, listed_at, status
    from donations.donation_items where ${where}`
  const groups = sql`grouping sets ((), (held_at_centre_id), (category), (month))`
  const [counts, households] = await Promise.all([
    db.execute(sql`/* donationMetrics:counts */
      with f as (${selected}),
      m as (
        select item_id, min(handed_over_at) filter (where status = 'HANDED_OVER') as first_handover
        from donations.matches where item_id in (select id from f) group by item_id
      )
      select grouping(held_at_centre_id) as g_centre, grouping(category) as g_category, grouping(month) as g_month,
        held_at_centre_id, category, month,
        count(*)::int as listed,
        count(m.item_id)::int as matched,
        count(m.first_handover)::int as handed_over,
        (count(*) filter (where f.status = 'EXPIRED'))::int as expired,
        percentile_cont(0.5) within group (order by extract(epoch from m.first_handover - f.listed_at) / 86400) as median_days
      from f left join m on m.item_id = f.id
      group by ${groups}`),
    db.execute(sql`/* donationMetrics:households */
      with f as (${selected})
      select grouping(held_at_centre_id) as g_centre, grouping(category) as g_category, grouping(month) as g_month,
        held_at_centre_id, category, month, count(distinct m.household_id)::int as households
      from f join donations.matches m on m.item_id = f.id and m.status = 'HANDED_OVER'
      group by ${groups}`),
  ])
  type Row = Record<string, any>
  const keyOf = (row: Row) =>
    row.g_centre === 0 ? `c:${row.held_at_centre_id}` : row.g_category === 0 ? `k:${row.category}` : row.g_month === 0 ? `m:${row.month}` : 'total'
  const served = new Map((households as unknown as Row[]).map((row) => [keyOf(row), Number(row.households)]))
  const figures = (row: Row | undefined, key: string): Figures => ({
    listed: Number(row?.listed ?? 0),
    matched: Number(row?.matched ?? 0),
    handedOver: Number(row?.handed_over ?? 0),
    expired: Number(row?.expired ?? 0),
    medianDaysToHandover: row?.median_days == null ? null : Math.round(Number(row.median_days) * 100) / 100,
    householdsServed: served.get(key) ?? 0,
  })
  const rows = counts as unknown as Row[]
  const result: MetricsRows = { total: figures(rows.find((row) => keyOf(row) === 'total'), 'total'), byCentre: [], byCategory: [], byMonth: [] }
  for (const row of rows) {
    const key = keyOf(row)
    if (key.startsWith('c:')) result.byCentre.push({ centreId: row.held_at_centre_id, figures: figures(row, key) })
    else if (key.startsWith('k:')) result.byCategory.push({ category: row.category, figures: figures(row, key) })
    else if (key.startsWith('m:')) result.byMonth.push({ month: row.month, figures: figures(row, key) })
  }
  result.byCentre.sort((a, b) => b.figures.listed - a.figures.listed || (a.centreId < b.centreId ? -1 : 1))
  result.byCategory.sort((a, b) => b.figures.listed - a.figures.listed || (a.category < b.category ? -1 : 1))
  result.byMonth.sort((a, b) => (a.month < b.month ? -1 : 1))
  return result
}
