import { and, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { Database } from '@nanum/db'
import { donationItems, itemEvents, matches, needs, type DonationItemRow, type DonationItemStatus, type MatchRow, type NeedRow } from './tables.js'

type Db = Database['db']
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** Who made a change; null fields for the system's expiry sweep. */
export interface Actor {
  userId: string | null
  organisationId: string | null
}

type EventKind =
  | 'LISTED'
  | 'UPDATED'
  | 'CLEANED'
  | 'RESERVED'
  | 'SCHEDULED'
  | 'HANDED_OVER'
  | 'RESERVATION_EXPIRED'
  | 'MATCH_CANCELLED'
  | 'WITHDRAWN'
  | 'EXPIRED'

export function recordEvent(
  tx: Tx | Db,
  actor: Actor,
  event: { itemId: string; kind: EventKind; fromStatus?: DonationItemStatus | null; toStatus?: DonationItemStatus | null; matchId?: string | null; quantity?: number | null; note?: string | null; at?: Date },
) {
  return tx.insert(itemEvents).values({
    itemId: event.itemId,
    kind: event.kind,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    matchId: event.matchId ?? null,
    quantity: event.quantity ?? null,
    note: event.note ?? null,
    actorUserId: actor.userId,
    actorOrganisationId: actor.organisationId,
    ...(event.at ? { at: event.at } : {}),
  })
}

/**
 * An item's status follows from its pieces and matches: AVAILABLE while pieces are free, else
 * RESERVED while a reservation holds, else ALLOCATED while a handover is scheduled, else
 * HANDED_OVER. WITHDRAWN and EXPIRED are final. One statement; returns the new row.
 */
async function refreshItemStatus(tx: Tx, itemId: string): Promise<DonationItemRow> {
  const open = (status: 'RESERVED' | 'ALLOCATED') =>
    sql`exists (select 1 from ${matches} where ${matches.itemId} = ${donationItems.id} and ${matches.status} = ${status})`
  const [row] = await tx
    .update(donationItems)
    .set({
      status: sql`case
        when ${donationItems.status} in ('WITHDRAWN', 'EXPIRED') then ${donationItems.status}
        when ${donationItems.quantityAvailable} > 0 then 'AVAILABLE'::donations.donation_item_status
        when ${open('RESERVED')} then 'RESERVED'::donations.donation_item_status
        when ${open('ALLOCATED')} then 'ALLOCATED'::donations.donation_item_status
        else 'HANDED_OVER'::donations.donation_item_status end`,
      updatedAt: sql`now()`,
    })
    .where(eq(donationItems.id, itemId))
    .returning()
  return row
}

/** A need's status: OPEN while pieces are wanted, else MATCHED while a match is pending, else FULFILLED. */
async function refreshNeedStatus(tx: Tx, needId: string) {
  const pending = sql`exists (select 1 from ${matches} where ${matches.needId} = ${needs.id} and ${matches.status} in ('RESERVED', 'ALLOCATED'))`
  await tx
    .update(needs)
    .set({
      status: sql`case
        when ${needs.status} = 'CANCELLED' then ${needs.status}
        when ${needs.quantityOpen} > 0 then 'OPEN'::donations.need_status
        when ${pending} then 'MATCHED'::donations.need_status
        else 'FULFILLED'::donations.need_status end`,
      updatedAt: sql`now()`,
    })
    .where(eq(needs.id, needId))
}

/**
 * Ends matches (lapsed reservations, or those of a withdrawn item or cancelled need) and returns
 * their pieces to items and needs. Rows are locked match → item → need, the order every write
 * here follows, so concurrent writers cannot deadlock.
 */
async function endMatches(tx: Tx, ended: Pick<MatchRow, 'id' | 'itemId' | 'needId' | 'quantity'>[], kind: 'RESERVATION_EXPIRED' | 'MATCH_CANCELLED', actor: Actor, now: Date) {
  const byItem = new Map<string, typeof ended>()
  for (const match of ended) byItem.set(match.itemId, [...(byItem.get(match.itemId) ?? []), match])
  for (const itemId of [...byItem.keys()].sort()) {
    const group = byItem.get(itemId)!
    const pieces = group.reduce((sum, match) => sum + match.quantity, 0)
    const [before] = await tx.select({ status: donationItems.status }).from(donationItems).where(eq(donationItems.id, itemId)).for('update')
    await tx
      .update(donationItems)
      .set({ quantityAvailable: sql`${donationItems.quantityAvailable} + ${pieces}` })
      .where(eq(donationItems.id, itemId))
    const after = await refreshItemStatus(tx, itemId)
    for (const match of group)
      await recordEvent(tx, actor, { itemId, kind, matchId: match.id, quantity: match.quantity, fromStatus: before.status, toStatus: after.status, at: now })
  }
  for (const match of [...ended].sort((a, b) => (a.needId < b.needId ? -1 : 1))) {
    await tx
      .update(needs)
      .set({ quantityOpen: sql`${needs.quantityOpen} + ${match.quantity}` })
      .where(and(eq(needs.id, match.needId), sql`${needs.status} <> 'CANCELLED'`))
    await refreshNeedStatus(tx, match.needId)
  }
}

/**
 * The expiry sweep, with an explicit clock so tests can move time: reservations whose
 * `reservedUntil` has passed go back to their items (which become AVAILABLE again, so the next
 * candidate can be offered), and AVAILABLE items past `availableUntil` become EXPIRED.
 */
export async function expireReservations(db: Db, now: Date, scope: { itemId?: string; centreId?: string } = {}) {
  return db.transaction(async (tx) => {
    const inScope = scope.itemId
      ? eq(matches.itemId, scope.itemId)
      : scope.centreId
        ? inArray(matches.itemId, tx.select({ id: donationItems.id }).from(donationItems).where(eq(donationItems.heldAtCentreId, scope.centreId)))
        : undefined
    const lapsed = await tx
      .update(matches)
      .set({ status: 'EXPIRED', updatedAt: sql`now()` })
      .where(and(eq(matches.status, 'RESERVED'), lte(matches.reservedUntil, now), inScope))
      .returning({ id: matches.id, itemId: matches.itemId, needId: matches.needId, quantity: matches.quantity })
    const system: Actor = { userId: null, organisationId: null }
    await endMatches(tx, lapsed, 'RESERVATION_EXPIRED', system, now)
    const expiredItems = await tx
      .update(donationItems)
      .set({ status: 'EXPIRED', updatedAt: sql`now()` })
      .where(
        and(
          eq(donationItems.status, 'AVAILABLE'),
          lte(donationItems.availableUntil, now),
          scope.itemId ? eq(donationItems.id, scope.itemId) : undefined,
          scope.centreId ? eq(donationItems.heldAtCentreId, scope.centreId) : undefined,
        ),
      )
      .returning({ id: donationItems.id })
    for (const item of expiredItems) await recordEvent(tx, system, { itemId: item.id, kind: 'EXPIRED', fromStatus: 'AVAILABLE', toStatus: 'EXPIRED', at: now })
    return { expiredReservations: lapsed.length, expiredItems: expiredItems.length }
  })
}

export type ReserveOutcome =
  | { ok: true; match: MatchRow; item: DonationItemRow }
  | { ok: false; reason: 'ITEM_TAKEN' | 'NEED_MET' }

class Rollback extends Error {
  constructor(readonly reason: 'ITEM_TAKEN' | 'NEED_MET') {
    super(reason)
  }
}

/**
 * Reserves `quantity` pieces of an item for a need. The item's pieces are taken by one
 * conditional UPDATE (`quantity_available >= n`), so of many concurrent attempts on the last
 * pieces exactly one succeeds; the CHECK constraint keeps the count from going negative even if
 * a future change forgets the condition.
 */
export async function reserve(
  db: Db,
  actor: Actor & { userId: string; organisationId: string },
  request: { itemId: string; needId: string; householdId: string; quantity: number; reservedUntil: Date; codeHash: string; score: number | null; matchId: string },
  now: Date,
): Promise<ReserveOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .update(donationItems)
        .set({ quantityAvailable: sql`${donationItems.quantityAvailable} - ${request.quantity}` })
        .where(
          and(
            eq(donationItems.id, request.itemId),
            eq(donationItems.status, 'AVAILABLE'),
            gte(donationItems.quantityAvailable, request.quantity),
            or(isNull(donationItems.availableUntil), gt(donationItems.availableUntil, now)),
          ),
        )
        .returning({ status: donationItems.status })
      if (!before) throw new Rollback('ITEM_TAKEN')
      const [need] = await tx
        .update(needs)
        .set({ quantityOpen: sql`${needs.quantityOpen} - ${request.quantity}` })
        .where(and(eq(needs.id, request.needId), eq(needs.status, 'OPEN'), gte(needs.quantityOpen, request.quantity)))
        .returning({ id: needs.id })
      if (!need) throw new Rollback('NEED_MET')
      const [match] = await tx
        .insert(matches)
        .values({
          id: request.matchId,
          itemId: request.itemId,
          needId: request.needId,
          householdId: request.householdId,
          quantity: request.quantity,
          status: 'RESERVED',
          score: request.score,
          reservedUntil: request.reservedUntil,
          codeHash: request.codeHash,
          createdByOrganisationId: actor.organisationId,
          createdByUserId: actor.userId,
        })
        .returning()
      const item = await refreshItemStatus(tx, request.itemId)
      await refreshNeedStatus(tx, request.needId)
      await recordEvent(tx, actor, { itemId: request.itemId, kind: 'RESERVED', matchId: match.id, quantity: request.quantity, fromStatus: before.status, toStatus: item.status })
      return { ok: true as const, match, item }
    })
  } catch (error) {
    if (error instanceof Rollback) return { ok: false, reason: error.reason }
    throw error
  }
}

