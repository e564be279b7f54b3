import { CENTRE, ORG } from '@nanum/demo'
import type { Database } from '@nanum/db'
import {
  insertCentres,
  insertHoursExceptions,
  insertOpeningHours,
  insertOrganisationContacts,
  insertOrganisations,
} from './db/queries.js'
import type { DayOfWeek, OpeningHoursRow, PhoneEntry } from './db/tables.js'
import { closedOnPublicHolidays } from './holidays.js'

const WEEKDAYS: DayOfWeek[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY']
const weekdays = (centreId: string, opens = '09:00', closes = '18:00'): OpeningHoursRow[] =>
  WEEKDAYS.map((day) => ({ centreId, day, opens, closes }))

const main = (number: string, description: string | null = null): PhoneEntry => ({ number, kind: 'MAIN', description })
const fax = (number: string): PhoneEntry => ({ number, kind: 'FAX', description: null })

/**
 * Organisations and centres from the seed documents (Sejong, Seoul/Seodaemun, Seocho), with fixed
 * ids. Staff counts of the Seoul community service centres give 126 residents per worker, the
 * figure the Reaching Out initiative reached (from 289). Administrative dong codes, postal codes
 * and contact people are illustrative (well-formed, not checked against official registers).
 */
export async function seedDemoData({ db }: Database) {
  await insertOrganisations(db, [
    { id: ORG.sejongCity, name: '세종특별자치시청', alternateName: 'Sejong City Hall', sector: 'PUBLIC', kind: 'CITY_GOVERNMENT', website: 'https://www.sejong.go.kr', phones: [main('044-120', '다산콜 민원 (citizen call centre)')] },
    { id: ORG.seoulCity, name: '서울특별시', alternateName: 'Seoul Metropolitan Government', sector: 'PUBLIC', kind: 'CITY_GOVERNMENT', website: 'https://www.seoul.go.kr', phones: [main('02-120', '다산콜센터 (Dasan call centre)')] },
  ])
  await insertOrganisations(db, [
    {
      id: ORG.sejongHappyMomsCenterOperator,
      name: '세종시 행복맘센터 운영위원회',
      alternateName: 'Happy Mom’s Center Committee',
      description: 'Citizens’ committee that runs the Happy Mom’s Center with the city: childcare goods sharing, prenatal classes, re-employment clubs.',
      sector: 'NONPROFIT',
      kind: 'WELFARE_FOUNDATION',
      phones: [main('044-300-7000')],
      email: 'happymom@sejong.example',
    },
    { id: ORG.toyLaundry, name: '장난감 세탁소', alternateName: 'Toy Laundry Co.', description: 'Cleans and disinfects donated toys and baby goods for the Anabada sharing.', sector: 'PRIVATE', kind: 'COMPANY', email: 'hello@toylaundry.example', registrationId: '123-45-67890' },
    { id: ORG.sejongMomsCommunity, name: '세종맘 온라인 커뮤니티', alternateName: 'Sejong Moms Community', description: 'Online community of mothers in Sejong who donate talents and goods.', sector: 'NONPROFIT', kind: 'COMMUNITY_GROUP' },
    {
      id: ORG.seodaemunGu,
      name: '서대문구청',
      alternateName: 'Seodaemun-gu Office',
      description: 'District office; turned its 14 community service centres into one-stop welfare hubs.',
      sector: 'PUBLIC',
      kind: 'DISTRICT_OFFICE',
      parentOrganisationId: ORG.seoulCity,
      website: 'https://www.sdm.go.kr',
      email: 'welfare@sdm.example',
      phones: [main('02-330-1114'), fax('02-330-1000')],
    },
    { id: ORG.seochoGu, name: '서초구청', alternateName: 'Seocho-gu Office', description: 'District office; runs the public-private welfare cooperation councils.', sector: 'PUBLIC', kind: 'DISTRICT_OFFICE', parentOrganisationId: ORG.seoulCity, website: 'https://www.seocho.go.kr', phones: [main('02-2155-6114')] },
    { id: ORG.seodaemunSocialWelfareCouncil, name: '서대문구 사회복지협의회', alternateName: 'Seodaemun Council on Social Welfare', sector: 'NONPROFIT', kind: 'WELFARE_FOUNDATION', phones: [main('02-364-2234')] },
    { id: ORG.seochoNubidan, name: '서초 누비단', alternateName: 'Seocho Nubidan', description: 'Volunteers who seek out households in welfare blind spots.', sector: 'NONPROFIT', kind: 'VOLUNTEER_GROUP' },
    { id: ORG.seochoWelfareFoundation, name: '서초구 복지재단', alternateName: 'Seocho Welfare Foundation', sector: 'NONPROFIT', kind: 'WELFARE_FOUNDATION', phones: [main('02-2155-7000')] },
  ])
  await insertOrganisations(db, [
    { id: ORG.hongje1Dong, name: '홍제1동 주민센터', alternateName: 'Hongje 1-dong Office', sector: 'PUBLIC', kind: 'COMMUNITY_SERVICE_CENTRE_OPERATOR', parentOrganisationId: ORG.seodaemunGu, phones: [main('02-330-8000'), fax('02-330-8009')] },
    { id: ORG.seochoHealthCentre, name: '서초구 보건소', alternateName: 'Seocho-gu Public Health Centre', sector: 'PUBLIC', kind: 'HEALTH_CENTRE', parentOrganisationId: ORG.seochoGu, phones: [main('02-2155-8000')] },
  ])
  await insertOrganisationContacts(db, [
    { id: '1c000000-0000-4000-8000-000000000001', organisationId: ORG.seodaemunGu, position: 0, name: '김하늘', role: '복지정책과장 (Head of welfare policy)', department: '복지정책과', phone: '02-330-1200', email: 'welfare-policy@sdm.example' },
    { id: '1c000000-0000-4000-8000-000000000002', organisationId: ORG.hongje1Dong, position: 0, name: '이서연', role: '맞춤형복지팀장 (Customised welfare team leader)', department: '맞춤형복지팀', phone: '02-330-8005', email: null },
    { id: '1c000000-0000-4000-8000-000000000003', organisationId: ORG.sejongHappyMomsCenterOperator, position: 0, name: '박지은', role: '센터장 (Centre director)', department: null, phone: '044-300-7001', email: 'director@happymom.example' },
    { id: '1c000000-0000-4000-8000-000000000004', organisationId: ORG.seochoGu, position: 0, name: '정민수', role: '복지정책과 민관협력 담당 (Public-private cooperation officer)', department: '복지정책과', phone: '02-2155-6500', email: null },
  ])

  const dongCentre = { kind: 'COMMUNITY_SERVICE_CENTRE' as const, city: '서울특별시', languages: ['ko'], facilities: ['WHEELCHAIR_ACCESS', 'ELEVATOR', 'ACCESSIBLE_TOILET', 'COUNSELLING_ROOM'] as const }
  await insertCentres(db, [
    {
      id: CENTRE.sejongHappyMomsCenter,
      name: '세종시 행복맘센터',
      alternateName: 'Sejong Happy Mom’s Center',
      description: 'A home-like centre for pregnant women and mothers: prenatal classes in an ondol-heated education room, a lobby café run by mothers, a playroom, and the Anabada baby goods sharing.',
      kind: 'FAMILY_CENTRE',
      organisationId: ORG.sejongHappyMomsCenterOperator,
      address: '도움6로 11',
      city: '세종특별자치시',
      district: '세종시',
      dong: '도담동',
      postalCode: '30150',
      administrativeDongCode: '3611052000',
      latitude: 36.5137,
      longitude: 127.2596,
      phones: [main('044-300-7000'), { number: '044-300-7009', kind: 'HOTLINE', description: '임산부 상담 (counselling for pregnant women)' }],
      languages: ['ko', 'en', 'vi', 'zh'],
      facilities: ['NURSING_ROOM', 'ONDOL_EDUCATION_ROOM', 'CAFE', 'PLAYROOM', 'TOY_LIBRARY', 'WHEELCHAIR_ACCESS', 'ELEVATOR', 'ACCESSIBLE_TOILET', 'PARKING'],
      welfareWorkers: 5,
      visitingNurses: 1,
    },
    {
      ...dongCentre,
      id: CENTRE.hongje1DongCentre,
      name: '홍제1동 주민센터',
      alternateName: 'Hongje 1-dong Community Service Centre',
      description: 'Welfare hub: one counter for 292 welfare tasks of 17 agencies, with reaching-out visits.',
      kind: 'WELFARE_HUB',
      organisationId: ORG.hongje1Dong,
      address: '세검정로4길 32',
      district: '서대문구',
      dong: '홍제1동',
      postalCode: '03615',
      administrativeDongCode: '1141069000',
      latitude: 37.5869,
      longitude: 126.945,
      phones: [main('02-330-8000'), fax('02-330-8009')],
      facilities: [...dongCentre.facilities, 'COMMUNITY_ROOM'],
      residentsServed: 1512,
      welfareWorkers: 9,
      visitingNurses: 3,
    },
    {
      ...dongCentre,
      id: CENTRE.chunghyeonDongCentre,
      name: '충현동 주민센터',
      alternateName: 'Chunghyeon-dong Community Service Centre',
      description: 'Welfare hub community service centre.',
      kind: 'WELFARE_HUB',
      organisationId: ORG.seodaemunGu,
      address: '충정로 54',
      district: '서대문구',
      dong: '충현동',
      postalCode: '03741',
      administrativeDongCode: '1141056500',
      latitude: 37.5614,
      longitude: 126.9619,
      phones: [main('02-330-8010')],
      facilities: [...dongCentre.facilities],
      residentsServed: 1386,
      welfareWorkers: 8,
      visitingNurses: 3,
    },
    {
      ...dongCentre,
      id: CENTRE.sinchonDongCentre,
      name: '신촌동 주민센터',
      alternateName: 'Sinchon-dong Community Service Centre',
      organisationId: ORG.seodaemunGu,
      address: '신촌로 201',
      district: '서대문구',
      dong: '신촌동',
      postalCode: '03787',
      administrativeDongCode: '1141058500',
      latitude: 37.5596,
      longitude: 126.9425,
      phones: [main('02-330-8020')],
      languages: ['ko', 'en', 'zh'],
      facilities: [...dongCentre.facilities],
      residentsServed: 1260,
      welfareWorkers: 7,
      visitingNurses: 3,
    },
    {
      id: CENTRE.seochoSocialWelfareCentre,
      name: '서초구 종합사회복지관',
      alternateName: 'Seocho Social Welfare Centre',
      description: 'Social welfare centre: case management, elderly lunch delivery, after-school care.',
      kind: 'SOCIAL_WELFARE_CENTRE',
      organisationId: ORG.seochoWelfareFoundation,
      address: '반포대로 58',
      city: '서울특별시',
      district: '서초구',
      dong: '서초3동',
      postalCode: '06591',
      latitude: 37.4837,
      longitude: 127.0324,
      phones: [main('02-2155-7000')],
      languages: ['ko', 'en'],
      facilities: ['WHEELCHAIR_ACCESS', 'ELEVATOR', 'ACCESSIBLE_TOILET', 'SHARED_KITCHEN', 'COMMUNITY_ROOM', 'PARKING'],
    },
    {
      id: CENTRE.seochoHealthCentre,
      name: '서초구 보건소',
      alternateName: 'Seocho-gu Public Health Centre',
      description: 'Public health centre; its visiting nurses join the reaching-out visits.',
      kind: 'HEALTH_CENTRE',
      organisationId: ORG.seochoHealthCentre,
      address: '남부순환로 2584',
      city: '서울특별시',
      district: '서초구',
      postalCode: '06750',
      latitude: 37.4836,
      longitude: 127.0327,
      phones: [main('02-2155-8000')],
      languages: ['ko', 'en'],
      facilities: ['WHEELCHAIR_ACCESS', 'ELEVATOR', 'ACCESSIBLE_TOILET', 'NURSING_ROOM', 'ACCESSIBLE_PARKING', 'PARKING'],
      visitingNurses: 12,
    },
    {
      ...dongCentre,
      id: CENTRE.banpo2DongCentre,
      name: '반포2동 주민센터',
      alternateName: 'Banpo 2-dong Community Service Centre',
      organisationId: ORG.seochoGu,
      address: '신반포로 54',
      district: '서초구',
      dong: '반포2동',
      postalCode: '06541',
      administrativeDongCode: '1165062000',
      latitude: 37.5051,
      longitude: 126.9956,
      phones: [main('02-2155-8800')],
      facilities: [...dongCentre.facilities],
      residentsServed: 1008,
      welfareWorkers: 6,
      visitingNurses: 2,
    },
  ])
  const centreIds = Object.values(CENTRE)
  await insertOpeningHours(db, [
    ...centreIds.flatMap((id) => weekdays(id)),
    { centreId: CENTRE.sejongHappyMomsCenter, day: 'SATURDAY', opens: '10:00', closes: '15:00' },
  ])
  await insertHoursExceptions(db, [
    ...centreIds.flatMap(closedOnPublicHolidays),
    { centreId: CENTRE.sejongHappyMomsCenter, date: '2026-12-24', isClosed: false, opens: '10:00', closes: '15:00', reason: '크리스마스 이브 단축 운영 (Christmas Eve, shorter hours)' },
  ])
}
