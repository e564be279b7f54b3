import { CENTRE, HOUSEHOLD, ORG, REFERRAL } from '@nanum/demo'
import type { Database } from '@nanum/db'
import { insertConsents, insertHouseholdMembers, insertHouseholds, insertReferralAccess, insertStatusChanges, insertVisits } from './db/queries.js'

/** Member ids follow the demo id pattern with the household prefix 5 and group 8001 (8002 status changes, 8003 consents, 8004 visits). */
const memberId = (n: number) => `50000000-0000-4000-8001-${n.toString(16).padStart(12, '0')}`
const recordId = (group: number, n: number) => `50000000-0000-4000-${group}-${n.toString(16).padStart(12, '0')}`

/**
 * Three households from the seed documents: a single mother with an infant supported by
 * Sejong's Happy Mom's Center, an older person living alone found by Hongje 1-dong's
 * reaching-out visits, and grandparents raising grandchildren in Seocho-gu (the Grandchildren
 * Caregivers program), with fictitious names and addresses. The Seocho household consents to the
 * Seocho Health Centre seeing its sensitive data for service provision (visiting nurse care) and
 * to Seocho-gu referring it onward (its referral to the Welfare Foundation's lunch delivery is
 * accepted), and a Nubidan volunteer has a visit planned to the Hongje household. References are
 * random, drawn at the first insert.
 */
