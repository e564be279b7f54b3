import { sql } from 'drizzle-orm'
import { check, index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { newHouseholdReference } from '../rules/reference.js'

export const householdsSchema = pgSchema('households')

export const incomeBand = householdsSchema.enum('income_band', [
  'BASIC_LIVELIHOOD_RECIPIENT',
  'NEAR_POOR',
  'BELOW_50_PERCENT_MEDIAN',
  'BELOW_75_PERCENT_MEDIAN',
  'BELOW_100_PERCENT_MEDIAN',
  'ABOVE_MEDIAN',
])
export const vulnerabilityFlag = householdsSchema.enum('vulnerability_flag', [
  'SINGLE_PARENT',
  'ELDERLY_LIVING_ALONE',
  'GRANDPARENT_CAREGIVER',
  'MULTICULTURAL_FAMILY',
  'DISABILITY',
  'INFANT',
  'PREGNANT',
])
export const householdStatus = householdsSchema.enum('household_status', ['IDENTIFIED', 'ASSESSED', 'SUPPORTED', 'MONITORING', 'CLOSED'])
export const memberRelation = householdsSchema.enum('member_relation', [
  'HEAD',
  'SPOUSE',
  'CHILD',
  'PARENT',
  'GRANDPARENT',
  'GRANDCHILD',
  'SIBLING',
  'OTHER_RELATIVE',
  'OTHER',
])

export const households = householdsSchema.table(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique('households_reference_key').$defaultFn(newHouseholdReference),
    district: text('district').notNull(),
    dong: text('dong').notNull(),
    incomeBand: incomeBand('income_band').notNull(),
    vulnerabilityFlags: vulnerabilityFlag('vulnerability_flags').array().notNull().default(sql`'{}'`),
    status: householdStatus('status').notNull().default('IDENTIFIED'),
    /** A centre of the centres subgraph: referenced by id only, so no foreign key. */
    handlingCentreId: uuid('handling_centre_id').notNull(),
    /** An organisation of the centres subgraph; its staff are the only ones who see the household. */
    handlingOrganisationId: uuid('handling_organisation_id').notNull(),
    // Millisecond precision, like a JavaScript Date: the list's cursor then holds the exact value,
    // so keyset pagination never skips rows that differ only in microseconds.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Every list is scoped to the caller's organisation, so it leads every list index.
    // Ascending: a backward scan serves the list's ORDER BY created_at DESC, id DESC.
    index('households_organisation_created_idx').on(t.handlingOrganisationId, t.createdAt, t.id),
    index('households_organisation_district_dong_idx').on(t.handlingOrganisationId, t.district, t.dong),
    index('households_organisation_status_idx').on(t.handlingOrganisationId, t.status),
    index('households_organisation_income_band_idx').on(t.handlingOrganisationId, t.incomeBand),
    index('households_centre_idx').on(t.handlingCentreId),
    index('households_vulnerability_flags_idx').using('gin', t.vulnerabilityFlags),
  ],
)

export const householdMembers = householdsSchema.table(
  'household_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    birthYear: integer('birth_year').notNull(),
    relation: memberRelation('relation').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('household_members_birth_year_check', sql`${t.birthYear} between 1900 and 2100`),
    index('household_members_household_idx').on(t.householdId),
  ],
)

export type HouseholdRow = typeof households.$inferSelect
export type HouseholdMemberRow = typeof householdMembers.$inferSelect
