import { sql } from 'drizzle-orm'
import { check, index, integer, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const programsSchema = pgSchema('programs')

export const programCategory = programsSchema.enum('program_category', [
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
  'OTHER',
])
export const lifeStage = programsSchema.enum('life_stage', ['PREGNANCY', 'INFANCY', 'CHILDHOOD', 'YOUTH', 'ADULTHOOD', 'OLD_AGE'])
export const programStatus = programsSchema.enum('program_status', ['ACTIVE', 'TEMPORARILY_CLOSED', 'INACTIVE'])

/** A service an organisation runs; the provider lives in the centres subgraph (id only). */
export const programs = programsSchema.table(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    category: programCategory('category').notNull(),
    lifeStages: lifeStage('life_stages').array().notNull().default(sql`'{}'`),
    providerOrganisationId: uuid('provider_organisation_id').notNull(),
    eligibilitySummary: text('eligibility_summary'),
    capacity: integer('capacity'),
    seatsTaken: integer('seats_taken').notNull().default(0),
    status: programStatus('status').notNull().default('ACTIVE'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('programs_name_id_idx').on(t.name, t.id),
    index('programs_category_idx').on(t.category, t.name, t.id),
    index('programs_status_idx').on(t.status, t.name, t.id),
    index('programs_life_stages_idx').using('gin', t.lifeStages),
    index('programs_provider_idx').on(t.providerOrganisationId, t.name, t.id),
    // Plain column names: drizzle would qualify them with schema and table inside CREATE TABLE.
    check('programs_capacity_check', sql`capacity is null or capacity >= 0`),
    check('programs_seats_taken_check', sql`seats_taken >= 0 and (capacity is null or seats_taken <= capacity)`),
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

export type ProgramRow = typeof programs.$inferSelect
export type ProgramCentreRow = typeof programCentres.$inferSelect
