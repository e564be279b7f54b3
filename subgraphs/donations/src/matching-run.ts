import type { Database } from '@nanum/db'
import * as queries from './db/queries.js'
import type { DonationItemRow, NeedRow } from './db/tables.js'
import { MATCHING_RULES, type MatchItem, type MatchNeed, type MatchingInput } from './matching/index.js'

/** Turns rows into the engine's plain inputs; the engine itself never touches the database. */
export const toMatchItem = (row: DonationItemRow): MatchItem => ({
  id: row.id,
  category: row.category,
  condition: row.condition,
  minAgeMonths: row.minAgeMonths,
  maxAgeMonths: row.maxAgeMonths,
  size: row.size,
  quantityAvailable: row.status === 'AVAILABLE' ? row.quantityAvailable : 0,
  district: row.district,
  dong: row.dong,
  latitude: row.latitude,
  longitude: row.longitude,
  availableUntil: row.availableUntil,
})

export const toMatchNeed = (row: NeedRow, now: Date): MatchNeed => ({
  id: row.id,
  householdId: row.householdId,
  category: row.category,
  size: row.size,
  childAgeMonths: row.childAgeMonths,
  quantityOpen: row.status === 'OPEN' ? row.quantityOpen : 0,
  urgency: row.urgency,
  createdAt: row.createdAt,
  district: row.district,
  dong: row.dong,
  hasConsent: row.consentUntil > now,
  vulnerabilityScore: row.vulnerabilityScore,
})

/** Everything the engine needs for a scope: open items, open needs and the households' recent receipts. */
export async function loadMatchingData({ db }: Database, scope: queries.MatchingScope, now: Date) {
  const [itemRows, needRows] = await Promise.all([queries.itemsForMatching(db, scope), queries.needsForMatching(db, scope)])
  const since = new Date(now.getTime() - MATCHING_RULES.quotaPeriodDays * 86_400_000)
  const histories = await queries.householdHistories(db, [...new Set(needRows.map((row) => row.householdId))], since)
  const input: MatchingInput = { now, histories }
  return {
    items: itemRows.map(toMatchItem),
    needs: needRows.map((row) => toMatchNeed(row, now)),
    itemRows: new Map(itemRows.map((row) => [row.id, row])),
    needRows: new Map(needRows.map((row) => [row.id, row])),
    input,
  }
}
