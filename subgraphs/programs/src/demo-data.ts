import { CENTRE, ORG, PROGRAM } from '@nanum/demo'
import type { Database } from '@nanum/db'
import { insertProgramCentres, insertPrograms } from './db/queries.js'

/** Programs from the seed documents (Sejong's Happy Mom's Center, Seodaemun's welfare hubs, Seocho-gu). */
export async function seedDemoData({ db }: Database) {
  await insertPrograms(db, [
    {
      id: PROGRAM.prenatalClass,
      name: '임산부 태교 교실 (Prenatal Class)',
      description:
        'Weekly classes for expectant mothers on health, nutrition and preparing for birth, held in the Ondol-heated education room of the Happy Mom\'s Center.',
      category: 'PREGNANCY',
      lifeStages: ['PREGNANCY'],
      providerOrganisationId: ORG.sejongHappyMomsCenterOperator,
      eligibilitySummary: 'Pregnant residents of Sejong and their partners.',
      capacity: 20,
      seatsTaken: 12,
    },
    {
      id: PROGRAM.reEmploymentTraining,
      name: '경력단절 여성 재취업 교육 (Re-employment Training)',
      description:
        'Education and a barista club in the lobby café for women whose careers were broken by marriage, pregnancy, childbirth or childcare, preparing them for re-employment and start-ups.',
      category: 'EMPLOYMENT',
      lifeStages: ['ADULTHOOD'],
      providerOrganisationId: ORG.sejongHappyMomsCenterOperator,
      eligibilitySummary: 'Women in Sejong on a career break.',
      capacity: 15,
      seatsTaken: 9,
    },
    {
      id: PROGRAM.toyAndBabyGoodsSharing,
      name: '아나바다 장난감·육아용품 나눔 (Anabada Toy and Baby Goods Sharing)',
      description:
        'Baby goods donated by a mothers\' online community and cleaned by a toy laundry company are passed on to low-income families (Anabada: save, share, exchange, reuse), with the centre as intermediary.',
      category: 'CHILDCARE',
      lifeStages: ['INFANCY', 'CHILDHOOD'],
      providerOrganisationId: ORG.sejongHappyMomsCenterOperator,
      eligibilitySummary: 'Low-income families with babies or young children.',
    },
    {
      id: PROGRAM.visitingNurseCare,
      name: '방문간호 (Visiting Nurse Care)',
      description:
        'Nurses assigned to community service centres visit older people and households with infants who find it hard to come in, and provide health care at home ("reaching out welfare").',
      category: 'HEALTHCARE',
      lifeStages: ['INFANCY', 'OLD_AGE'],
      providerOrganisationId: ORG.seochoHealthCentre,
      eligibilitySummary: 'Residents of Seocho-gu aged 65 or over, and households with infants.',
      capacity: 120,
      seatsTaken: 87,
    },
    {
      id: PROGRAM.hyodoBus,
      name: '효도버스 (Hyodo Bus)',
      description:
        'A free shuttle for older people who live where public transport is poor or who cannot afford it, running in the four regions of Seocho-gu; about 2,000 people ride it a month.',
      category: 'TRANSPORT',
      lifeStages: ['OLD_AGE'],
      providerOrganisationId: ORG.seochoGu,
      eligibilitySummary: 'Older residents of Seocho-gu.',
    },
    {
      id: PROGRAM.emergencyLivelihoodSupport,
      name: '긴급 생계 지원 (Emergency Livelihood Support)',
      description:
        'Immediate living-cost support for households in welfare blind spots found by the dong welfare hubs\' visits and investigations.',
      category: 'FINANCIAL_AID',
      lifeStages: ['ADULTHOOD', 'OLD_AGE'],
      providerOrganisationId: ORG.seodaemunGu,
      eligibilitySummary: 'Households in Seodaemun-gu in a sudden crisis (loss of income, illness, bereavement) with no other support.',
    },
    {
      id: PROGRAM.elderlyLunchDelivery,
      name: '어르신 도시락 배달 (Elderly Lunch Delivery)',
      description: 'Lunch boxes delivered on weekdays to older people living alone, by staff and volunteers of the social welfare centre.',
      category: 'FOOD',
      lifeStages: ['OLD_AGE'],
      providerOrganisationId: ORG.seochoWelfareFoundation,
      eligibilitySummary: 'Low-income residents of Seocho-gu aged 65 or over who live alone.',
      capacity: 60,
      seatsTaken: 52,
    },
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
}
