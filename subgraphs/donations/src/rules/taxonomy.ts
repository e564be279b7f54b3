import type { Category, Condition } from '../db/tables.js'

/**
 * The category taxonomy and its size conventions. A size is a short text label normalised to
 * upper case; each sized category accepts one convention:
 * - BABY_CLOTHING: the Korean baby-clothing size, i.e. the child's height in cm
 *   (50, 60, 70, 73, 80, 90, 100, 110, 120, 130);
 * - SCHOOL_UNIFORM: letter sizes (XS, S, M, L, XL, XXL) or the chest size in cm (80–120);
 * - every other category is unsized (a size given there is refused).
 * Two sizes fit when they are equal; a side without a size fits any size.
 */
export const CLOTHING_SIZES = ['50', '60', '70', '73', '80', '90', '100', '110', '120', '130'] as const
export const LETTER_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const

export const SIZED_CATEGORIES: readonly Category[] = ['BABY_CLOTHING', 'SCHOOL_UNIFORM']

export const normaliseSize = (size: string) => size.trim().toUpperCase()

/** Why `size` is not a size of `category`, or null when it is. */
export function sizeProblem(category: Category, size: string): string | null {
  const label = normaliseSize(size)
  switch (category) {
    case 'BABY_CLOTHING':
      return (CLOTHING_SIZES as readonly string[]).includes(label)
        ? null
        : `baby clothing sizes are the child's height in cm: ${CLOTHING_SIZES.join(', ')} (got "${size}")`
    case 'SCHOOL_UNIFORM': {
      const chest = Number(label)
      if ((LETTER_SIZES as readonly string[]).includes(label) || (Number.isInteger(chest) && chest >= 80 && chest <= 120)) return null
      return `school uniform sizes are ${LETTER_SIZES.join(', ')} or a chest size in cm from 80 to 120 (got "${size}")`
    }
    default:
      return `${category} items have no size; leave it empty`
  }
}

/** Better condition first: the order used by `minimumCondition` and the condition-fit factor. */
export const CONDITION_RANK: Record<Condition, number> = { NEW: 3, LIKE_NEW: 2, GOOD: 1, FAIR: 0 }

/** What each category covers, published with the matching rules. */
export const CATEGORY_DESCRIPTIONS: Record<Category, string> = {
  STROLLER: 'Strollers and prams.',
  CAR_SEAT: 'Infant and child car seats.',
  CRIB: 'Cribs, cots and bassinets.',
  BABY_CLOTHING: 'Clothes for babies and young children; sized by height in cm (50–130).',
  TOYS: 'Toys, e.g. blocks cleaned by a toy laundry.',
  BOOKS: "Picture books and other children's books.",
  FEEDING: 'Feeding goods: bottles, high chairs, sterilisers.',
  BATH_AND_HYGIENE: 'Bath tubs, nappies and hygiene goods.',
  SCHOOL_UNIFORM: 'School uniforms; sized XS–XXL or by chest size in cm (80–120).',
  APPLIANCE: 'Household appliances, e.g. a humidifier or a washing machine.',
  OTHER: 'Anything else.',
}
