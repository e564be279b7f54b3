import { INCOME_BANDS } from '@nanum/vocabulary'
import type { ProgramRow } from '../db/tables.js'

/**
 * A program's structured eligibility rules evaluated against a household's coarse facts, as the
 * households subgraph shares them with the caller. A fact the caller was not given is UNKNOWN,
 * never a failure: the household may well qualify.
 */
export interface HouseholdFacts {
  memberAges: readonly number[] | null
  incomeBand: ProgramRow['maxIncomeBand'] | null
  vulnerabilityFlags: readonly ProgramRow['requiredHouseholdFlags'][number][] | null
  district: string | null
  dong: string | null
}

export type RuleOutcome = 'PASSED' | 'FAILED' | 'UNKNOWN'
export type EligibilityRule = 'AGE' | 'INCOME' | 'HOUSEHOLD_CIRCUMSTANCES' | 'RESIDENCY'

export interface RuleResult {
  rule: EligibilityRule
  outcome: RuleOutcome
  reason: string
}

export interface EligibilityResult {
  /** True when every rule passed, false when one failed, null when none failed but some are unknown. */
  eligible: boolean | null
  rules: RuleResult[]
}

const bandRank = (band: NonNullable<HouseholdFacts['incomeBand']>) => INCOME_BANDS.indexOf(band)

export function evaluateEligibility(program: ProgramRow, facts: HouseholdFacts): EligibilityResult {
  const rules: RuleResult[] = []
  if (program.minAge != null || program.maxAge != null) {
    const range = `${program.minAge ?? 0}–${program.maxAge ?? '…'}`
    const fits = facts.memberAges?.filter((age) => age >= (program.minAge ?? 0) && age <= (program.maxAge ?? Infinity))
    rules.push(
      !facts.memberAges
        ? { rule: 'AGE', outcome: 'UNKNOWN', reason: `Needs a member aged ${range}; the members' ages are not known` }
        : fits!.length
          ? { rule: 'AGE', outcome: 'PASSED', reason: `A member aged ${fits![0]} is within ${range}` }
          : { rule: 'AGE', outcome: 'FAILED', reason: `No member is aged ${range} (ages ${facts.memberAges.join(', ') || 'none'})` },
    )
  }
  if (program.maxIncomeBand) {
    const max = program.maxIncomeBand
    rules.push(
      !facts.incomeBand
        ? { rule: 'INCOME', outcome: 'UNKNOWN', reason: `Admits incomes up to ${max}; the household's income band is not known` }
        : bandRank(facts.incomeBand) <= bandRank(max)
          ? { rule: 'INCOME', outcome: 'PASSED', reason: `Income band ${facts.incomeBand} is within ${max}` }
          : { rule: 'INCOME', outcome: 'FAILED', reason: `Income band ${facts.incomeBand} is above ${max}` },
    )
  }
  if (program.requiredHouseholdFlags.length) {
    const missing = facts.vulnerabilityFlags ? program.requiredHouseholdFlags.filter((flag) => !facts.vulnerabilityFlags!.includes(flag)) : null
    rules.push(
      !missing
        ? { rule: 'HOUSEHOLD_CIRCUMSTANCES', outcome: 'UNKNOWN', reason: `Needs ${program.requiredHouseholdFlags.join(', ')}; the household's circumstances are not known` }
        : missing.length
          ? { rule: 'HOUSEHOLD_CIRCUMSTANCES', outcome: 'FAILED', reason: `Missing ${missing.join(', ')}` }
          : { rule: 'HOUSEHOLD_CIRCUMSTANCES', outcome: 'PASSED', reason: `Has ${program.requiredHouseholdFlags.join(', ')}` },
    )
  }
  if (program.residencyRequired && program.serviceAreas.length) {
    const areas = program.serviceAreas.map((area) => (area.dong ? `${area.district} ${area.dong}` : area.district)).join(', ')
    const inside = facts.district ? program.serviceAreas.some((area) => area.district === facts.district && (!area.dong || area.dong === facts.dong)) : null
    rules.push(
      inside === null
        ? { rule: 'RESIDENCY', outcome: 'UNKNOWN', reason: `Residents of ${areas} only; where the household lives is not known` }
        : inside
          ? { rule: 'RESIDENCY', outcome: 'PASSED', reason: `${facts.district} ${facts.dong ?? ''} is in ${areas}`.replace('  ', ' ') }
          : { rule: 'RESIDENCY', outcome: 'FAILED', reason: `${facts.district} ${facts.dong ?? ''} is outside ${areas}`.replace('  ', ' ') },
    )
  }
  const eligible = rules.some((r) => r.outcome === 'FAILED') ? false : rules.some((r) => r.outcome === 'UNKNOWN') ? null : true
  return { eligible, rules }
}
