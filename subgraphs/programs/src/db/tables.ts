import { DAYS_OF_WEEK, INCOME_BANDS, VULNERABILITY_FLAGS } from '@nanum/vocabulary'
import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'

export const programsSchema = pgSchema('programs')

export const PROGRAM_CATEGORIES = [
  'MARRIAGE',
  'PREGNANCY',
  'CHILDBIRTH',
  'CHILDCARE',
  'EDUCATION',
  'EMPLOYMENT',
  'HEALTHCARE',
  'ELDERLY_CARE',
  'DISABILITY',
  'HOUSING',
  'FOOD',
  'FINANCIAL_AID',
  'TRANSPORT',
  'FUNERAL',
  'COUNSELLING',
  'LEGAL_AID',
  'MENTORING',
  'CULTURE_AND_LEISURE',
  'OTHER',
] as const
export const LIFE_STAGES = ['PREGNANCY', 'INFANCY', 'CHILDHOOD', 'YOUTH', 'ADULTHOOD', 'OLD_AGE'] as const
export const PROGRAM_STATUSES = ['ACTIVE', 'TEMPORARILY_CLOSED', 'INACTIVE'] as const
export const TARGET_GROUPS = [
  'LOW_INCOME',
  'SINGLE_PARENT',
  'ELDERLY_LIVING_ALONE',
  'GRANDPARENT_CAREGIVER',
  'MULTICULTURAL_FAMILY',
  'PEOPLE_WITH_DISABILITY',
  'PREGNANT_WOMEN',
  'INFANTS',
  'CHILDREN',
  'YOUTH',
  'CAREER_BREAK_WOMEN',
  'OLDER_PEOPLE',
  'NEWLYWEDS',
  'CRISIS_HOUSEHOLDS',
  'ALL_RESIDENTS',
] as const
export const FUNDINGS = ['PUBLIC', 'PRIVATE', 'JOINT'] as const
export const APPLICATION_METHODS = ['WALK_IN', 'REFERRAL_ONLY', 'PHONE', 'ONLINE'] as const

export const programCategory = programsSchema.enum('program_category', PROGRAM_CATEGORIES)
export const lifeStage = programsSchema.enum('life_stage', LIFE_STAGES)
export const programStatus = programsSchema.enum('program_status', PROGRAM_STATUSES)
export const targetGroup = programsSchema.enum('target_group', TARGET_GROUPS)
export const funding = programsSchema.enum('funding', FUNDINGS)
export const incomeBand = programsSchema.enum('income_band', INCOME_BANDS)
export const vulnerabilityFlag = programsSchema.enum('vulnerability_flag', VULNERABILITY_FLAGS)
export const applicationMethod = programsSchema.enum('application_method', APPLICATION_METHODS)
export const dayOfWeek = programsSchema.enum('day_of_week', DAYS_OF_WEEK)

/** One part of a program's service area: a whole district (dong null) or one neighbourhood of it. */
export interface ServiceArea {
  district: string
  dong: string | null
}

/**
 * A service an organisation runs (an HSDS service). Providers and centres live in the centres
 * subgraph (ids only). Three columns are derived by PostgreSQL so that no writer can let them
 * drift: `service_area_keys` (see the migration's `service_area_keys()` function) and
 * `search_document` exist only to be indexed, `has_free_seats` backs the `hasFreeSeats` filter.
 */
