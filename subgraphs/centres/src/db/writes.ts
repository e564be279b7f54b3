import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '@nanum/db'
import {
  centreHoursExceptions,
  centreOpeningHours,
  centres,
  organisationContacts,
  organisations,
  type CentreRow,
  type HoursExceptionRow,
  type OpeningHoursRow,
  type OrganisationContactRow,
  type OrganisationRow,
} from './tables.js'

type Db = Database['db']

type OrganisationFields = Omit<typeof organisations.$inferInsert, 'createdAt' | 'updatedAt'>
type CentreFields = Omit<typeof centres.$inferInsert, 'createdAt' | 'updatedAt'>
type ContactFields = Omit<OrganisationContactRow, 'id' | 'organisationId' | 'position'>
type HoursFields = Omit<OpeningHoursRow, 'centreId'>
type ExceptionFields = Omit<HoursExceptionRow, 'centreId'>

async function replaceContacts(tx: Db, organisationId: string, contacts: readonly ContactFields[]) {
  await tx.delete(organisationContacts).where(eq(organisationContacts.organisationId, organisationId))
  if (contacts.length)
    await tx.insert(organisationContacts).values(contacts.map((contact, position) => ({ ...contact, organisationId, position })))
}

async function replaceHours(tx: Db, centreId: string, hours: readonly HoursFields[] | undefined, exceptions: readonly ExceptionFields[] | undefined) {
  if (hours) {
    await tx.delete(centreOpeningHours).where(eq(centreOpeningHours.centreId, centreId))
    if (hours.length) await tx.insert(centreOpeningHours).values(hours.map((entry) => ({ ...entry, centreId })))
  }
  if (exceptions) {
    await tx.delete(centreHoursExceptions).where(eq(centreHoursExceptions.centreId, centreId))
    if (exceptions.length) await tx.insert(centreHoursExceptions).values(exceptions.map((entry) => ({ ...entry, centreId })))
  }
}

export function createOrganisation(db: Db, fields: OrganisationFields, contacts: readonly ContactFields[]): Promise<OrganisationRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(organisations).values(fields).returning()
    await replaceContacts(tx as unknown as Db, row.id, contacts)
    return row
  })
}

/** Changes the given fields; `contacts`, when given, replace the organisation's list. Null when the organisation is gone. */
export function updateOrganisation(
  db: Db,
  id: string,
  fields: Partial<OrganisationFields>,
  contacts: readonly ContactFields[] | undefined,
): Promise<OrganisationRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(organisations)
      .set({ ...fields, updatedAt: sql`now()` })
      .where(eq(organisations.id, id))
      .returning()
    if (!row) return null
    if (contacts) await replaceContacts(tx as unknown as Db, id, contacts)
    return row
  })
}

export function createCentre(db: Db, fields: CentreFields, hours: readonly HoursFields[], exceptions: readonly ExceptionFields[]): Promise<CentreRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(centres).values(fields).returning()
    await replaceHours(tx as unknown as Db, row.id, hours, exceptions)
    return row
  })
}

/** Changes the given fields; hours and exceptions, when given, replace the centre's. Null when the centre is gone. */
export function updateCentre(
  db: Db,
  id: string,
  fields: Partial<CentreFields>,
  hours: readonly HoursFields[] | undefined,
  exceptions: readonly ExceptionFields[] | undefined,
): Promise<CentreRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(centres)
      .set({ ...fields, updatedAt: sql`now()` })
      .where(eq(centres.id, id))
      .returning()
    if (!row) return null
    await replaceHours(tx as unknown as Db, id, hours, exceptions)
    return row
  })
}

/**
 * Moves a centre to `status` only from one of `from`, in one conditional UPDATE, so two staff
 * closing (or reopening) the same centre at once leave one winner; null when it was not in `from`.
 */
export async function changeCentreStatus(
  db: Db,
  id: string,
  from: readonly CentreRow['status'][],
  status: CentreRow['status'],
  reason: string | null,
): Promise<CentreRow | null> {
  const [row] = await db
    .update(centres)
    .set({ status, statusReason: reason, updatedAt: sql`now()` })
    .where(and(eq(centres.id, id), inArray(centres.status, [...from])))
    .returning()
  return row ?? null
}
