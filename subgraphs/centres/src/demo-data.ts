import { CENTRE, ORG } from '@nanum/demo'
import type { Database } from '@nanum/db'
import { insertCentres, insertOrganisations } from './db/queries.js'
import type { OpeningHoursEntry } from './db/tables.js'

const weekdays = (opens: string, closes: string): OpeningHoursEntry[] =>
  (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((day) => ({ day, opens, closes }))

/** Organisations and centres from the seed documents (Sejong, Seoul/Seodaemun, Seocho). */
export async function seedDemoData({ db }: Database) {
  await insertOrganisations(db, [
    { id: ORG.sejongCity, name: '세종특별자치시청 (Sejong City Hall)', sector: 'PUBLIC', kind: 'CITY_GOVERNMENT', phone: '044-120', website: 'https://www.sejong.go.kr' },
    { id: ORG.sejongHappyMomsCenterOperator, name: '세종시 행복맘센터 운영위원회 (Happy Mom\'s Center Committee)', sector: 'NONPROFIT', kind: 'WELFARE_FOUNDATION', phone: '044-300-7000' },
    { id: ORG.toyLaundry, name: '장난감 세탁소 (Toy Laundry Co.)', sector: 'PRIVATE', kind: 'COMPANY', email: 'hello@toylaundry.example' },
    { id: ORG.sejongMomsCommunity, name: '세종맘 온라인 커뮤니티 (Sejong Moms Community)', sector: 'NONPROFIT', kind: 'COMMUNITY_GROUP' },
    { id: ORG.seoulCity, name: '서울특별시 (Seoul Metropolitan Government)', sector: 'PUBLIC', kind: 'CITY_GOVERNMENT', phone: '02-120', website: 'https://www.seoul.go.kr' },
    { id: ORG.seodaemunGu, name: '서대문구청 (Seodaemun-gu Office)', sector: 'PUBLIC', kind: 'DISTRICT_OFFICE', phone: '02-330-1114', website: 'https://www.sdm.go.kr' },
    { id: ORG.hongje1Dong, name: '홍제1동 주민센터 (Hongje 1-dong Office)', sector: 'PUBLIC', kind: 'COMMUNITY_SERVICE_CENTRE_OPERATOR', phone: '02-330-8000' },
    { id: ORG.seodaemunSocialWelfareCouncil, name: '서대문구 사회복지협의회 (Seodaemun Council on Social Welfare)', sector: 'NONPROFIT', kind: 'WELFARE_FOUNDATION' },
    { id: ORG.seochoGu, name: '서초구청 (Seocho-gu Office)', sector: 'PUBLIC', kind: 'DISTRICT_OFFICE', phone: '02-2155-6114', website: 'https://www.seocho.go.kr' },
    { id: ORG.seochoNubidan, name: '서초 누비단 (Seocho Nubidan)', sector: 'NONPROFIT', kind: 'VOLUNTEER_GROUP' },
    { id: ORG.seochoHealthCentre, name: '서초구 보건소 (Seocho-gu Public Health Centre)', sector: 'PUBLIC', kind: 'HEALTH_CENTRE', phone: '02-2155-8000' },
    { id: ORG.seochoWelfareFoundation, name: '서초구 복지재단 (Seocho Welfare Foundation)', sector: 'NONPROFIT', kind: 'WELFARE_FOUNDATION' },
  ])
  await insertCentres(db, [
    { id: CENTRE.sejongHappyMomsCenter, name: '세종시 행복맘센터 (Sejong Happy Mom\'s Center)', kind: 'FAMILY_CENTRE', organisationId: ORG.sejongHappyMomsCenterOperator, district: '세종시', dong: '도담동', address: '세종특별자치시 도담동 도움6로 11', latitude: 36.5137, longitude: 127.2596, phone: '044-300-7000', openingHours: [...weekdays('09:00', '18:00'), { day: 'SATURDAY', opens: '10:00', closes: '15:00' }] },
    { id: CENTRE.hongje1DongCentre, name: '홍제1동 주민센터 (Hongje 1-dong Community Service Centre)', kind: 'WELFARE_HUB', organisationId: ORG.hongje1Dong, district: '서대문구', dong: '홍제1동', address: '서울특별시 서대문구 세검정로4길 32', latitude: 37.5869, longitude: 126.945, phone: '02-330-8000', openingHours: weekdays('09:00', '18:00') },
    { id: CENTRE.chunghyeonDongCentre, name: '충현동 주민센터 (Chunghyeon-dong Community Service Centre)', kind: 'WELFARE_HUB', organisationId: ORG.seodaemunGu, district: '서대문구', dong: '충현동', address: '서울특별시 서대문구 충정로 54', latitude: 37.5614, longitude: 126.9619, phone: '02-330-8010', openingHours: weekdays('09:00', '18:00') },
    { id: CENTRE.sinchonDongCentre, name: '신촌동 주민센터 (Sinchon-dong Community Service Centre)', kind: 'COMMUNITY_SERVICE_CENTRE', organisationId: ORG.seodaemunGu, district: '서대문구', dong: '신촌동', address: '서울특별시 서대문구 신촌로 201', latitude: 37.5596, longitude: 126.9425, phone: '02-330-8020', openingHours: weekdays('09:00', '18:00') },
    { id: CENTRE.seochoSocialWelfareCentre, name: '서초구 종합사회복지관 (Seocho Social Welfare Centre)', kind: 'SOCIAL_WELFARE_CENTRE', organisationId: ORG.seochoWelfareFoundation, district: '서초구', dong: '서초3동', address: '서울특별시 서초구 반포대로 58', latitude: 37.4837, longitude: 127.0324, phone: '02-2155-7000', openingHours: weekdays('09:00', '18:00') },
    { id: CENTRE.seochoHealthCentre, name: '서초구 보건소 (Seocho-gu Public Health Centre)', kind: 'HEALTH_CENTRE', organisationId: ORG.seochoHealthCentre, district: '서초구', dong: null, address: '서울특별시 서초구 남부순환로 2584', latitude: 37.4836, longitude: 127.0327, phone: '02-2155-8000', openingHours: weekdays('09:00', '18:00') },
    { id: CENTRE.banpo2DongCentre, name: '반포2동 주민센터 (Banpo 2-dong Community Service Centre)', kind: 'COMMUNITY_SERVICE_CENTRE', organisationId: ORG.seochoGu, district: '서초구', dong: '반포2동', address: '서울특별시 서초구 신반포로 54', latitude: 37.5051, longitude: 126.9956, phone: '02-2155-8800', openingHours: weekdays('09:00', '18:00') },
  ])
}