export const programs = programsSchema.table(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description').notNull(),
    category: programCategory('category').notNull(),
    lifeStages: lifeStage('life_stages').array().notNull().default(sql`'{}'`),
    targetGroups: targetGroup('target_groups').array().notNull().default(sql`'{}'`),
    providerOrganisationId: uuid('provider_organisation_id').notNull(),
    coProviderOrganisationIds: uuid('co_provider_organisation_ids').array().notNull().default(sql`'{}'`),
    funding: funding('funding').notNull().default('PUBLIC'),
    serviceAreas: jsonb('service_areas').$type<ServiceArea[]>().notNull().default(sql`'[]'::jsonb`),
    serviceAreaKeys: text('service_area_keys')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`programs.service_area_keys(service_areas)`),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    maxIncomeBand: incomeBand('max_income_band'),
    residencyRequired: boolean('residency_required').notNull().default(false),
    requiredHouseholdFlags: vulnerabilityFlag('required_household_flags').array().notNull().default(sql`'{}'`),
    requiredDocuments: text('required_documents').array().notNull().default(sql`'{}'`),
    eligibilityDescription: text('eligibility_description'),
    cost: integer('cost'),
    costDescription: text('cost_description'),
    capacity: integer('capacity'),
    seatsTaken: integer('seats_taken').notNull().default(0),
    hasFreeSeats: boolean('has_free_seats')
      .notNull()
      .generatedAlwaysAs(sql`capacity is null or seats_taken < capacity`),
    scheduleDescription: text('schedule_description'),
    howToApply: applicationMethod('how_to_apply').array().notNull().default(sql`'{}'`),
    applicationUrl: text('application_url'),
    applicationPhone: text('application_phone'),
    languages: text('languages').array().notNull().default(sql`'{ko}'`),
    status: programStatus('status').notNull().default('ACTIVE'),
    statusReason: text('status_reason'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    searchDocument: text('search_document')
      .notNull()
      .generatedAlwaysAs(sql`name || ' ' || coalesce(alternate_name, '') || ' ' || description`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('programs_name_id_idx').on(t.name, t.id),
    index('programs_category_idx').on(t.category, t.name, t.id),
    index('programs_status_idx').on(t.status, t.name, t.id),
    index('programs_funding_idx').on(t.funding, t.name, t.id),
    index('programs_provider_idx').on(t.providerOrganisationId, t.name, t.id),
    index('programs_has_free_seats_idx').on(t.hasFreeSeats, t.name, t.id),
    index('programs_co_providers_idx').using('gin', t.coProviderOrganisationIds),
    index('programs_life_stages_idx').using('gin', t.lifeStages),
    index('programs_target_groups_idx').using('gin', t.targetGroups),
    index('programs_service_area_keys_idx').using('gin', t.serviceAreaKeys),
    // Trigrams, not PostgreSQL full-text search: there is no Korean text-search parser, and
    // trigrams need no morphological analyser, so one index serves Korean and English (ILIKE).
    index('programs_search_trgm_idx').using('gin', t.searchDocument.op('gin_trgm_ops')),
    // Trigrams cannot serve a two-character pattern, and the commonest Korean search words are two
    // syllables (간호, 육아, 상담): their pairs of adjacent syllables are indexed instead (see
    // migration 0003's `search_bigrams()`). Queries must repeat this exact expression.
    index('programs_search_bigrams_idx').using('gin', sql`programs.search_bigrams(search_document)`),
    // Plain column names: drizzle would qualify them with schema and table inside CREATE TABLE.
    check('programs_capacity_check', sql`capacity is null or capacity >= 0`),
    check('programs_seats_taken_check', sql`seats_taken >= 0 and (capacity is null or seats_taken <= capacity)`),
    check('programs_age_check', sql`(min_age is null or min_age >= 0) and (max_age is null or max_age >= coalesce(min_age, 0))`),
    check('programs_cost_check', sql`cost is null or cost >= 0`),
    check('programs_dates_check', sql`end_date is null or start_date is null or end_date >= start_date`),
  ],
)

/** Where a program is delivered; the centre lives in the centres subgraph (id only). */
export const programCentres = programsSchema.table(
  'program_centres',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    centreId: uuid('centre_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.centreId] }), index('program_centres_centre_idx').on(t.centreId, t.programId)],
)

/** A weekly session of a program, in Asia/Seoul local time (backs the `openNow` filter). */
export const programSessions = programsSchema.table(
  'program_sessions',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    day: dayOfWeek('day').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.day, t.opens] }),
    index('program_sessions_day_idx').on(t.day, t.opens, t.closes, t.programId),
    check('program_sessions_hours_check', sql`closes > opens`),
  ],
)

