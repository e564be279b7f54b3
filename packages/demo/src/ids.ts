/**
 * Fixed ids of the demo data, shared so that each subgraph's demo rows can refer to the others'
 * entities (a program's provider, an item's centre) without any subgraph reading another's tables.
 * The prefix tells the entity type: 1 organisation, 2 centre, 3 program, 4 donation item,
 * 5 household, 6 council, 7 referral.
 */
const id = (prefix: number, n: number) => `${prefix}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

export const ORG = {
  sejongCity: id(1, 1),
  sejongHappyMomsCenterOperator: id(1, 2),
  toyLaundry: id(1, 3),
  sejongMomsCommunity: id(1, 4),
  seoulCity: id(1, 5),
  seodaemunGu: id(1, 6),
  hongje1Dong: id(1, 7),
  seodaemunSocialWelfareCouncil: id(1, 8),
  seochoGu: id(1, 9),
  seochoNubidan: id(1, 10),
  seochoHealthCentre: id(1, 11),
  seochoWelfareFoundation: id(1, 12),
} as const

export const CENTRE = {
  sejongHappyMomsCenter: id(2, 1),
  hongje1DongCentre: id(2, 2),
  chunghyeonDongCentre: id(2, 3),
  sinchonDongCentre: id(2, 4),
  seochoSocialWelfareCentre: id(2, 5),
  seochoHealthCentre: id(2, 6),
  banpo2DongCentre: id(2, 7),
} as const

export const PROGRAM = {
  prenatalClass: id(3, 1),
  reEmploymentTraining: id(3, 2),
  toyAndBabyGoodsSharing: id(3, 3),
  visitingNurseCare: id(3, 4),
  hyodoBus: id(3, 5),
  emergencyLivelihoodSupport: id(3, 6),
  elderlyLunchDelivery: id(3, 7),
} as const

export const DONATION_ITEM = {
  stroller: id(4, 1),
  carSeat: id(4, 2),
  babyClothes: id(4, 3),
  blockToys: id(4, 4),
  picturebooks: id(4, 5),
} as const

export const HOUSEHOLD = {
  sejongSingleMother: id(5, 1),
  hongjeElderlyAlone: id(5, 2),
  seochoGrandparentCarer: id(5, 3),
} as const

export const COUNCIL = {
  seochoNorth: id(6, 1),
  seochoSouth: id(6, 2),
  seochoEast: id(6, 3),
  seochoWest: id(6, 4),
  seodaemunSocialWelfare: id(6, 5),
} as const

export const REFERRAL = {
  seochoLunchDelivery: id(7, 1),
} as const