export async function seedDemoData({ db }: Database) {
  await insertHouseholds(db, [
    {
      id: HOUSEHOLD.sejongSingleMother,
      district: '세종시',
      dong: '도담동',
      address: '세종특별자치시 도담동 (demo) 12-3, 201호',
      contactPhone: '010-0000-0001',
      incomeBand: 'NEAR_POOR',
      housingSituation: 'MONTHLY_RENT',
      discoverySource: 'WALK_IN',
      vulnerabilityFlags: ['SINGLE_PARENT', 'INFANT'],
      status: 'SUPPORTED',
      handlingCentreId: CENTRE.sejongHappyMomsCenter,
      handlingOrganisationId: ORG.sejongHappyMomsCenterOperator,
    },
    {
      id: HOUSEHOLD.hongjeElderlyAlone,
      district: '서대문구',
      dong: '홍제1동',
      address: '서울특별시 서대문구 홍제1동 (demo) 45, 지하 1층',
      contactPhone: '02-0000-0002',
      incomeBand: 'BASIC_LIVELIHOOD_RECIPIENT',
      housingSituation: 'SEMI_BASEMENT_OR_ROOFTOP',
      discoverySource: 'UTILITY_ARREARS_SIGNAL',
      discoveredBy: 'Hongje 1-dong reaching-out team',
      vulnerabilityFlags: ['ELDERLY_LIVING_ALONE'],
      status: 'MONITORING',
      handlingCentreId: CENTRE.hongje1DongCentre,
      handlingOrganisationId: ORG.hongje1Dong,
    },
    {
      id: HOUSEHOLD.seochoGrandparentCarer,
      district: '서초구',
      dong: '반포2동',
      address: '서울특별시 서초구 반포2동 (demo) 7, 102동 304호',
      contactPhone: '010-0000-0003',
      incomeBand: 'BELOW_50_PERCENT_MEDIAN',
      housingSituation: 'PUBLIC_RENTAL',
      discoverySource: 'VOLUNTEER_GROUP',
      discoveredBy: 'Seocho Nubidan',
      discoveredByOrganisationId: ORG.seochoNubidan,
      vulnerabilityFlags: ['GRANDPARENT_CAREGIVER'],
      status: 'ASSESSED',
      handlingCentreId: CENTRE.banpo2DongCentre,
      handlingOrganisationId: ORG.seochoGu,
    },
  ])
  await insertHouseholdMembers(db, [
    { id: memberId(1), householdId: HOUSEHOLD.sejongSingleMother, name: '김하나 (demo)', birthYear: 1994, relation: 'HEAD' },
    { id: memberId(2), householdId: HOUSEHOLD.sejongSingleMother, name: '김별 (demo)', birthYear: 2025, birthDate: '2025-09-14', relation: 'CHILD' },
    { id: memberId(3), householdId: HOUSEHOLD.hongjeElderlyAlone, name: '이순례 (demo)', birthYear: 1941, relation: 'HEAD', hasDisability: true, healthNotes: 'Hypertension; walks with a cane' },
    { id: memberId(4), householdId: HOUSEHOLD.seochoGrandparentCarer, name: '박정호 (demo)', birthYear: 1956, relation: 'HEAD' },
    { id: memberId(5), householdId: HOUSEHOLD.seochoGrandparentCarer, name: '최영희 (demo)', birthYear: 1953, relation: 'SPOUSE', healthNotes: 'Diabetes' },
    { id: memberId(6), householdId: HOUSEHOLD.seochoGrandparentCarer, name: '박민준 (demo)', birthYear: 2018, relation: 'GRANDCHILD' },
    { id: memberId(7), householdId: HOUSEHOLD.seochoGrandparentCarer, name: '박서연 (demo)', birthYear: 2021, relation: 'GRANDCHILD' },
  ])
  const reported = (n: number, householdId: string, organisationId: string) => ({
    id: recordId(8002, n),
    householdId,
    toStatus: 'IDENTIFIED' as const,
    reason: 'Reported (demo data)',
    changedByUserId: 'demo',
    changedByOrganisationId: organisationId,
  })
  await insertStatusChanges(db, [
    reported(1, HOUSEHOLD.sejongSingleMother, ORG.sejongHappyMomsCenterOperator),
    reported(2, HOUSEHOLD.hongjeElderlyAlone, ORG.hongje1Dong),
    reported(3, HOUSEHOLD.seochoGrandparentCarer, ORG.seochoGu),
  ])
  await insertConsents(db, [
    {
      id: recordId(8003, 1),
      householdId: HOUSEHOLD.seochoGrandparentCarer,
      organisationId: ORG.seochoHealthCentre,
      purposes: ['SERVICE_PROVISION'],
      categories: ['COARSE', 'IDENTIFYING', 'SENSITIVE'],
      expiresAt: new Date(Date.UTC(2030, 0, 1)),
      recordedByUserId: 'demo',
      recordedByOrganisationId: ORG.seochoGu,
    },
    {
      id: recordId(8003, 2),
      householdId: HOUSEHOLD.seochoGrandparentCarer,
      organisationId: ORG.seochoGu,
      purposes: ['REFERRAL'],
      categories: ['COARSE'],
      expiresAt: new Date(Date.UTC(2030, 0, 1)),
      recordedByUserId: 'demo',
      recordedByOrganisationId: ORG.seochoGu,
    },
  ])
  // The programs subgraph's demo referral of this household to the Welfare Foundation, accepted.
  await insertReferralAccess(db, {
    referralId: REFERRAL.seochoLunchDelivery,
    householdId: HOUSEHOLD.seochoGrandparentCarer,
    organisationId: ORG.seochoWelfareFoundation,
    grantedByOrganisationId: ORG.seochoGu,
    grantedByUserId: 'demo',
    consentUntil: new Date(Date.UTC(2030, 0, 1)),
    until: new Date(Date.UTC(2030, 0, 1)),
  })
  await insertVisits(db, [
    {
      id: recordId(8004, 1),
      householdId: HOUSEHOLD.hongjeElderlyAlone,
      assigneeUserId: 'demo-volunteer',
      assigneeOrganisationId: ORG.hongje1Dong,
      visitorRole: 'VOLUNTEER',
      scheduledFor: new Date(Date.UTC(2030, 0, 6, 1, 0)),
      scheduledByUserId: 'demo',
    },
  ])
}
