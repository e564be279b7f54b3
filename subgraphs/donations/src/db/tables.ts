import { sql } from 'drizzle-orm'
import { bigserial, check, index, integer, pgSchema, real, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const donationsSchema = pgSchema('donations')

// Millisecond precision everywhere, like a JavaScript Date: a cursor then holds the exact value,
// so keyset pagination never skips rows that differ only in microseconds.
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 })

export const donationCategory = donationsSchema.enum('donation_category', [
  'STROLLER',
  'CAR_SEAT',
  'CRIB',
  'BABY_CLOTHING',
  'TOYS',
  'BOOKS',
  'FEEDING',
  'BATH_AND_HYGIENE',
  'SCHOOL_UNIFORM',
  'APPLIANCE',
  'OTHER',
])
export const itemCondition = donationsSchema.enum('item_condition', ['NEW', 'LIKE_NEW', 'GOOD', 'FAIR'])
export const donationItemStatus = donationsSchema.enum('donation_item_status', [
  'AVAILABLE',
  'RESERVED',
  'ALLOCATED',
  'HANDED_OVER',
  'WITHDRAWN',
  'EXPIRED',
])
export const needUrgency = donationsSchema.enum('need_urgency', ['LOW', 'NORMAL', 'HIGH', 'URGENT'])
export const needStatus = donationsSchema.enum('need_status', ['OPEN', 'MATCHED', 'FULFILLED', 'CANCELLED'])
export const matchStatus = donationsSchema.enum('match_status', ['RESERVED', 'ALLOCATED', 'HANDED_OVER', 'EXPIRED', 'CANCELLED'])
export const handoverMethod = donationsSchema.enum('handover_method', ['PICKUP', 'DELIVERY'])

export const donationItems = donationsSchema.table(
  'donation_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description'),
    category: donationCategory('category').notNull(),
    condition: itemCondition('condition').notNull(),
    minAgeMonths: integer('min_age_months'),
    maxAgeMonths: integer('max_age_months'),
    /** Normalised size label (see rules/taxonomy.ts), e.g. "90" for clothing, "M" for a uniform. */
    size: text('size'),
    /** Pieces this listing covered when listed. */
    quantity: integer('quantity').notNull().default(1),
    /** Pieces not reserved, allocated or handed over; only a conditional UPDATE lowers it. */
    quantityAvailable: integer('quantity_available').notNull().default(1),
    photoUrls: text('photo_urls').array().notNull().default(sql`'{}'::text[]`),
    status: donationItemStatus('status').notNull().default('AVAILABLE'),
    /** A centre of the centres subgraph: referenced by id only, so no foreign key. */
    heldAtCentreId: uuid('held_at_centre_id').notNull(),
    /** District of the intake centre: the item's service area for matching. */
    district: text('district'),
    dong: text('dong'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    /** An organisation of the centres subgraph; null when an individual donated the item. */
    donorOrganisationId: uuid('donor_organisation_id'),
    /** An individual donor: a display name only. */
    donorDisplayName: text('donor_display_name'),
    /** An individual donor's contact, readable only by the intermediary organisation's staff. */
    donorContact: text('donor_contact'),
    /** The caller's organisation at listing: its staff manage the item. */
    intermediaryOrganisationId: uuid('intermediary_organisation_id'),
    cleanedByOrganisationId: uuid('cleaned_by_organisation_id'),
    cleanedAt: instant('cleaned_at'),
    inspectedAt: instant('inspected_at'),
    listedAt: instant('listed_at').notNull().defaultNow(),
    availableUntil: instant('available_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('donation_items_quantity_check', sql`${t.quantity} >= 0`),
    check('donation_items_quantity_available_check', sql`${t.quantityAvailable} >= 0 and ${t.quantityAvailable} <= ${t.quantity}`),
    // An open bound (null) passes: the check then evaluates to null, which PostgreSQL accepts.
    check('donation_items_min_age_check', sql`${t.minAgeMonths} >= 0`),
    check('donation_items_max_age_check', sql`${t.maxAgeMonths} >= 0`),
    check('donation_items_age_range_check', sql`${t.minAgeMonths} <= ${t.maxAgeMonths}`),
    index('donation_items_listed_at_id_idx').on(t.listedAt, t.id),
    index('donation_items_status_listed_at_idx').on(t.status, t.listedAt, t.id),
    index('donation_items_category_listed_at_idx').on(t.category, t.listedAt, t.id),
    index('donation_items_condition_idx').on(t.condition),
    index('donation_items_centre_listed_at_idx').on(t.heldAtCentreId, t.listedAt, t.id),
    index('donation_items_centre_status_category_idx').on(t.heldAtCentreId, t.status, t.category),
    index('donation_items_donor_listed_at_idx').on(t.donorOrganisationId, t.listedAt, t.id),
    index('donation_items_age_range_idx').on(t.minAgeMonths, t.maxAgeMonths),
    index('donation_items_district_status_idx').on(t.district, t.status),
    index('donation_items_available_until_idx').on(t.availableUntil),
    index('donation_items_intermediary_listed_at_idx').on(t.intermediaryOrganisationId, t.listedAt),
  ],
)

