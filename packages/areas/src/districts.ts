/**
 * Administrative areas the directory knows: districts (gu / si) and, where listed, their
 * neighbourhoods (dong / eup / myeon). Static reference data shared by the subgraphs that
 * validate addresses and service areas; it changes only when a city redraws its map.
 * A district whose `dongs` is null accepts any neighbourhood name (its list is not curated yet).
 */
export interface District {
  /** Korean name, as used in addresses and filters, e.g. 서대문구. */
  name: string
  /** Romanised name. */
  nameEn: string
  /** The city or province it belongs to. */
  city: string
  dongs: readonly string[] | null
}

const seoul = (name: string, nameEn: string, dongs: readonly string[] | null = null): District => ({ name, nameEn, city: '서울특별시', dongs })

export const DISTRICTS: readonly District[] = [
  seoul('종로구', 'Jongno-gu'),
  seoul('중구', 'Jung-gu'),
  seoul('용산구', 'Yongsan-gu'),
  seoul('성동구', 'Seongdong-gu'),
  seoul('광진구', 'Gwangjin-gu'),
  seoul('동대문구', 'Dongdaemun-gu'),
  seoul('중랑구', 'Jungnang-gu'),
  seoul('성북구', 'Seongbuk-gu'),
  seoul('강북구', 'Gangbuk-gu'),
  seoul('도봉구', 'Dobong-gu'),
  seoul('노원구', 'Nowon-gu'),
  seoul('은평구', 'Eunpyeong-gu'),
  seoul('서대문구', 'Seodaemun-gu', [
    '충현동', '천연동', '북아현동', '신촌동', '연희동', '홍제1동', '홍제2동', '홍제3동',
    '홍은1동', '홍은2동', '남가좌1동', '남가좌2동', '북가좌1동', '북가좌2동',
  ]),
  seoul('마포구', 'Mapo-gu'),
  seoul('양천구', 'Yangcheon-gu'),
  seoul('강서구', 'Gangseo-gu'),
  seoul('구로구', 'Guro-gu'),
  seoul('금천구', 'Geumcheon-gu'),
  seoul('영등포구', 'Yeongdeungpo-gu'),
  seoul('동작구', 'Dongjak-gu'),
  seoul('관악구', 'Gwanak-gu'),
  seoul('서초구', 'Seocho-gu', [
    '서초1동', '서초2동', '서초3동', '서초4동', '잠원동', '반포본동', '반포1동', '반포2동', '반포3동',
    '반포4동', '방배본동', '방배1동', '방배2동', '방배3동', '방배4동', '양재1동', '양재2동', '내곡동',
  ]),
  seoul('강남구', 'Gangnam-gu'),
  seoul('송파구', 'Songpa-gu'),
  seoul('강동구', 'Gangdong-gu'),
  {
    name: '세종시',
    nameEn: 'Sejong',
    city: '세종특별자치시',
    dongs: [
      '조치원읍', '연기면', '연동면', '부강면', '금남면', '장군면', '연서면', '전의면', '전동면', '소정면',
      '한솔동', '새롬동', '나성동', '다정동', '도담동', '어진동', '해밀동', '아름동', '종촌동', '고운동',
      '보람동', '대평동', '소담동', '반곡동',
    ],
  },
]

const byName = new Map(DISTRICTS.map((district) => [district.name, district]))

export const findDistrict = (name: string): District | undefined => byName.get(name)

/** Why an area is not known, or null when it is. `dong` is optional (a whole district). */
export function areaProblem(district: string, dong?: string | null): { field: 'district' | 'dong'; message: string } | null {
  const known = byName.get(district)
  if (!known) return { field: 'district', message: `unknown district "${district}"` }
  if (dong && known.dongs && !known.dongs.includes(dong))
    return { field: 'dong', message: `"${dong}" is not a neighbourhood of ${district}` }
  return null
}
