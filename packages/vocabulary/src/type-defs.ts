import { DAYS_OF_WEEK, INCOME_BANDS, VULNERABILITY_FLAGS, type DayOfWeek, type IncomeBand, type VulnerabilityFlag } from './values.js'

/**
 * The GraphQL enums of the shared values. Federation requires a value type to be defined alike in
 * every subgraph that uses it; a subgraph names the ones it uses (`SubgraphModule.valueTypeDefs`)
 * and gets them from here, so they cannot drift apart.
 */
interface EnumText<V extends string> {
  description: string
  values: readonly V[]
  valueDescriptions: Record<V, string>
}

const VALUE_TYPES = {
  IncomeBand: {
    description: "A household's income relative to the national median income, as used for eligibility; from the lowest band to the highest.",
    values: INCOME_BANDS,
    valueDescriptions: {
      BASIC_LIVELIHOOD_RECIPIENT: 'Receives the National Basic Livelihood Security benefit (기초생활수급자).',
      NEAR_POOR: 'Near-poor (차상위계층): just above the basic livelihood threshold.',
      BELOW_50_PERCENT_MEDIAN: 'Below 50% of the median income.',
      BELOW_75_PERCENT_MEDIAN: 'Between 50% and 75% of the median income.',
      BELOW_100_PERCENT_MEDIAN: 'Between 75% and 100% of the median income.',
      ABOVE_MEDIAN: 'At or above the median income.',
    },
  } satisfies EnumText<IncomeBand>,
  VulnerabilityFlag: {
    description: 'A circumstance that makes a household vulnerable.',
    values: VULNERABILITY_FLAGS,
    valueDescriptions: {
      SINGLE_PARENT: 'One parent raises the children alone.',
      ELDERLY_LIVING_ALONE: 'An older person (65 or over) lives alone.',
      GRANDPARENT_CAREGIVER: 'Grandparents care for their grandchildren.',
      MULTICULTURAL_FAMILY: 'A family with a member of foreign origin (다문화가족).',
      DISABILITY: 'A member has a disability.',
      INFANT: 'A child under two lives in the household.',
      PREGNANT: 'A member is pregnant.',
    },
  } satisfies EnumText<VulnerabilityFlag>,
  DayOfWeek: {
    description: 'A day of the week.',
    values: DAYS_OF_WEEK,
    valueDescriptions: {
      MONDAY: 'Monday.',
      TUESDAY: 'Tuesday.',
      WEDNESDAY: 'Wednesday.',
      THURSDAY: 'Thursday.',
      FRIDAY: 'Friday.',
      SATURDAY: 'Saturday.',
      SUNDAY: 'Sunday.',
    },
  } satisfies EnumText<DayOfWeek>,
}

export type ValueTypeName = keyof typeof VALUE_TYPES

const block = (text: string, indent = '') => `${indent}"""${text}"""`

/** The SDL of the named enums, to prepend to a subgraph's own schema. */
export function valueTypeDefs(...names: ValueTypeName[]): string {
  return names
    .map((name) => {
      const type: EnumText<string> = VALUE_TYPES[name]
      const values = type.values.map((value) => `${block(type.valueDescriptions[value], '  ')}\n  ${value}`).join('\n')
      return `${block(type.description)}\nenum ${name} {\n${values}\n}\n`
    })
    .join('\n')
}
