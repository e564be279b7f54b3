import { CENTRE, HOUSEHOLD, ORG } from '@nanum/demo'
import type { Database } from '@nanum/db'
import { insertHouseholdMembers, insertHouseholds } from './db/queries.js'

/** Member ids follow the demo id pattern with the household prefix 5 and group 8001. */
const memberId = (n: number) => `50000000-0000-4000-8001-${n.toString(16).padStart(12, '0')}`

/**
 * Three households from the seed documents: a single mother with an infant supported by
 * Sejong's Happy Mom's Center, an older person living alone found by Hongje 1-dong's
 * reaching-out visits, and grandparents raising grandchildren in Seocho-gu (the Grandchildren
 * Caregivers program). References are random, drawn at the first insert.
 */
export async function seedDemoData({ db }: Database) {
  await insertHouseholds(db, [
    {
      id: HOUSEHOLD.sejongSingleMother,
      district: '세종시',
      dong: '도담동',
      incomeBand: 'NEAR_POOR',
      vulnerabilityFlags: ['SINGLE_PARENT', 'INFANT'],
      status: 'SUPPORTED',
      handlingCentreId: CENTRE.sejongHappyMomsCenter,
      handlingOrganisationId: ORG.sejongHappyMomsCenterOperator,
    },
    {
      id: HOUSEHOLD.hongjeElderlyAlone,
      district: '서대문구',
      dong: '홍제1동',
      incomeBand: 'BASIC_LIVELIHOOD_RECIPIENT',
      vulnerabilityFlags: ['ELDERLY_LIVING_ALONE'],
      status: 'MONITORING',
      handlingCentreId: CENTRE.hongje1DongCentre,
      handlingOrganisationId: ORG.hongje1Dong,
    },
    {
      id: HOUSEHOLD.seochoGrandparentCarer,
      district: '서초구',
      dong: '반포2동',
      incomeBand: 'BELOW_50_PERCENT_MEDIAN',
      vulnerabilityFlags: ['GRANDPARENT_CAREGIVER'],
      status: 'ASSESSED',
      handlingCentreId: CENTRE.banpo2DongCentre,
      handlingOrganisationId: ORG.seochoGu,
    },
  ])
  await insertHouseholdMembers(db, [
    { id: memberId(1), householdId: HOUSEHOLD.sejongSingleMother, birthYear: 1994, relation: 'HEAD' },
    { id: memberId(2), householdId: HOUSEHOLD.sejongSingleMother, birthYear: 2025, relation: 'CHILD' },
    { id: memberId(3), householdId: HOUSEHOLD.hongjeElderlyAlone, birthYear: 1941, relation: 'HEAD' },
    { id: memberId(4), householdId: HOUSEHOLD.seochoGrandparentCarer, birthYear: 1956, relation: 'HEAD' },
    { id: memberId(5), householdId: HOUSEHOLD.seochoGrandparentCarer, birthYear: 1953, relation: 'SPOUSE' },
    { id: memberId(6), householdId: HOUSEHOLD.seochoGrandparentCarer, birthYear: 2018, relation: 'GRANDCHILD' },
    { id: memberId(7), householdId: HOUSEHOLD.seochoGrandparentCarer, birthYear: 2021, relation: 'GRANDCHILD' },
  ])
}
