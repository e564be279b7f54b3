import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { INCOME_BANDS, VULNERABILITY_FLAGS } from '@nanum/vocabulary'
import { newHouseholdReference } from '../rules/reference.js'

export const householdsSchema = pgSchema('households')

export const incomeBand = householdsSchema.enum('income_band', INCOME_BANDS)
export const vulnerabilityFlag = householdsSchema.enum('vulnerability_flag', VULNERABILITY_FLAGS)
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
export const housingSituation = householdsSchema.enum('housing_situation', [
  'OWNER_OCCUPIED',
  'JEONSE_LEASE',
  'MONTHLY_RENT',
  'PUBLIC_RENTAL',
  'SEMI_BASEMENT_OR_ROOFTOP',
  'NON_HOUSING',
  'HOMELESS',
  'UNKNOWN',
])
export const discoverySource = householdsSchema.enum('discovery_source', [
  'OUTREACH_VISIT',
  'VOLUNTEER_GROUP',
  'NEIGHBOUR_REPORT',
  'UTILITY_ARREARS_SIGNAL',
  'WALK_IN',
  'REFERRAL_FROM_ORGANISATION',
])
export const consentPurpose = householdsSchema.enum('consent_purpose', ['CASE_MANAGEMENT', 'REFERRAL', 'DONATION_MATCHING', 'SERVICE_PROVISION'])
export const dataCategory = householdsSchema.enum('data_category', ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES'])
export const visitorRole = householdsSchema.enum('visitor_role', ['SOCIAL_WORKER', 'NURSE', 'VOLUNTEER'])
export const visitOutcome = householdsSchema.enum('visit_outcome', [
  'MET_HOUSEHOLD',
  'NOT_AT_HOME',
  'REFUSED_CONTACT',
  'LINKED_TO_SERVICE',
  'EMERGENCY_RESPONSE',
])

// Millisecond precision wherever a timestamp is part of a keyset cursor, like a JavaScript Date:
// the cursor then holds the exact value, so pagination never skips rows differing in microseconds.
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 })