/** Locks a match for a state change; null when it is gone. */
const lockMatch = (tx: Tx, matchId: string) => tx.select().from(matches).where(eq(matches.id, matchId)).for('update')

export async function scheduleHandover(db: Db, actor: Actor, matchId: string, change: { method: 'PICKUP' | 'DELIVERY'; scheduledAt: Date }, now: Date) {
  return db.transaction(async (tx) => {
    const [match] = await lockMatch(tx, matchId)
    if (!match || !(match.status === 'ALLOCATED' || (match.status === 'RESERVED' && match.reservedUntil! > now))) return { ok: false as const, match }
    const [updated] = await tx
      .update(matches)
      .set({ status: 'ALLOCATED', method: change.method, scheduledAt: change.scheduledAt, reservedUntil: null, updatedAt: sql`now()` })
      .where(eq(matches.id, matchId))
      .returning()
    const [before] = await tx.select({ status: donationItems.status }).from(donationItems).where(eq(donationItems.id, match.itemId))
    const item = await refreshItemStatus(tx, match.itemId)
    await recordEvent(tx, actor, { itemId: match.itemId, kind: 'SCHEDULED', matchId, quantity: match.quantity, fromStatus: before.status, toStatus: item.status, note: `${change.method} at ${change.scheduledAt.toISOString()}` })
    return { ok: true as const, match: updated }
  })
}

