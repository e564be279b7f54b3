import { CENTRE, DONATION_ITEM, HOUSEHOLD, ORG } from '@nanum/demo'
import type { Database } from '@nanum/db'
import { insertDonationItems, insertMatches, insertNeeds } from './db/queries.js'
import { hashHandoverCode } from './rules/handover-code.js'

/**
 * Anabada baby goods at Sejong's Happy Mom's Center: donated by the Sejong mothers' online
 * community and by the toy laundry company that cleans them, passed on by the centre to
 * low-income families.
 */
export async function seedDemoData({ db }: Database) {
  const heldAtCentreId = CENTRE.sejongHappyMomsCenter
  const intake = { heldAtCentreId, district: '세종시', dong: '보람동', intermediaryOrganisationId: ORG.sejongHappyMomsCenterOperator }
  await insertDonationItems(db, [
    {
      id: DONATION_ITEM.stroller,
      title: '휴대용 유모차 (Lightweight stroller)',
      description: '접이식, 등받이 각도 조절 가능. 세척 및 소독 완료. (Foldable, adjustable backrest; cleaned and disinfected.)',
      category: 'STROLLER',
      condition: 'GOOD',
      minAgeMonths: 1,
      maxAgeMonths: 36,
      quantity: 1,
      status: 'AVAILABLE',
      ...intake,
      donorOrganisationId: ORG.sejongMomsCommunity,
      listedAt: new Date('2026-11-10T01:00:00.000Z'),
    },
    {
      id: DONATION_ITEM.carSeat,
      title: '신생아용 카시트 (Infant car seat)',
      description: '후방 장착형, 신생아 쿠션 포함. (Rear-facing, with newborn insert.)',
      category: 'CAR_SEAT',
      condition: 'LIKE_NEW',
      minAgeMonths: 0,
      maxAgeMonths: 15,
      quantity: 1,
      status: 'ALLOCATED',
      ...intake,
      donorOrganisationId: ORG.sejongMomsCommunity,
      listedAt: new Date('2026-11-12T02:30:00.000Z'),
    },
    {
      id: DONATION_ITEM.babyClothes,
      title: '아기 옷 80-90 사이즈 묶음 (Baby clothes, sizes 80-90)',
      description: '내복, 우주복, 외출복 12벌. 세탁 완료. (Twelve pieces: underwear, rompers, outdoor wear; washed.)',
      category: 'BABY_CLOTHING',
      condition: 'GOOD',
      minAgeMonths: 12,
      maxAgeMonths: 24,
      quantity: 12,
      status: 'AVAILABLE',
      ...intake,
      donorOrganisationId: ORG.sejongMomsCommunity,
      listedAt: new Date('2026-11-14T05:00:00.000Z'),
    },
    {
      id: DONATION_ITEM.blockToys,
      title: '블록 장난감 세트 (Building block set)',
      description: '장난감 세탁소에서 세척·살균한 대형 블록 120개. (120 large blocks, washed and sterilised by the toy laundry.)',
      category: 'TOYS',
      condition: 'GOOD',
      minAgeMonths: 18,
      maxAgeMonths: 60,
      quantity: 2,
      status: 'AVAILABLE',
      ...intake,
      donorOrganisationId: ORG.toyLaundry,
      cleanedByOrganisationId: ORG.toyLaundry,
      cleanedAt: new Date('2026-11-16T06:00:00.000Z'),
      inspectedAt: new Date('2026-11-16T08:00:00.000Z'),
      listedAt: new Date('2026-11-17T00:45:00.000Z'),
    },
    {
      id: DONATION_ITEM.picturebooks,
      title: '그림책 20권 (Twenty picture books)',
      description: '한글 그림책과 영어 그림책. (Korean and English picture books.)',
      category: 'BOOKS',
      condition: 'LIKE_NEW',
      minAgeMonths: 12,
      maxAgeMonths: 72,
      quantity: 20,
      status: 'AVAILABLE',
      ...intake,
      donorOrganisationId: ORG.sejongMomsCommunity,
      listedAt: new Date('2026-11-19T03:15:00.000Z'),
    },
  ])

  // The single mother's family in Sejong has a newborn: the centre recorded her need for a car
  // seat (with her consent for DONATION_MATCHING) and reserved the donated one for her.
  const needId = '70000000-0000-4000-8000-000000000001'
  await insertNeeds(db, [
    {
      id: needId,
      householdId: HOUSEHOLD.sejongSingleMother,
      category: 'CAR_SEAT',
      childAgeMonths: 1,
      quantity: 1,
      quantityOpen: 0,
      urgency: 'URGENT',
      status: 'MATCHED',
      district: '세종시',
      dong: '보람동',
      vulnerabilityScore: 70,
      consentConfirmedAt: new Date('2026-11-12T01:00:00.000Z'),
      consentUntil: new Date('2027-11-12T00:00:00.000Z'),
      recordedByOrganisationId: ORG.sejongHappyMomsCenterOperator,
      recordedByUserId: 'demo-intermediary',
      createdAt: new Date('2026-11-12T01:00:00.000Z'),
    },
  ])
  const matchId = '80000000-0000-4000-8000-000000000001'
  await insertMatches(db, [
    {
      id: matchId,
      itemId: DONATION_ITEM.carSeat,
      needId,
      householdId: HOUSEHOLD.sejongSingleMother,
      quantity: 1,
      status: 'ALLOCATED',
      score: 82.5,
      method: 'PICKUP',
      scheduledAt: new Date('2026-11-20T05:00:00.000Z'),
      // The demo household's code is HAPPY-MOM1 (published so the demo can confirm a handover).
      codeHash: hashHandoverCode(matchId, 'HAPPY-MOM1'),
      createdByOrganisationId: ORG.sejongHappyMomsCenterOperator,
      createdByUserId: 'demo-intermediary',
      createdAt: new Date('2026-11-13T01:00:00.000Z'),
    },
  ])
}