export const households = householdsSchema.table(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique('households_reference_key').$defaultFn(newHouseholdReference),
    district: text('district').notNull(),
    dong: text('dong').notNull(),
    /** Identifying: the full street address. */
    address: text('address'),
    /** Identifying: the household's contact telephone number. */
    contactPhone: text('contact_phone'),
    incomeBand: incomeBand('income_band').notNull(),
    housingSituation: housingSituation('housing_situation').notNull().default('UNKNOWN'),
    vulnerabilityFlags: vulnerabilityFlag('vulnerability_flags').array().notNull().default(sql`'{}'`),
    status: householdStatus('status').notNull().default('IDENTIFIED'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Normalised address and head of household's name (see rules/duplicates.ts): one household
     * per key, enforced by a unique index so two concurrent reports cannot both register it.
     */
    duplicateKey: text('duplicate_key'),
    discoverySource: discoverySource('discovery_source').notNull().default('OUTREACH_VISIT'),
    discoveredBy: text('discovered_by'),
    /** An organisation of the centres subgraph (e.g. a volunteer group); referenced by id only. */
    discoveredByOrganisationId: uuid('discovered_by_organisation_id'),
    discoveredAt: instant('discovered_at').notNull().defaultNow(),
    /** A centre of the centres subgraph: referenced by id only, so no foreign key. */
    handlingCentreId: uuid('handling_centre_id').notNull(),
    /** An organisation of the centres subgraph; its staff handle the case. */
    handlingOrganisationId: uuid('handling_organisation_id').notNull(),
    /** The user (token subject) of the handling organisation in charge of the case. */
    caseworkerUserId: text('caseworker_user_id'),
    /** Last completed visit at which the household was met; drives the overdue-visit query. */
    lastVisitedAt: timestamp('last_visited_at', { withTimezone: true }),
    nextVisitDue: date('next_visit_due'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Every list is scoped to the caller's organisation, so it leads every list index.
    // Ascending: a backward scan serves the list's ORDER BY created_at DESC, id DESC.
    index('households_organisation_created_idx').on(t.handlingOrganisationId, t.createdAt, t.id),
    index('households_organisation_district_dong_idx').on(t.handlingOrganisationId, t.district, t.dong),
    index('households_organisation_status_idx').on(t.handlingOrganisationId, t.status, t.nextVisitDue),
    index('households_organisation_income_band_idx').on(t.handlingOrganisationId, t.incomeBand),
    index('households_centre_idx').on(t.handlingCentreId, t.status),
    index('households_vulnerability_flags_idx').using('gin', t.vulnerabilityFlags),
    index('households_area_discovered_idx').on(t.district, t.dong, t.discoveredAt),
    uniqueIndex('households_duplicate_key_idx').on(t.duplicateKey),
  ],
)

export const householdMembers = householdsSchema.table(
  'household_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** Identifying. */
    name: text('name'),
    birthYear: integer('birth_year').notNull(),
    relation: memberRelation('relation').notNull(),
    /** Sensitive (with the three below): separate consent under PIPA art. 23. */
    birthDate: date('birth_date'),
    isPregnant: boolean('is_pregnant').notNull().default(false),
    hasDisability: boolean('has_disability').notNull().default(false),
    healthNotes: text('health_notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('household_members_birth_year_check', sql`${t.birthYear} between 1900 and 2100`),
    check('household_members_birth_date_check', sql`${t.birthDate} is null or extract(year from ${t.birthDate}) = ${t.birthYear}`),
    index('household_members_household_idx').on(t.householdId),
  ],
)

/** Every status change of a case, the first (null → IDENTIFIED) included. Append-only by use. */
export const statusChanges = householdsSchema.table(
  'status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    fromStatus: householdStatus('from_status'),
    toStatus: householdStatus('to_status').notNull(),
    reason: text('reason').notNull(),
    changedByUserId: text('changed_by_user_id').notNull(),
    changedByOrganisationId: uuid('changed_by_organisation_id').notNull(),
    changedAt: instant('changed_at').notNull().defaultNow(),
  },
  (t) => [
    index('status_changes_household_idx').on(t.householdId, t.changedAt, t.id),
    index('status_changes_status_changed_idx').on(t.toStatus, t.changedAt),
  ],
)

/** Changes of handling centre, organisation or caseworker. */
export const reassignments = householdsSchema.table(
  'reassignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    fromCentreId: uuid('from_centre_id').notNull(),
    toCentreId: uuid('to_centre_id').notNull(),
    fromOrganisationId: uuid('from_organisation_id').notNull(),
    toOrganisationId: uuid('to_organisation_id').notNull(),
    fromCaseworkerUserId: text('from_caseworker_user_id'),
    toCaseworkerUserId: text('to_caseworker_user_id'),
    reason: text('reason').notNull(),
    changedByUserId: text('changed_by_user_id').notNull(),
    changedByOrganisationId: uuid('changed_by_organisation_id').notNull(),
    changedAt: instant('changed_at').notNull().defaultNow(),
  },
  (t) => [index('reassignments_household_idx').on(t.householdId, t.changedAt, t.id)],
)

export const consents = householdsSchema.table(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** The organisation (centres subgraph) the household lets see its data. */
    organisationId: uuid('organisation_id').notNull(),
    purposes: consentPurpose('purposes').array().notNull(),
    categories: dataCategory('categories').array().notNull(),
    expiresAt: instant('expires_at').notNull(),
    recordedByUserId: text('recorded_by_user_id').notNull(),
    recordedByOrganisationId: uuid('recorded_by_organisation_id').notNull(),
    grantedAt: instant('granted_at').notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByUserId: text('revoked_by_user_id'),
    revocationReason: text('revocation_reason'),
  },
  (t) => [
    index('consents_household_organisation_idx').on(t.householdId, t.organisationId),
    index('consents_household_granted_idx').on(t.householdId, t.grantedAt, t.id),
    check('consents_purposes_check', sql`cardinality(${t.purposes}) > 0`),
    check('consents_categories_check', sql`cardinality(${t.categories}) > 0`),
  ],
)

