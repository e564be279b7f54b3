/**
 * Values several subgraphs share because they describe the same facts: a household's income band
 * and circumstances (households records them; programs states eligibility in them), days of the
 * week (centres' and programs' hours). Each subgraph keeps its own PostgreSQL enum of them, in this
 * order: programs compares income bands by it.
 */
export { DAYS_OF_WEEK, type DayOfWeek } from '@nanum/locale'

/** From the lowest income to the highest. */
export const INCOME_BANDS = [
  'BASIC_LIVELIHOOD_RECIPIENT',
  'NEAR_POOR',
  'BELOW_50_PERCENT_MEDIAN',
  'BELOW_75_PERCENT_MEDIAN',
  'BELOW_100_PERCENT_MEDIAN',
  'ABOVE_MEDIAN',
] as const
export type IncomeBand = (typeof INCOME_BANDS)[number]

export const VULNERABILITY_FLAGS = [
  'SINGLE_PARENT',
  'ELDERLY_LIVING_ALONE',
  'GRANDPARENT_CAREGIVER',
  'MULTICULTURAL_FAMILY',
  'DISABILITY',
  'INFANT',
  'PREGNANT',
] as const
export type VulnerabilityFlag = (typeof VULNERABILITY_FLAGS)[number]