export type ProgramRow = typeof programs.$inferSelect
export type NewProgramRow = typeof programs.$inferInsert
export type ProgramCentreRow = typeof programCentres.$inferSelect
export type ProgramSessionRow = typeof programSessions.$inferSelect

export const REFERRAL_STATUSES = ['SENT', 'ACCEPTED', 'DECLINED', 'ENROLLED', 'COMPLETED', 'CANCELLED', 'EXPIRED'] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]
export const referralStatus = programsSchema.enum('referral_status', REFERRAL_STATUSES)
export const referralUrgency = programsSchema.enum('referral_urgency', ['ROUTINE', 'SOON', 'URGENT'])
export const ENROLLMENT_STATUSES = ['ACTIVE', 'COMPLETED', 'WITHDRAWN'] as const
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number]
export const enrollmentStatus = programsSchema.enum('enrollment_status', ENROLLMENT_STATUSES)

/**
 * A household referred by one organisation (and optionally one of its centres) to another
 * organisation's program. The household lives in the households subgraph (id only); the receiving
 * organisation is the program's provider, copied at sending time so an inbox is one index scan.
 */
export const referrals = programsSchema.table(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id').notNull(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    fromOrganisationId: uuid('from_organisation_id').notNull(),
    fromCentreId: uuid('from_centre_id'),
    fromUserId: text('from_user_id').notNull(),
    toOrganisationId: uuid('to_organisation_id').notNull(),
    reason: text('reason').notNull(),
    urgency: referralUrgency('urgency').notNull().default('ROUTINE'),
    status: referralStatus('status').notNull().default('SENT'),
    /** The end of the sender's REFERRAL consent the households subgraph confirmed when the referral was sent. */
    consentUntil: timestamp('consent_until', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('referrals_inbox_idx').on(t.toOrganisationId, t.sentAt, t.id),
    // The inbox's usual view, referrals still waiting for the receiver: read without the rest of its history.
    index('referrals_open_inbox_idx').on(t.toOrganisationId, t.sentAt, t.id).where(sql`status in ('SENT', 'ACCEPTED')`),
    index('referrals_sent_idx').on(t.fromOrganisationId, t.sentAt, t.id),
    index('referrals_household_idx').on(t.householdId, t.sentAt, t.id),
    index('referrals_program_idx').on(t.programId, t.sentAt, t.id),
    index('referrals_expiry_idx').on(t.expiresAt).where(sql`status = 'SENT'`),
    index('referrals_sent_at_idx').on(t.sentAt),
  ],
)

/** Every change of a referral's state: who, when, and their note (append-only). */
export const referralTransitions = programsSchema.table(
  'referral_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    fromStatus: referralStatus('from_status'),
    toStatus: referralStatus('to_status').notNull(),
    byUserId: text('by_user_id'),
    byOrganisationId: uuid('by_organisation_id'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referral_transitions_referral_idx').on(t.referralId, t.at, t.id)],
)

/** A household served by a program (a service record): from a date to a date, by the provider organisation. */
export const enrollments = programsSchema.table(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id').notNull(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    /** Copied from the program so duplicate detection ("an active service of this category") is one index scan. */
    category: programCategory('category').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    referralId: uuid('referral_id').references(() => referrals.id),
    status: enrollmentStatus('status').notNull().default('ACTIVE'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    enrolledByUserId: text('enrolled_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enrollments_household_idx').on(t.householdId, t.startsOn, t.id),
    index('enrollments_active_category_idx').on(t.householdId, t.category).where(sql`status = 'ACTIVE'`),
    index('enrollments_program_idx').on(t.programId, t.startsOn, t.id),
    check('enrollments_dates_check', sql`ends_on is null or ends_on >= starts_on`),
  ],
)

export type ReferralRow = typeof referrals.$inferSelect
export type ReferralTransitionRow = typeof referralTransitions.$inferSelect
export type EnrollmentRow = typeof enrollments.$inferSelect
