import { date, index, pgSchema, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'

export const councilsSchema = pgSchema('councils')

export const councilKind = councilsSchema.enum('council_kind', ['DISTRICT_COUNCIL', 'REGIONAL_COUNCIL', 'DONG_COUNCIL', 'THEMATIC_COUNCIL'])
export const councilRole = councilsSchema.enum('council_role', ['CHAIR', 'VICE_CHAIR', 'SECRETARIAT', 'MEMBER'])

export const councils = councilsSchema.table(
  'councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    district: text('district').notNull(),
    region: text('region'),
    kind: councilKind('kind').notNull(),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('councils_name_id_idx').on(t.name, t.id),
    index('councils_district_idx').on(t.district),
    index('councils_kind_idx').on(t.kind),
  ],
)

/** An organisation's seat on a council; the organisation lives in the centres subgraph (id only). */
export const councilMemberships = councilsSchema.table(
  'council_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    organisationId: uuid('organisation_id').notNull(),
    role: councilRole('role').notNull(),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('council_memberships_council_organisation_key').on(t.councilId, t.organisationId),
    index('council_memberships_council_idx').on(t.councilId, t.joinedOn, t.id),
    index('council_memberships_organisation_idx').on(t.organisationId, t.joinedOn, t.id),
  ],
)

export type CouncilRow = typeof councils.$inferSelect
export type CouncilMembershipRow = typeof councilMemberships.$inferSelect