export const visits = householdsSchema.table(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    assigneeUserId: text('assignee_user_id').notNull(),
    assigneeOrganisationId: uuid('assignee_organisation_id').notNull(),
    visitorRole: visitorRole('visitor_role').notNull(),
    scheduledFor: instant('scheduled_for').notNull(),
    scheduledByUserId: text('scheduled_by_user_id').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    observations: text('observations'),
    outcome: visitOutcome('outcome'),
    nextVisitDate: date('next_visit_date'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('visits_household_idx').on(t.householdId, t.scheduledFor, t.id),
    // Open visits of one assignee: "my upcoming visits" and the volunteer's access rule.
    index('visits_assignee_open_idx').on(t.assigneeUserId, t.scheduledFor, t.id).where(sql`${t.completedAt} is null`),
    index('visits_completed_idx').on(t.completedAt),
  ],
)

export const consultationNotes = householdsSchema.table(
  'consultation_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    organisationId: uuid('organisation_id').notNull(),
    authorUserId: text('author_user_id').notNull(),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('consultation_notes_household_idx').on(t.householdId, t.createdAt, t.id)],
)

/**
 * Who read (or tried to read) a household's identifying or sensitive fields or notes. Append-only:
 * a trigger added by hand to the migration raises on UPDATE, DELETE and TRUNCATE.
 */
export const accessAudit = householdsSchema.table(
  'access_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    userId: text('user_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    roles: text('roles').array().notNull(),
    purpose: consentPurpose('purpose'),
    fields: text('fields').array().notNull(),
    allowed: boolean('allowed').notNull(),
    requestId: text('request_id').notNull(),
    occurredAt: instant('occurred_at').notNull().defaultNow(),
  },
  (t) => [index('access_audit_household_idx').on(t.householdId, t.occurredAt, t.id)],
)

export type HouseholdRow = typeof households.$inferSelect
export type HouseholdMemberRow = typeof householdMembers.$inferSelect
export type StatusChangeRow = typeof statusChanges.$inferSelect
export type ReassignmentRow = typeof reassignments.$inferSelect
export type ConsentRow = typeof consents.$inferSelect
export type VisitRow = typeof visits.$inferSelect
export type ConsultationNoteRow = typeof consultationNotes.$inferSelect
export type AccessAuditRow = typeof accessAudit.$inferSelect
export type HouseholdStatus = HouseholdRow['status']
export type ConsentPurpose = ConsentRow['purposes'][number]
export type DataCategory = ConsentRow['categories'][number]
export type VisitorRole = VisitRow['visitorRole']

/**
 * A referral's grant of the COARSE facts to the receiving organisation (the access rule's REFERRAL
 * basis). Referrals live in the programs subgraph; it records and ends the grant here through
 * `recordReferralAccess` / `endReferralAccess`, as the sending or receiving staff. Never longer
 * than `consentUntil`: the end of the sender's REFERRAL consent when the grant was recorded.
 */
export const referralAccess = householdsSchema.table(
  'referral_access',
  {
    referralId: uuid('referral_id').primaryKey(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    organisationId: uuid('organisation_id').notNull(),
    grantedByOrganisationId: uuid('granted_by_organisation_id').notNull(),
    grantedByUserId: text('granted_by_user_id').notNull(),
    consentUntil: instant('consent_until').notNull(),
    until: instant('until').notNull(),
    endedAt: instant('ended_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('referral_access_household_organisation_idx').on(t.householdId, t.organisationId),
    check('referral_access_until_check', sql`until <= consent_until`),
  ],
)

export type ReferralAccessRow = typeof referralAccess.$inferSelect
