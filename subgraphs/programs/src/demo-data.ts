import { CENTRE, HOUSEHOLD, ORG, PROGRAM, REFERRAL } from '@nanum/demo'
import type { Database } from '@nanum/db'
import { insertProgramCentres, insertPrograms, insertProgramSessions } from './db/queries.js'
import { insertReferralsWithHistory } from './db/referral-queries.js'
import { DAYS_OF_WEEK } from '@nanum/locale'
import type { NewProgramRow } from './db/tables.js'

const WEEKDAYS = DAYS_OF_WEEK.slice(0, 5)
const weekdays = (programId: string, opens: string, closes: string) => WEEKDAYS.map((day) => ({ programId, day, opens, closes }))

const SEJONG = [{ district: '세종시', dong: null }]
const SEOCHO = [{ district: '서초구', dong: null }]
const SEODAEMUN = [{ district: '서대문구', dong: null }]

/** Programs from the seed documents (Sejong's Happy Mom's Center, Seodaemun's welfare hubs, Seocho-gu). */
export const DEMO_PROGRAMS: (NewProgramRow & { id: string })[] = [
  {
    id: PROGRAM.prenatalClass,
    name: '임산부 태교 교실',
    alternateName: 'Prenatal Class',
    description:
      "Weekly classes for expectant mothers on health, nutrition and preparing for birth, held in the Ondol-heated education room of the Happy Mom's Center; fathers' sessions at weekends.",
    category: 'PREGNANCY',
    lifeStages: ['PREGNANCY'],
    targetGroups: ['PREGNANT_WOMEN'],
    providerOrganisationId: ORG.sejongHappyMomsCenterOperator,
    funding: 'PUBLIC',
    serviceAreas: SEJONG,
    residencyRequired: true,
    requiredHouseholdFlags: ['PREGNANT'],
    requiredDocuments: ['임신확인서 (Certificate of pregnancy)'],
    eligibilityDescription: 'Pregnant residents of Sejong and their partners.',
    cost: 0,
    capacity: 20,
    seatsTaken: 12,
    scheduleDescription: 'Tuesday mornings and Thursday afternoons; fathers on Saturday mornings.',
    howToApply: ['WALK_IN', 'ONLINE'],
    applicationUrl: 'https://www.sejong.go.kr',
    languages: ['ko'],
  },
  {
    id: PROGRAM.reEmploymentTraining,
    name: '경력단절 여성 재취업 교육',
    alternateName: 'Re-employment Training',
    description:
      'Education and a barista club in the lobby café for women whose careers were broken by marriage, pregnancy, childbirth or childcare, preparing them for re-employment and start-ups.',
    category: 'EMPLOYMENT',
    lifeStages: ['ADULTHOOD'],
    targetGroups: ['CAREER_BREAK_WOMEN'],
    providerOrganisationId: ORG.sejongHappyMomsCenterOperator,
    coProviderOrganisationIds: [ORG.sejongMomsCommunity],
    funding: 'JOINT',
    serviceAreas: SEJONG,
    minAge: 19,
    residencyRequired: true,
    eligibilityDescription: 'Women in Sejong on a career break.',
    cost: 0,
    costDescription: 'Free; barista club ingredients are donated.',
    capacity: 15,
    seatsTaken: 9,
    scheduleDescription: 'Monday and Wednesday mornings, in 12-week terms.',
    howToApply: ['WALK_IN', 'PHONE'],
    languages: ['ko'],
  },
  {
    id: PROGRAM.toyAndBabyGoodsSharing,
    name: '아나바다 장난감·육아용품 나눔',
    alternateName: 'Anabada Toy and Baby Goods Sharing',
    description:
      "Baby goods donated by a mothers' online community and cleaned by a toy laundry company are passed on to low-income families (Anabada: save, share, exchange, reuse), with the centre as intermediary.",
    category: 'CHILDCARE',
    lifeStages: ['INFANCY', 'CHILDHOOD'],
    targetGroups: ['LOW_INCOME', 'INFANTS', 'CHILDREN'],
    providerOrganisationId: ORG.sejongHappyMomsCenterOperator,
    coProviderOrganisationIds: [ORG.toyLaundry, ORG.sejongMomsCommunity],
    funding: 'JOINT',
    serviceAreas: SEJONG,
    maxIncomeBand: 'BELOW_50_PERCENT_MEDIAN',
    residencyRequired: true,
    eligibilityDescription: 'Low-income families with babies or young children.',
    cost: 0,
    scheduleDescription: 'Goods are handed over at the centre when a match is made.',
    howToApply: ['WALK_IN', 'REFERRAL_ONLY'],
    languages: ['ko'],
  },
  {
    id: PROGRAM.visitingNurseCare,
    name: '방문간호',
    alternateName: 'Visiting Nurse Care',
    description:
      'Nurses assigned to community service centres visit older people and households with infants who find it hard to come in, and provide health care at home ("reaching out welfare").',
    category: 'HEALTHCARE',
    lifeStages: ['INFANCY', 'OLD_AGE'],
    targetGroups: ['OLDER_PEOPLE', 'ELDERLY_LIVING_ALONE', 'INFANTS'],
    providerOrganisationId: ORG.seochoHealthCentre,
    funding: 'PUBLIC',
    serviceAreas: SEOCHO,
    residencyRequired: true,
    eligibilityDescription: 'Residents of Seocho-gu aged 65 or over, and households with infants.',
    cost: 0,
    capacity: 120,
    seatsTaken: 87,
    scheduleDescription: 'Home visits on weekdays, booked by the community service centre.',
    howToApply: ['REFERRAL_ONLY', 'PHONE'],
    languages: ['ko'],
  },
  {
    id: PROGRAM.hyodoBus,
    name: '효도버스',
    alternateName: 'Hyodo Bus',
    description:
      'A free shuttle for older people who live where public transport is poor or who cannot afford it, running in the four regions of Seocho-gu; about 2,000 people ride it a month.',
    category: 'TRANSPORT',
    lifeStages: ['OLD_AGE'],
    targetGroups: ['OLDER_PEOPLE'],
    providerOrganisationId: ORG.seochoGu,
    coProviderOrganisationIds: [ORG.seochoWelfareFoundation],
    funding: 'JOINT',
    serviceAreas: SEOCHO,
    minAge: 65,
    residencyRequired: true,
    eligibilityDescription: 'Older residents of Seocho-gu.',
    cost: 0,
    scheduleDescription: 'Weekdays 10:00 to 16:00 on four regional routes.',
    howToApply: ['WALK_IN'],
    languages: ['ko'],
  },
  {
    id: PROGRAM.emergencyLivelihoodSupport,
    name: '긴급 생계 지원',
    alternateName: 'Emergency Livelihood Support',
    description:
      "Immediate living-cost support for households in welfare blind spots found by the dong welfare hubs' visits and investigations.",
    category: 'FINANCIAL_AID',
    lifeStages: ['ADULTHOOD', 'OLD_AGE'],
    targetGroups: ['CRISIS_HOUSEHOLDS', 'LOW_INCOME'],
    providerOrganisationId: ORG.seodaemunGu,
    coProviderOrganisationIds: [ORG.seodaemunSocialWelfareCouncil],
    funding: 'PUBLIC',
    serviceAreas: SEODAEMUN,
    maxIncomeBand: 'BELOW_75_PERCENT_MEDIAN',
    residencyRequired: true,
    requiredDocuments: ['신분증 (Identity card)', '위기 사유 확인 서류 (Proof of the crisis)'],
    eligibilityDescription:
      'Households in Seodaemun-gu in a sudden crisis (loss of income, illness, bereavement) with no other support.',
    cost: 0,
    scheduleDescription: 'Apply at any community service centre of Seodaemun-gu during opening hours.',
    howToApply: ['WALK_IN', 'REFERRAL_ONLY'],
    languages: ['ko'],
  },
  {
    id: PROGRAM.elderlyLunchDelivery,
    name: '어르신 도시락 배달',
    alternateName: 'Elderly Lunch Delivery',
    description: 'Lunch boxes delivered on weekdays to older people living alone, by staff and volunteers of the social welfare centre.',
    category: 'FOOD',
    lifeStages: ['OLD_AGE'],
    targetGroups: ['ELDERLY_LIVING_ALONE', 'LOW_INCOME'],
    providerOrganisationId: ORG.seochoWelfareFoundation,
    coProviderOrganisationIds: [ORG.seochoNubidan],
    funding: 'PRIVATE',
    serviceAreas: [
      { district: '서초구', dong: '서초3동' },
      { district: '서초구', dong: '반포2동' },
    ],
    minAge: 65,
    maxIncomeBand: 'NEAR_POOR',
    residencyRequired: true,
    requiredHouseholdFlags: ['ELDERLY_LIVING_ALONE'],
    eligibilityDescription: 'Low-income residents of Seocho-gu aged 65 or over who live alone.',
    cost: 0,
    capacity: 60,
    seatsTaken: 52,
    scheduleDescription: 'Delivered weekdays around noon.',
    howToApply: ['REFERRAL_ONLY'],
    languages: ['ko'],
  },
]

