import type { Category, Condition, Urgency } from '../db/tables.js'
import { MATCHING_RULES, type HardConstraint, type MatchingRules } from './rules.js'

/** An item as the engine sees it: plain data, no database. */
export interface MatchItem {
  id: string
  category: Category
  condition: Condition
  minAgeMonths: number | null
  maxAgeMonths: number | null
  size: string | null
  quantityAvailable: number
  /** The intake centre's area. */
  district: string | null
  dong: string | null
  latitude?: number | null
  longitude?: number | null
  availableUntil?: Date | null
}

/** A need as the engine sees it, with the household facts the households subgraph supplied. */
export interface MatchNeed {
  id: string
  householdId: string
  category: Category
  size: string | null
  childAgeMonths: number | null
  /** Pieces still to be matched; 0 (or a need not OPEN) fails NEED_OPEN. */
  quantityOpen: number
  urgency: Urgency
  createdAt: Date
  district: string | null
  dong: string | null
  latitude?: number | null
  longitude?: number | null
  hasConsent: boolean
  /** 0–100, from the households subgraph; null when unknown. */
  vulnerabilityScore: number | null
}

/** What a household has received lately (handed over or allocated), for fairness and quota. */
export interface HouseholdHistory {
  /** Pieces received within the quota period ending now. */
  receivedInPeriod: number
}

export interface MatchingInput {
  now: Date
  histories?: ReadonlyMap<string, HouseholdHistory>
  rules?: MatchingRules
}

export type ScoreBreakdown = Record<keyof MatchingRules['weights'], number> & { total: number }

const DAY = 86_400_000

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(a)))
}

const hasCoordinates = (x: { latitude?: number | null; longitude?: number | null }) => x.latitude != null && x.longitude != null

/** The distance factor (0–1), or null when the household is outside the service area. */
export function distanceFactor(item: MatchItem, need: MatchNeed, rules: MatchingRules = MATCHING_RULES): number | null {
  if (hasCoordinates(item) && hasCoordinates(need)) {
    const km = haversineKm(item.latitude!, item.longitude!, need.latitude!, need.longitude!)
    return km <= rules.travelLimitKm ? 1 - km / rules.travelLimitKm : null
  }
  if (!item.district || item.district !== need.district) return null
  return item.dong && item.dong === need.dong ? rules.sameDongDistance : rules.sameDistrictDistance
}

export function remainingQuota(householdId: string, input: MatchingInput): number {
  const rules = input.rules ?? MATCHING_RULES
  return Math.max(0, rules.quotaPerPeriod - (input.histories?.get(householdId)?.receivedInPeriod ?? 0))
}

/** The first hard constraint the pair fails, or null when it may be proposed. */
export function failedConstraint(item: MatchItem, need: MatchNeed, input: MatchingInput): HardConstraint | null {
  const rules = input.rules ?? MATCHING_RULES
  if (item.category !== need.category) return 'CATEGORY'
  const age = need.childAgeMonths
  if (age != null && ((item.minAgeMonths != null && age < item.minAgeMonths) || (item.maxAgeMonths != null && age > item.maxAgeMonths)))
    return 'AGE'
  if (item.size != null && need.size != null && item.size !== need.size) return 'SIZE'
  if (item.quantityAvailable <= 0 || (item.availableUntil && item.availableUntil <= input.now)) return 'ITEM_AVAILABLE'
  if (need.quantityOpen <= 0) return 'NEED_OPEN'
  if (!need.hasConsent) return 'CONSENT'
  if (distanceFactor(item, need, rules) === null) return 'SERVICE_AREA'
  if (remainingQuota(need.householdId, input) <= 0) return 'QUOTA'
  return null
}

const round2 = (x: number) => Math.round(x * 100) / 100

/** The score of a feasible pair, factor by factor (points), as published in the README (matching rules). */
export function scorePair(item: MatchItem, need: MatchNeed, input: MatchingInput): ScoreBreakdown {
  const rules = input.rules ?? MATCHING_RULES
  const w = rules.weights
  const vulnerability = Math.min(100, Math.max(0, need.vulnerabilityScore ?? rules.unknownVulnerability)) / 100
  const waitedDays = Math.max(0, (input.now.getTime() - need.createdAt.getTime()) / DAY)
  const received = input.histories?.get(need.householdId)?.receivedInPeriod ?? 0
  const parts = {
    vulnerability: round2(w.vulnerability * vulnerability),
    urgency: round2(w.urgency * rules.urgencyValues[need.urgency]),
    waited: round2(w.waited * Math.min(1, waitedDays / rules.waitedSaturationDays)),
    distance: round2(w.distance * (distanceFactor(item, need, rules) ?? 0)),
    conditionFit: round2(w.conditionFit * rules.conditionValues[item.condition]),
    fairness: round2(w.fairness * Math.max(0, 1 - received / rules.quotaPerPeriod)),
    allocation: w.allocation,
  }
  const total = round2(Object.values(parts).reduce((sum, part) => sum + part, 0))
  return { ...parts, total }
}

/** The score in integer units the optimiser compares (hundredths of a point by default). */
export const scoreUnits = (breakdown: ScoreBreakdown, rules: MatchingRules = MATCHING_RULES) =>
  Math.round(breakdown.total * rules.scoreResolution)
