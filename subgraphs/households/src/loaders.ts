import DataLoader from 'dataloader'
import { connectionLoader, groupLoader, loaderFamily, rowLoader, type Caller, type Page } from '@nanum/subgraph-kit'
import type { Database } from '@nanum/db'
import type { SQL } from 'drizzle-orm'
import * as queries from './db/queries.js'
import type { ConsentPurpose } from './db/tables.js'
import { householdAccess, type GuardedField, type HouseholdAccess } from './rules/access.js'

export type HouseholdsLoaders = ReturnType<typeof createLoaders>

/** A household as resolvers see it: its row and the caller's access to it, decided once. */
export type LoadedHousehold = queries.HouseholdWithFacts & { access: HouseholdAccess }

export interface AuditEntry {
  householdId: string
  field: GuardedField
  allowed: boolean
  purpose: ConsentPurpose | null
  requestId: string
}

export function withAccess(caller: Caller, rows: readonly queries.HouseholdWithFacts[]): LoadedHousehold[] {
  return rows.map((row) => ({
    ...row,
    access: householdAccess(caller, row),
  }))
}

export function createLoaders({ db }: Database, caller: Caller) {
  const reader: queries.Reader | null = caller.kind === 'user' ? { userId: caller.userId, organisationId: caller.organisationId } : null

  const nested = (list: queries.NestedList, cursorOf: (row: any) => readonly (string | number | null)[], where?: SQL) =>
    connectionLoader({
      fetch: (ids: readonly string[], page: Page) => queries.nestedPage(db, list, ids, page, where),
      count: (ids) => queries.nestedCounts(db, list, ids, where),
      keyOf: (row: any) => row.householdId as string,
      cursorOf,
    })

  return {
    /**
     * Households by id with the caller's access decided (rules/access.ts) from facts loaded in
     * the same statement. Resolvers turn an invisible household into null, exactly like one that
     * does not exist. Anonymous callers cost no query.
     */
    household: rowLoader(
      async (ids: readonly string[]) => (reader ? withAccess(caller, await queries.householdsByIds(db, ids, reader)) : []),
      (row) => row.id,
    ),
    membersOfHousehold: groupLoader((ids: readonly string[]) => queries.membersOfHouseholds(db, ids), (row) => row.householdId),
    visit: rowLoader((ids: readonly string[]) => queries.visitsByIds(db, ids), (row) => row.id),
    consent: rowLoader((ids: readonly string[]) => queries.consentsByIds(db, ids), (row) => row.id),

    statusHistory: nested('statusHistory', (row) => queries.instantCursor(row.changedAt, row.id)),
    reassignments: nested('reassignments', (row) => queries.instantCursor(row.changedAt, row.id)),
    visits: nested('visits', (row) => queries.instantCursor(row.scheduledFor, row.id)),
    consents: nested('consents', (row) => queries.instantCursor(row.grantedAt, row.id)),
    auditTrail: nested('auditTrail', (row) => queries.instantCursor(row.occurredAt, row.id)),
    /** Every note of the household: for an organisation a consent covering NOTES names. */
    allNotes: nested('notes', (row) => queries.instantCursor(row.createdAt, row.id)),
    /** The notes the caller's own organisation wrote: all that is not shared with it. */
    ownNotes: nested('notes', (row) => queries.instantCursor(row.createdAt, row.id), reader ? queries.notesWrittenBy(reader.organisationId) : undefined),

    centreOutreach: loaderFamily(
      (period: { from: string; to: string }) =>
        new DataLoader<string, Awaited<ReturnType<typeof queries.centreOutreach>>>(async (centreIds) => {
          const all = await queries.centreOutreach(db, centreIds, { from: new Date(period.from), to: new Date(period.to) })
          return centreIds.map((id) => ({
            cases: all.cases.filter((row) => row.centreId === id),
            visitRoles: all.visitRoles.filter((row) => row.centreId === id),
          }))
        }),
    ),

    /**
     * The audit log's writer. Every guarded read of the request is queued here and written in
     * one INSERT per execution step (DataLoader's batch), before the value is returned: no audit
     * row, no data. Entries of one household and decision are merged into one row listing the
     * fields.
     */
    audit: new DataLoader<AuditEntry, true>(
      async (entries) => {
        if (caller.kind !== 'user') throw new Error('audit entries need a signed-in caller')
        const rows = new Map<string, { householdId: string; allowed: boolean; purpose: ConsentPurpose | null; requestId: string; fields: Set<string> }>()
        for (const entry of entries) {
          const key = `${entry.householdId}|${entry.allowed}|${entry.purpose}`
          const row = rows.get(key) ?? { ...entry, fields: new Set<string>() }
          row.fields.add(entry.field)
          rows.set(key, row)
        }
        await queries.insertAuditRows(
          db,
          [...rows.values()].map((row) => ({
            householdId: row.householdId,
            userId: caller.userId,
            organisationId: caller.organisationId,
            roles: [...caller.roles],
            purpose: row.purpose,
            fields: [...row.fields].sort(),
            allowed: row.allowed,
            requestId: row.requestId,
          })),
        )
        return entries.map(() => true as const)
      },
      { cache: false },
    ),
  }
}