export async function seedDemoData({ db }: Database) {
  await insertPrograms(db, DEMO_PROGRAMS)
  await insertProgramSessions(db, [
    { programId: PROGRAM.prenatalClass, day: 'TUESDAY', opens: '10:00', closes: '12:00' },
    { programId: PROGRAM.prenatalClass, day: 'THURSDAY', opens: '14:00', closes: '16:00' },
    { programId: PROGRAM.prenatalClass, day: 'SATURDAY', opens: '10:00', closes: '12:00' },
    { programId: PROGRAM.reEmploymentTraining, day: 'MONDAY', opens: '10:00', closes: '13:00' },
    { programId: PROGRAM.reEmploymentTraining, day: 'WEDNESDAY', opens: '10:00', closes: '13:00' },
    ...weekdays(PROGRAM.visitingNurseCare, '09:00', '18:00'),
    ...weekdays(PROGRAM.hyodoBus, '10:00', '16:00'),
    ...weekdays(PROGRAM.emergencyLivelihoodSupport, '09:00', '18:00'),
    ...weekdays(PROGRAM.elderlyLunchDelivery, '11:00', '13:00'),
  ])
  await insertProgramCentres(db, [
    { programId: PROGRAM.prenatalClass, centreId: CENTRE.sejongHappyMomsCenter },
    { programId: PROGRAM.reEmploymentTraining, centreId: CENTRE.sejongHappyMomsCenter },
    { programId: PROGRAM.toyAndBabyGoodsSharing, centreId: CENTRE.sejongHappyMomsCenter },
    { programId: PROGRAM.visitingNurseCare, centreId: CENTRE.seochoHealthCentre },
    { programId: PROGRAM.visitingNurseCare, centreId: CENTRE.banpo2DongCentre },
    { programId: PROGRAM.hyodoBus, centreId: CENTRE.banpo2DongCentre },
    { programId: PROGRAM.hyodoBus, centreId: CENTRE.seochoSocialWelfareCentre },
    { programId: PROGRAM.emergencyLivelihoodSupport, centreId: CENTRE.hongje1DongCentre },
    { programId: PROGRAM.emergencyLivelihoodSupport, centreId: CENTRE.chunghyeonDongCentre },
    { programId: PROGRAM.emergencyLivelihoodSupport, centreId: CENTRE.sinchonDongCentre },
    { programId: PROGRAM.elderlyLunchDelivery, centreId: CENTRE.seochoSocialWelfareCentre },
  ])
  // Seocho-gu's Banpo 2-dong centre refers the grandparent carers (who agreed to be referred) to
  // the Welfare Foundation's lunch delivery, which has accepted: the Foundation's inbox has it.
  // Fixed ids (the transitions' too) keep the seeding idempotent.
  const sentAt = new Date('2026-01-05T01:30:00Z')
  const acceptedAt = new Date('2026-01-06T05:00:00Z')
  await insertReferralsWithHistory(
    db,
    [
      {
        id: REFERRAL.seochoLunchDelivery,
        householdId: HOUSEHOLD.seochoGrandparentCarer,
        programId: PROGRAM.elderlyLunchDelivery,
        fromOrganisationId: ORG.seochoGu,
        fromCentreId: CENTRE.banpo2DongCentre,
        fromUserId: 'demo',
        toOrganisationId: ORG.seochoWelfareFoundation,
        reason: 'Grandparents raising two grandchildren; the grandmother has diabetes and cannot cook every day',
        urgency: 'SOON',
        status: 'ACCEPTED',
        consentUntil: new Date(Date.UTC(2030, 0, 1)),
        sentAt,
        expiresAt: new Date(sentAt.getTime() + 14 * 86_400_000),
        acceptedAt,
        updatedAt: acceptedAt,
      },
    ],
    [
      { id: '70000000-0000-4000-8001-000000000001', referralId: REFERRAL.seochoLunchDelivery, fromStatus: null, toStatus: 'SENT', byUserId: 'demo', byOrganisationId: ORG.seochoGu, note: 'Please start before the school holidays', at: sentAt },
      { id: '70000000-0000-4000-8001-000000000002', referralId: REFERRAL.seochoLunchDelivery, fromStatus: 'SENT', toStatus: 'ACCEPTED', byUserId: 'demo', byOrganisationId: ORG.seochoWelfareFoundation, note: 'Deliveries can start next Monday', at: acceptedAt },
    ],
  )
}
