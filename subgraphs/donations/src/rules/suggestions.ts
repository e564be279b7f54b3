import type { Category } from '../db/tables.js'

/**
 * Which goods a family usually needs for a child of a given age: a pure rule table, published
 * with the matching rules. Ages in months, both bounds included.
 */
export const SUGGESTION_RULES: readonly { category: Category; fromMonths: number; toMonths: number; reason: string }[] = [
  { category: 'CAR_SEAT', fromMonths: 0, toMonths: 48, reason: 'A child under four travels in a car seat (required by law in Korea up to age six).' },
  { category: 'CRIB', fromMonths: 0, toMonths: 24, reason: 'A baby under two sleeps in a crib.' },
  { category: 'STROLLER', fromMonths: 0, toMonths: 36, reason: 'A child under three is carried in a stroller.' },
  { category: 'BABY_CLOTHING', fromMonths: 0, toMonths: 72, reason: 'Young children outgrow clothes every few months.' },
  { category: 'FEEDING', fromMonths: 0, toMonths: 24, reason: 'Bottles, sterilisers and a high chair until about two.' },
  { category: 'BATH_AND_HYGIENE', fromMonths: 0, toMonths: 36, reason: 'A baby bath and nappies until about three.' },
  { category: 'TOYS', fromMonths: 6, toMonths: 96, reason: 'Age-appropriate toys for play and development.' },
  { category: 'BOOKS', fromMonths: 12, toMonths: 144, reason: 'Picture books from the first year, reading books at school age.' },
  { category: 'SCHOOL_UNIFORM', fromMonths: 72, toMonths: 228, reason: 'Uniforms from elementary school (age six) to high school.' },
]

export interface SuggestedNeed {
  category: Category
  /** The youngest child the suggestion is for. */
  childAgeMonths: number
  reason: string
}

/** One suggestion per category, for the youngest child it fits, in rule-table order. */
export function suggestedCategories(childAgesInMonths: readonly number[]): SuggestedNeed[] {
  const ages = [...childAgesInMonths].filter((age) => age >= 0).sort((a, b) => a - b)
  const suggestions: SuggestedNeed[] = []
  for (const rule of SUGGESTION_RULES) {
    const age = ages.find((months) => months >= rule.fromMonths && months <= rule.toMonths)
    if (age !== undefined) suggestions.push({ category: rule.category, childAgeMonths: age, reason: rule.reason })
  }
  return suggestions
}
