import { COUNCIL, ORG } from '@nanum/demo'
import type { Database } from '@nanum/db'
import { insertCouncilMemberships, insertCouncils } from './db/queries.js'
import type { CouncilMembershipRow } from './db/tables.js'

// Memberships are not shared with other subgraphs, so their ids live here: the council prefix 6
// followed by 1 for "membership", in the pattern of @nanum/demo's ids.
const membershipId = (n: number) => `61000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

const seochoRegions = [
  { id: COUNCIL.seochoNorth, name: '서초 북부 민관협력협의체 (Seocho North Public-Private Welfare Council)', region: '서초 북부 (North)' },
  { id: COUNCIL.seochoSouth, name: '서초 남부 민관협력협의체 (Seocho South Public-Private Welfare Council)', region: '서초 남부 (South)' },
  { id: COUNCIL.seochoEast, name: '서초 동부 민관협력협의체 (Seocho East Public-Private Welfare Council)', region: '서초 동부 (East)' },
  { id: COUNCIL.seochoWest, name: '서초 서부 민관협력협의체 (Seocho West Public-Private Welfare Council)', region: '서초 서부 (West)' },
]

/** The four regions take turns: a private organisation chairs two of them, the district office two. */
const seochoMembers: [organisationId: string, roles: CouncilMembershipRow['role'][]][] = [
  [ORG.seochoWelfareFoundation, ['CHAIR', 'VICE_CHAIR', 'CHAIR', 'VICE_CHAIR']],
  [ORG.seochoGu, ['SECRETARIAT', 'CHAIR', 'SECRETARIAT', 'CHAIR']],
  [ORG.seochoHealthCentre, ['MEMBER', 'MEMBER', 'VICE_CHAIR', 'MEMBER']],
  [ORG.seochoNubidan, ['MEMBER', 'SECRETARIAT', 'MEMBER', 'SECRETARIAT']],
]

/** Seocho-gu's four regional public-private welfare councils and the Seodaemun Council on Social Welfare. */
export async function seedDemoData({ db }: Database) {
  await insertCouncils(db, [
    ...seochoRegions.map((council) => ({
      ...council,
      description:
        'One of four regional councils of the 27 public and private organisations in Seocho-gu: members share information on households in need, run joint projects such as the Hyodo Bus and Happy Study Room, and evaluate region-specific projects at joint workshops.',
      district: '서초구',
      kind: 'REGIONAL_COUNCIL' as const,
      establishedOn: '2016-03-02',
    })),
    {
      id: COUNCIL.seodaemunSocialWelfare,
      name: '서대문구 사회복지협의회 (Seodaemun Council on Social Welfare)',
      description:
        'Established by Seodaemun-gu in April 2012, alongside turning community service centres into welfare hubs, to link the district office, the dong offices and private welfare organisations.',
      district: '서대문구',
      region: null,
      kind: 'DISTRICT_COUNCIL',
      establishedOn: '2012-04-02',
    },
  ])
  let n = 0
  await insertCouncilMemberships(db, [
    ...seochoRegions.flatMap((council, region) =>
      seochoMembers.map(([organisationId, roles]) => ({
        id: membershipId(++n),
        councilId: council.id,
        organisationId,
        role: roles[region],
        joinedOn: '2016-03-02',
      })),
    ),
    { id: membershipId(++n), councilId: COUNCIL.seodaemunSocialWelfare, organisationId: ORG.seodaemunSocialWelfareCouncil, role: 'CHAIR', joinedOn: '2012-04-02' },
    { id: membershipId(++n), councilId: COUNCIL.seodaemunSocialWelfare, organisationId: ORG.seodaemunGu, role: 'SECRETARIAT', joinedOn: '2012-04-02' },
    { id: membershipId(++n), councilId: COUNCIL.seodaemunSocialWelfare, organisationId: ORG.hongje1Dong, role: 'MEMBER', joinedOn: '2012-10-01' },
  ])
}
