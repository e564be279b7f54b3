import { doublePrecision, index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const centresSchema = pgSchema('centres')

export const sector = centresSchema.enum('sector', ['PUBLIC', 'PRIVATE', 'NONPROFIT'])
export const organisationKind = centresSchema.enum('organisation_kind', [
  'CITY_GOVERNMENT',
  'DISTRICT_OFFICE',
  'COMMUNITY_SERVICE_CENTRE_OPERATOR',
  'HEALTH_CENTRE',
  'WELFARE_FOUNDATION',
  'SOCIAL_WELFARE_CENTRE',
  'COMPANY',
  'VOLUNTEER_GROUP',
  'COMMUNITY_GROUP',
  'OTHER',
])
export const centreKind = centresSchema.enum('centre_kind', [
  'COMMUNITY_SERVICE_CENTRE',
  'WELFARE_HUB',
  'WIDE_AREA_WELFARE_CENTRE',
  'FAMILY_CENTRE',
  'HEALTH_CENTRE',
  'SOCIAL_WELFARE_CENTRE',
  'SENIOR_CENTRE',
  'CHILDCARE_CENTRE',
  'OTHER',
])

export const organisations = centresSchema.table(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    sector: sector('sector').notNull(),
    kind: organisationKind('kind').notNull(),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_name_id_idx').on(t.name, t.id), index('organisations_sector_kind_idx').on(t.sector, t.kind)],
)

export interface OpeningHoursEntry {
  day: 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY'
  opens: string
  closes: string
}

export const centres = centresSchema.table(
  'centres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: centreKind('kind').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    district: text('district').notNull(),
    dong: text('dong'),
    address: text('address').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phone: text('phone'),
    openingHours: jsonb('opening_hours').$type<OpeningHoursEntry[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('centres_name_id_idx').on(t.name, t.id),
    index('centres_district_dong_idx').on(t.district, t.dong),
    index('centres_kind_idx').on(t.kind),
    index('centres_organisation_idx').on(t.organisationId, t.name, t.id),
  ],
)

export type OrganisationRow = typeof organisations.$inferSelect
export type CentreRow = typeof centres.$inferSelect
