import type { Condition, Urgency } from '../db/tables.js'

/**
 * The published matching rules: every number the engine uses is here, served as-is by the
 * `matchingRules` query and explained in the README (matching rules). Nothing else influences a score.
 */
export interface MatchingRules {
  /** Points each factor contributes at its best (factor value 1); the sum is the maximum score. */
  weights: {
    vulnerability: number
    urgency: number
    waited: number
    distance: number
    conditionFit: number
    fairness: number
    /** Earned by every feasible allocation, so an item and a need that fit are never left apart for nothing. */
    allocation: number
  }
  urgencyValues: Record<Urgency, number>
  conditionValues: Record<Condition, number>
  /** A need that has waited this many days gets the full `waited` points. */
  waitedSaturationDays: number
  /** When both sides have coordinates: the farthest a household may be from the intake centre. */
  travelLimitKm: number
  /** Without coordinates: distance factor for the same neighbourhood, and for the same district. */
  sameDongDistance: number
  sameDistrictDistance: number
  /** A household receives at most `quotaPerPeriod` pieces in any `quotaPeriodDays` days. */
  quotaPerPeriod: number
  quotaPeriodDays: number
  /** Vulnerability assumed (0–100) when the households subgraph gave no score. */
  unknownVulnerability: number
  /** Scores are compared in hundredths of a point (integers), so the optimum is exact. */
  scoreResolution: number
}

export const MATCHING_RULES: MatchingRules = {
  weights: { vulnerability: 30, urgency: 20, waited: 15, distance: 10, conditionFit: 5, fairness: 15, allocation: 5 },
  urgencyValues: { LOW: 0, NORMAL: 1 / 3, HIGH: 2 / 3, URGENT: 1 },
  conditionValues: { NEW: 1, LIKE_NEW: 0.8, GOOD: 0.6, FAIR: 0.3 },
  waitedSaturationDays: 60,
  travelLimitKm: 10,
  sameDongDistance: 1,
  sameDistrictDistance: 0.5,
  quotaPerPeriod: 3,
  quotaPeriodDays: 90,
  unknownVulnerability: 50,
  scoreResolution: 100,
}

/** The hard constraints, in the order they are checked; a pair failing one is never proposed. */
export const HARD_CONSTRAINTS = [
  'CATEGORY',
  'AGE',
  'SIZE',
  'ITEM_AVAILABLE',
  'NEED_OPEN',
  'CONSENT',
  'SERVICE_AREA',
  'QUOTA',
] as const
export type HardConstraint = (typeof HARD_CONSTRAINTS)[number]

export const HARD_CONSTRAINT_DESCRIPTIONS: Record<HardConstraint, string> = {
  CATEGORY: "The item's category is the need's category.",
  AGE: "The child's age in months lies within the item's age range (a missing bound is open; a need without an age fits any range).",
  SIZE: 'Sizes are equal when both sides give one (see the size conventions of the category taxonomy).',
  ITEM_AVAILABLE: 'The item has pieces available (not reserved, allocated or handed over) and its available-until date has not passed.',
  NEED_OPEN: 'The need is OPEN with pieces still to be matched.',
  CONSENT: 'The household has an active consent for DONATION_MATCHING (confirmed by the households subgraph).',
  SERVICE_AREA:
    "The household lives within the travel limit of the intake centre when both have coordinates; otherwise in the intake centre's district.",
  QUOTA: 'The household has received fewer than the quota of pieces in the quota period (batch matching also never exceeds it).',
}