export const needs = donationsSchema.table(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A household of the households subgraph, by id only. */
    householdId: uuid('household_id').notNull(),
    category: donationCategory('category').notNull(),
    size: text('size'),
    childAgeMonths: integer('child_age_months'),
    quantity: integer('quantity').notNull().default(1),
    /** Pieces still to be matched (quantity minus active and handed-over matches). */
    quantityOpen: integer('quantity_open').notNull().default(1),
    urgency: needUrgency('urgency').notNull().default('NORMAL'),
    status: needStatus('status').notNull().default('OPEN'),
    /** Coarse attributes the households subgraph returned when the need was recorded. */
    district: text('district'),
    dong: text('dong'),
    vulnerabilityScore: integer('vulnerability_score'),
    consentConfirmedAt: instant('consent_confirmed_at').notNull(),
    /** When the confirmed consent ends: after it the need is no longer matched. */
    consentUntil: instant('consent_until').notNull(),
    recordedByOrganisationId: uuid('recorded_by_organisation_id').notNull(),
    recordedByUserId: text('recorded_by_user_id').notNull(),
    note: text('note'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('needs_quantity_check', sql`${t.quantity} >= 1`),
    check('needs_quantity_open_check', sql`${t.quantityOpen} >= 0 and ${t.quantityOpen} <= ${t.quantity}`),
    check('needs_child_age_check', sql`${t.childAgeMonths} >= 0`),
    check('needs_vulnerability_check', sql`${t.vulnerabilityScore} between 0 and 100`),
    index('needs_household_created_at_idx').on(t.householdId, t.createdAt, t.id),
    index('needs_status_category_district_idx').on(t.status, t.category, t.district),
    index('needs_recorded_by_idx').on(t.recordedByOrganisationId, t.createdAt, t.id),
  ],
)

/** One allocation of `quantity` pieces of an item to a household's need. */
export const matches = donationsSchema.table(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => donationItems.id),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id),
    householdId: uuid('household_id').notNull(),
    quantity: integer('quantity').notNull(),
    status: matchStatus('status').notNull().default('RESERVED'),
    score: real('score'),
    reservedUntil: instant('reserved_until'),
    method: handoverMethod('method'),
    scheduledAt: instant('scheduled_at'),
    /** SHA-256 of the one-time handover code; the code itself is shown once and never stored. */
    codeHash: text('code_hash').notNull(),
    failedCodeAttempts: integer('failed_code_attempts').notNull().default(0),
    handedOverAt: instant('handed_over_at'),
    /** Who collected for the household when it was not the household itself. */
    proxyName: text('proxy_name'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    createdByUserId: text('created_by_user_id').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('matches_quantity_check', sql`${t.quantity} >= 1`),
    index('matches_item_idx').on(t.itemId, t.status),
    index('matches_need_idx').on(t.needId, t.status),
    index('matches_household_created_at_idx').on(t.householdId, t.createdAt, t.id),
    index('matches_status_reserved_until_idx').on(t.status, t.reservedUntil),
  ],
)

/** Append-only history of every state change of an item: who, when, from what to what. */
export const itemEvents = donationsSchema.table(
  'item_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => donationItems.id),
    matchId: uuid('match_id'),
    kind: text('kind').notNull(),
    fromStatus: donationItemStatus('from_status'),
    toStatus: donationItemStatus('to_status'),
    quantity: integer('quantity'),
    actorUserId: text('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    at: instant('at').notNull().defaultNow(),
    note: text('note'),
  },
  (t) => [index('item_events_item_at_idx').on(t.itemId, t.at, t.id)],
)

export type DonationItemRow = typeof donationItems.$inferSelect
export type DonationItemStatus = DonationItemRow['status']
export type NeedRow = typeof needs.$inferSelect
export type MatchRow = typeof matches.$inferSelect
export type ItemEventRow = typeof itemEvents.$inferSelect
export type Category = DonationItemRow['category']
export type Condition = DonationItemRow['condition']
export type Urgency = NeedRow['urgency']