/** Counts a wrong code; kept even though the confirmation itself is refused. */
export async function countFailedCode(db: Db, matchId: string) {
  await db.update(matches).set({ failedCodeAttempts: sql`${matches.failedCodeAttempts} + 1` }).where(eq(matches.id, matchId))
}

export async function confirmHandover(db: Db, actor: Actor, matchId: string, proof: { proxyName: string | null }, now: Date) {
  return db.transaction(async (tx) => {
    const [match] = await lockMatch(tx, matchId)
    if (!match || !(match.status === 'ALLOCATED' || (match.status === 'RESERVED' && match.reservedUntil! > now))) return { ok: false as const, match }
    const [updated] = await tx
      .update(matches)
      .set({ status: 'HANDED_OVER', handedOverAt: now, proxyName: proof.proxyName, reservedUntil: null, updatedAt: sql`now()` })
      .where(eq(matches.id, matchId))
      .returning()
    const [before] = await tx.select({ status: donationItems.status }).from(donationItems).where(eq(donationItems.id, match.itemId))
    const item = await refreshItemStatus(tx, match.itemId)
    await refreshNeedStatus(tx, match.needId)
    await recordEvent(tx, actor, {
      itemId: match.itemId,
      kind: 'HANDED_OVER',
      matchId,
      quantity: match.quantity,
      fromStatus: before.status,
      toStatus: item.status,
      note: proof.proxyName ? `collected by proxy ${proof.proxyName}` : 'confirmed with the household code',
      at: now,
    })
    return { ok: true as const, match: updated }
  })
}

