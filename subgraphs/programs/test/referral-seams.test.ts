import { describe, expect, it } from 'vitest'
import { newId, subgraphGql, tokenFor } from '../../../tests/helpers.js'
import { evaluateEligibility } from '../src/rules/eligibility.js'
import type { ProgramRow } from '../src/db/tables.js'

describe('Household lists through the programs subgraph', () => {
  it('resolve only for a reference the households subgraph completed (it carries district), null otherwise', async () => {
    const token = await tokenFor({ org: newId(), roles: ['CASEWORKER'] })
    const response = await subgraphGql(
      'programs',
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { referrals { totalCount } enrollments { totalCount } eligiblePrograms { totalCount } } } }`,
      { representations: [{ __typename: 'Household', id: newId() }] },
      { token },
    )
    expect(response.errors).toBeUndefined()
    expect(response.data._entities).toEqual([{ referrals: null, enrollments: null, eligiblePrograms: null }])
  })
})

describe('evaluateEligibility', () => {
  const program = (fields: Partial<ProgramRow>) =>
    ({ minAge: null, maxAge: null, maxIncomeBand: null, requiredHouseholdFlags: [], residencyRequired: false, serviceAreas: [], ...fields }) as ProgramRow
  const unknown = { memberAges: null, incomeBand: null, vulnerabilityFlags: null, district: null, dong: null }

  it('reports a rule whose fact is missing as UNKNOWN, and the program as undecided rather than ineligible', () => {
    const result = evaluateEligibility(program({ minAge: 65, maxIncomeBand: 'NEAR_POOR' }), { ...unknown, incomeBand: 'ABOVE_MEDIAN' })
    expect(result.rules.map((r) => r.outcome)).toEqual(['UNKNOWN', 'FAILED'])
    expect(result.eligible).toBe(false)
    expect(evaluateEligibility(program({ minAge: 65 }), unknown).eligible).toBeNull()
  })

  it('passes a program without rules and checks a dong-level service area', () => {
    expect(evaluateEligibility(program({}), unknown)).toEqual({ eligible: true, rules: [] })
    const area = program({ residencyRequired: true, serviceAreas: [{ district: '서초구', dong: '반포2동' }] })
    expect(evaluateEligibility(area, { ...unknown, district: '서초구', dong: '반포2동' }).eligible).toBe(true)
    expect(evaluateEligibility(area, { ...unknown, district: '서초구', dong: '양재1동' }).eligible).toBe(false)
  })
})
