import { DAYS_OF_WEEK } from '@nanum/locale'
import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core'

export const centresSchema = pgSchema('centres')

export const sector = centresSchema.enum('sector', ['PUBLIC', 'PRIVATE', 'NONPROFIT'])
export const organisationKind = centresSchema.enum('organisation_kind', [
  'CITY_GOVERNMENT',
  'DISTRICT_OFFICE',
  'COMMUNITY_SERVICE_CENTRE_OPERATOR',
  'HEALTH_CENTRE',
  'WELFARE_FOUNDATION',
  'SOCIAL_WELFARE_CENTRE',
  'HOSPITAL',
  'SCHOOL',
  'RELIGIOUS_ORGANISATION',
  'SOCIAL_ENTERPRISE',
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
  'DISABILITY_WELFARE_CENTRE',
  'YOUTH_CENTRE',
  'MULTICULTURAL_FAMILY_CENTRE',
  'SELF_SUFFICIENCY_CENTRE',
  'MENTAL_HEALTH_CENTRE',
  'FOOD_BANK',
  'VOLUNTEER_CENTRE',
  'DISTRICT_OFFICE',
  'OTHER',
])
export const centreStatus = centresSchema.enum('centre_status', ['ACTIVE', 'TEMPORARILY_CLOSED', 'CLOSED'])
export const facility = centresSchema.enum('facility', [
  'WHEELCHAIR_ACCESS',
  'ELEVATOR',
  'ACCESSIBLE_TOILET',
  'ACCESSIBLE_PARKING',
  'BRAILLE_SIGNAGE',
  'HEARING_LOOP',
  'NURSING_ROOM',
  'ONDOL_EDUCATION_ROOM',
  'CAFE',
  'PLAYROOM',
  'TOY_LIBRARY',
  'COMMUNITY_ROOM',
  'COUNSELLING_ROOM',
  'SHARED_KITCHEN',
  'PARKING',
])
export const dayOfWeek = centresSchema.enum('day_of_week', DAYS_OF_WEEK)

export type PhoneKind = 'MAIN' | 'FAX' | 'MOBILE' | 'HOTLINE'

/** Telephone numbers are values of their owner (never queried on their own), so they are stored inline. */
export interface PhoneEntry {
  number: string
  kind: PhoneKind
  description?: string | null
}

// Search documents are stored generated columns (PostgreSQL 15 and PGlite both have them; virtual
// ones PostgreSQL 15 lacks). Plain column names: drizzle would qualify them inside CREATE TABLE.
const searchDocument = sql`name || ' ' || coalesce(alternate_name, '') || ' ' || coalesce(description, '')`

export const organisations = centresSchema.table(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description'),
    sector: sector('sector').notNull(),
    kind: organisationKind('kind').notNull(),
    parentOrganisationId: uuid('parent_organisation_id').references((): AnyPgColumn => organisations.id),
    registrationId: text('registration_id'),
    website: text('website'),
    email: text('email'),
    phones: jsonb('phones').$type<PhoneEntry[]>().notNull().default([]),
    searchText: text('search_text').generatedAlwaysAs(searchDocument),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_name_id_idx').on(t.name, t.id),
    index('organisations_sector_kind_idx').on(t.sector, t.kind),
    index('organisations_kind_idx').on(t.kind),
    index('organisations_parent_idx').on(t.parentOrganisationId, t.name, t.id),
    index('organisations_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
)

/** Named, public contact people of an organisation (its staff, not residents). */
export const organisationContacts = centresSchema.table(
  'organisation_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    role: text('role'),
    department: text('department'),
    phone: text('phone'),
    email: text('email'),
  },
  (t) => [index('organisation_contacts_organisation_idx').on(t.organisationId, t.position)],
)

export const centres = centresSchema.table(
  'centres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description'),
    kind: centreKind('kind').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: centreStatus('status').notNull().default('ACTIVE'),
    statusReason: text('status_reason'),
    /** Street address line (HSDS address_1). */
    address: text('address').notNull(),
    city: text('city'),
    district: text('district').notNull(),
    dong: text('dong'),
    postalCode: text('postal_code'),
    administrativeDongCode: text('administrative_dong_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phones: jsonb('phones').$type<PhoneEntry[]>().notNull().default([]),
    languages: text('languages').array().notNull().default(sql`'{}'`),
    facilities: facility('facilities').array().notNull().default(sql`'{}'`),
    residentsServed: integer('residents_served'),
    welfareWorkers: integer('welfare_workers'),
    visitingNurses: integer('visiting_nurses'),
    searchText: text('search_text').generatedAlwaysAs(searchDocument),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('centres_name_id_idx').on(t.name, t.id),
    index('centres_district_dong_idx').on(t.district, t.dong, t.name, t.id),
    index('centres_dong_idx').on(t.dong),
    index('centres_kind_idx').on(t.kind),
    index('centres_status_idx').on(t.status),
    index('centres_organisation_idx').on(t.organisationId, t.name, t.id),
    index('centres_facilities_idx').using('gin', t.facilities),
    index('centres_languages_idx').using('gin', t.languages),
    index('centres_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    // A 2-D index on (longitude, latitude) for the `near` bounding box; the exact haversine
    // distance is then computed only for the rows inside the box.
    index('centres_location_idx').using('gist', sql`point(longitude, latitude)`),
    check('centres_latitude_check', sql`latitude between -90 and 90`),
    check('centres_longitude_check', sql`longitude between -180 and 180`),
    check('centres_staff_check', sql`coalesce(residents_served, 0) >= 0 and coalesce(welfare_workers, 0) >= 0 and coalesce(visiting_nurses, 0) >= 0`),
  ],
)

/** Regular weekly hours: one row per opening interval (a day may have two, around a lunch break). */
export const centreOpeningHours = centresSchema.table(
  'centre_opening_hours',
  {
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
    day: dayOfWeek('day').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.centreId, t.day, t.opens] }),
    // Serves `openNow`: the centres open on a given day at a given time.
    index('centre_opening_hours_day_idx').on(t.day, t.opens, t.closes),
    check('centre_opening_hours_order_check', sql`opens < closes`),
  ],
)

/** A date when a centre keeps other hours than its weekly ones: closed (a holiday) or special hours. */
export const centreHoursExceptions = centresSchema.table(
  'centre_hours_exceptions',
  {
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    isClosed: boolean('is_closed').notNull(),
    opens: time('opens'),
    closes: time('closes'),
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('centre_hours_exceptions_centre_date_idx').on(t.centreId, t.date),
    index('centre_hours_exceptions_date_idx').on(t.date),
    check('centre_hours_exceptions_hours_check', sql`is_closed or (opens is not null and closes is not null and opens < closes)`),
  ],
)

export type OrganisationRow = typeof organisations.$inferSelect
export type OrganisationContactRow = typeof organisationContacts.$inferSelect
export type CentreRow = typeof centres.$inferSelect
export type OpeningHoursRow = typeof centreOpeningHours.$inferSelect
export type HoursExceptionRow = typeof centreHoursExceptions.$inferSelect
export type CentreKind = CentreRow['kind']
export type Facility = CentreRow['facilities'][number]
export type DayOfWeek = OpeningHoursRow['day']