/** Withdraws an item: its pending matches are cancelled and their pieces go back to the needs. */
export async function withdrawItem(db: Db, actor: Actor, itemId: string, reason: string | null, now: Date) {
  return db.transaction(async (tx) => {
    const pending = await tx
      .update(matches)
      .set({ status: 'CANCELLED', updatedAt: sql`now()` })
      .where(and(eq(matches.itemId, itemId), inArray(matches.status, ['RESERVED', 'ALLOCATED'])))
      .returning({ id: matches.id, itemId: matches.itemId, needId: matches.needId, quantity: matches.quantity })
    await endMatches(tx, pending, 'MATCH_CANCELLED', actor, now)
    const [before] = await tx.select({ status: donationItems.status }).from(donationItems).where(eq(donationItems.id, itemId)).for('update')
    if (!before || ['WITHDRAWN', 'EXPIRED', 'HANDED_OVER'].includes(before.status)) return { ok: false as const, status: before?.status }
    const [item] = await tx.update(donationItems).set({ status: 'WITHDRAWN', updatedAt: sql`now()` }).where(eq(donationItems.id, itemId)).returning()
    await recordEvent(tx, actor, { itemId, kind: 'WITHDRAWN', fromStatus: before.status, toStatus: 'WITHDRAWN', note: reason, at: now })
    return { ok: true as const, item }
  })
}

/** Cancels a need: its pending matches are cancelled and their pieces go back to the items. */
export async function cancelNeed(db: Db, actor: Actor, needId: string, now: Date) {
  return db.transaction(async (tx) => {
    const pending = await tx
      .update(matches)
      .set({ status: 'CANCELLED', updatedAt: sql`now()` })
      .where(and(eq(matches.needId, needId), inArray(matches.status, ['RESERVED', 'ALLOCATED'])))
      .returning({ id: matches.id, itemId: matches.itemId, needId: matches.needId, quantity: matches.quantity })
    const [need] = await tx
      .update(needs)
      .set({ status: 'CANCELLED', updatedAt: sql`now()` })
      .where(and(eq(needs.id, needId), inArray(needs.status, ['OPEN', 'MATCHED'])))
      .returning()
    if (!need) throw new Error('need is not open') // the resolver checked the status under the same rules
    await endMatches(tx, pending, 'MATCH_CANCELLED', actor, now)
    return need as NeedRow
  })
}

/** Applies an item update with the quantity rule: the total may not drop below the pieces already promised. */
export async function updateItem(db: Db, actor: Actor, itemId: string, changes: Partial<typeof donationItems.$inferInsert>, kind: 'UPDATED' | 'CLEANED') {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(donationItems).where(eq(donationItems.id, itemId)).for('update')
    const set: Partial<typeof donationItems.$inferInsert> = { ...changes, updatedAt: new Date() }
    if (changes.quantity != null) {
      const promised = before.quantity - before.quantityAvailable
      if (changes.quantity < promised) return { ok: false as const, promised }
      set.quantityAvailable = changes.quantity - promised
    }
    await tx.update(donationItems).set(set).where(eq(donationItems.id, itemId))
    const item = changes.quantity != null ? await refreshItemStatus(tx, itemId) : (await tx.select().from(donationItems).where(eq(donationItems.id, itemId)))[0]
    await recordEvent(tx, actor, { itemId, kind, fromStatus: before.status, toStatus: item.status, note: Object.keys(changes).sort().join(', ') })
    return { ok: true as const, item }
  })
}

export async function listItem(db: Db, actor: Actor, row: typeof donationItems.$inferInsert) {
  return db.transaction(async (tx) => {
    const [item] = await tx.insert(donationItems).values(row).returning()
    await recordEvent(tx, actor, { itemId: item.id, kind: 'LISTED', toStatus: item.status, quantity: item.quantity })
    return item
  })
}

export async function insertNeed(db: Db, row: typeof needs.$inferInsert) {
  const [need] = await db.insert(needs).values(row).returning()
  return need
}
