import { describe, it, expect } from 'vitest'
import { vulnerabilityScore } from '../src/rules/vulnerability.js'
import { householdDuplicateKey, normaliseForMatch } from '../src/rules/duplicates.js'

describe('vulnerability score', () => {
  it('adds the written points of each fact, and lists them', () => {
    const result = vulnerabilityScore(
      { incomeBand: 'NEAR_POOR', housingSituation: 'NON_HOUSING', vulnerabilityFlags: ['SINGLE_PARENT', 'INFANT', 'INFANT'] },
      [{ birthYear: 1994 }, { birthYear: 2025 }, { birthYear: 2020 }],
      2026,
    )
    expect(result.breakdown).toEqual([
      { factor: 'INCOME_BAND:NEAR_POOR', points: 25 },
      { factor: 'HOUSING:NON_HOUSING', points: 25 },
      { factor: 'FLAG:INFANT', points: 8 },
      { factor: 'FLAG:SINGLE_PARENT', points: 10 },
      { factor: 'CHILDREN_UNDER_18:2', points: 6 },
    ])
    expect(result.score).toBe(74)
  })

  it('counts at most three children and two members aged 75 or over, and caps the score at 100', () => {
    const result = vulnerabilityScore(
      { incomeBand: 'BASIC_LIVELIHOOD_RECIPIENT', housingSituation: 'HOMELESS', vulnerabilityFlags: ['ELDERLY_LIVING_ALONE', 'DISABILITY', 'GRANDPARENT_CAREGIVER'] },
      [1940, 1941, 1942, 2015, 2016, 2017, 2018].map((birthYear) => ({ birthYear })),
      2026,
    )
    expect(result.breakdown.slice(-2)).toEqual([
      { factor: 'CHILDREN_UNDER_18:3', points: 9 },
      { factor: 'MEMBERS_75_OR_OVER:2', points: 8 },
    ])
    expect(result.breakdown.reduce((sum, item) => sum + item.points, 0)).toBe(116)
    expect(result.score).toBe(100)
    expect(vulnerabilityScore({ incomeBand: 'ABOVE_MEDIAN', housingSituation: 'OWNER_OCCUPIED', vulnerabilityFlags: [] }, [{ birthYear: 1980 }], 2026)).toEqual({ score: 0, breakdown: [] })
  })
})

describe('duplicate key', () => {
  it('ignores spacing, punctuation and full-width characters, not the address or the name', () => {
    expect(normaliseForMatch('서울 서대문구 통일로 484, 101-1203')).toBe(normaliseForMatch('서울서대문구 통일로４８４ 101 1203'))
    expect(householdDuplicateKey('통일로 484, 101-1203', '김 순자')).toBe(householdDuplicateKey('통일로484 101-1203', '김순자'))
    expect(householdDuplicateKey('통일로 484, 101-1203', '김순자')).not.toBe(householdDuplicateKey('통일로 484, 101-1204', '김순자'))
    expect(householdDuplicateKey('통일로 484, 101-1203', '김순자')).not.toBe(householdDuplicateKey('통일로 484, 101-1203', '김순이'))
  })
})
