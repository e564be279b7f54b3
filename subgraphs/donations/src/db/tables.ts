import { sql } from 'drizzle-orm'
import { check, index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const donationsSchema = pgSchema('donations')

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
    quantity: integer('quantity').notNull().default(1),
    status: donationItemStatus('status').notNull().default('AVAILABLE'),
    /** A centre of the centres subgraph: referenced by id only, so no foreign key. */
    heldAtCentreId: uuid('held_at_centre_id').notNull(),
    /** An organisation of the centres subgraph; null when an individual donated the item. */
    donorOrganisationId: uuid('donor_organisation_id'),
    // Millisecond precision, like a JavaScript Date: a cursor then holds the exact value, so
    // keyset pagination never skips rows that differ only in microseconds.
    listedAt: timestamp('listed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('donation_items_quantity_check', sql`${t.quantity} >= 0`),
    // An open bound (null) passes: the check then evaluates to null, which PostgreSQL accepts.
    check('donation_items_min_age_check', sql`${t.minAgeMonths} >= 0`),
    check('donation_items_max_age_check', sql`${t.maxAgeMonths} >= 0`),
    check('donation_items_age_range_check', sql`${t.minAgeMonths} <= ${t.maxAgeMonths}`),
    index('donation_items_listed_at_id_idx').on(t.listedAt, t.id),
    index('donation_items_status_listed_at_idx').on(t.status, t.listedAt, t.id),
    index('donation_items_category_listed_at_idx').on(t.category, t.listedAt, t.id),
    index('donation_items_condition_idx').on(t.condition),
    index('donation_items_centre_listed_at_idx').on(t.heldAtCentreId, t.listedAt, t.id),
    index('donation_items_donor_listed_at_idx').on(t.donorOrganisationId, t.listedAt, t.id),
    index('donation_items_age_range_idx').on(t.minAgeMonths, t.maxAgeMonths),
  ],
)

export type DonationItemRow = typeof donationItems.$inferSelect
export type DonationItemStatus = DonationItemRow['status']
