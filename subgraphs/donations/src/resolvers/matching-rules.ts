import { CLOTHING_SIZES, CATEGORY_DESCRIPTIONS, LETTER_SIZES } from '../rules/taxonomy.js'
import { SUGGESTION_RULES } from '../rules/suggestions.js'
import { HARD_CONSTRAINTS, HARD_CONSTRAINT_DESCRIPTIONS, MATCHING_RULES } from '../matching/rules.js'
import { DEFAULT_RESERVATION_HOURS } from './match-mutations.js'

/** The rules exactly as the engine uses them: read from the same constants, never restated. */
export function matchingRules() {
  const rules = MATCHING_RULES
  const weights = rules.weights
  return {
    hardConstraints: HARD_CONSTRAINTS.map((name) => ({ name, description: HARD_CONSTRAINT_DESCRIPTIONS[name] })),
    weights: { ...weights, total: Object.values(weights).reduce((sum, weight) => sum + weight, 0) },
    urgencyValues: Object.entries(rules.urgencyValues).map(([urgency, value]) => ({ urgency, value })),
    conditionValues: Object.entries(rules.conditionValues).map(([condition, value]) => ({ condition, value })),
    waitedSaturationDays: rules.waitedSaturationDays,
    travelLimitKm: rules.travelLimitKm,
    sameDongDistance: rules.sameDongDistance,
    sameDistrictDistance: rules.sameDistrictDistance,
    quotaPerPeriod: rules.quotaPerPeriod,
    quotaPeriodDays: rules.quotaPeriodDays,
    unknownVulnerability: rules.unknownVulnerability,
    defaultReservationHours: DEFAULT_RESERVATION_HOURS,
    categories: Object.entries(CATEGORY_DESCRIPTIONS).map(([category, description]) => ({
      category,
      description,
      sizes: category === 'BABY_CLOTHING' ? [...CLOTHING_SIZES] : category === 'SCHOOL_UNIFORM' ? [...LETTER_SIZES] : [],
    })),
    suggestionRules: SUGGESTION_RULES,
  }
}
