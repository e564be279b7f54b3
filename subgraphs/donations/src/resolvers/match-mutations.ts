import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { areaProblem } from '@nanum/areas'
import { isId, parseInput, userError, type UserError } from '@nanum/subgraph-kit'
import * as writes from '../db/writes.js'
import { insertNeed } from '../db/writes.js'
import { needs, type DonationItemRow, type NeedRow } from '../db/tables.js'
import { householdHistories } from '../db/queries.js'
import { canManageFor } from '../rules/access.js'
import { householdFacts, householdsWithActiveConsent } from '../rules/consent.js'
import { handoverCodeMatches, hashHandoverCode, MAX_FAILED_CODE_ATTEMPTS, newHandoverCode } from '../rules/handover-code.js'
import { normaliseSize, sizeProblem } from '../rules/taxonomy.js'
import { failedConstraint, matchBatch, scorePair, HARD_CONSTRAINT_DESCRIPTIONS } from '../matching/index.js'
import { loadMatchingData, toMatchItem, toMatchNeed } from '../matching-run.js'
import { MATCHING_RULES } from '../matching/rules.js'
import { actorOf, requireUser } from './item-mutations.js'
import type { Context } from '../context.js'

export const DEFAULT_RESERVATION_HOURS = 72

const id = z.string().refine(isId, 'must be a UUID').transform((value) => value.toLowerCase())
const reservationHours = z.number().int().min(1, 'must be at least 1').max(336, 'must be at most 336 (two weeks)')

const recordNeedSchema = z.object({
  householdId: id,
  category: z.enum(needs.category.enumValues),
  size: z.string().trim().min(1).max(20).nullish(),
  childAgeMonths: z.number().int().min(0, 'must be 0 or more').max(240).nullish(),
  quantity: z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').nullish(),
  urgency: z.enum(needs.urgency.enumValues).nullish(),
})
const acceptSchema = z.object({
  itemId: id,
  needId: id,
  quantity: z.number().int().min(1, 'must be at least 1').nullish(),
  reservationHours: reservationHours.nullish(),
})
const scheduleSchema = z.object({ matchId: id, method: z.enum(['PICKUP', 'DELIVERY']), scheduledAt: z.date() })
const confirmSchema = z
  .object({ matchId: id, code: z.string().trim().min(1).max(20).nullish(), proxyName: z.string().trim().min(1).max(100).nullish() })
  .refine((input) => (input.code == null) !== (input.proxyName == null), { message: 'give either the household code or the proxy name', path: ['code'] })
const batchSchema = z.object({
  centreId: id.nullish(),
  district: z.string().trim().min(1).nullish(),
  dryRun: z.boolean().nullish(),
  reservationHours: reservationHours.nullish(),
})
const cancelSchema = z.object({ needId: id })
const expireSchema = z.object({ centreId: id.nullish() })

const HOUR = 3_600_000

async function manageableNeed(ctx: Context, needId: string, field = 'needId'): Promise<{ need: NeedRow } | { userErrors: UserError[] }> {
  const need = await ctx.loaders.need.load(needId)
  if (!need) return { userErrors: [userError('NOT_FOUND', ['input', field], 'no need has this id (or your organisation did not record it)')] }
  if (!canManageFor(ctx.caller, need.recordedByOrganisationId))
    return { userErrors: [userError('NOT_ALLOWED', ['input', field], 'only INTERMEDIARY or ORG_ADMIN staff of the recording organisation may do this')] }
  return { need }
}

/** Reserves and returns the payload pieces; shared by acceptMatch and batch matching. */
async function reserveFor(ctx: Context, item: DonationItemRow, need: NeedRow, quantity: number, hours: number, score: number | null, now: Date) {
  requireUser(ctx.caller)
  const code = newHandoverCode()
  const matchId = randomUUID()
  const outcome = await writes.reserve(
    ctx.database.db,
    actorOf(ctx.caller),
    { itemId: item.id, needId: need.id, householdId: need.householdId, quantity, reservedUntil: new Date(now.getTime() + hours * HOUR), codeHash: hashHandoverCode(matchId, code), score, matchId },
    now,
  )
  return outcome.ok ? { ok: true as const, match: outcome.match, code } : { ok: false as const, reason: outcome.reason }
}

const CONSENT_LAPSED = "the household's consent for DONATION_MATCHING with your organisation is no longer active (revoked or expired), or the households service could not confirm it"

const conflictMessage = { ITEM_TAKEN: 'the item no longer has that many pieces available (someone else reserved them first)', NEED_MET: 'the need no longer wants that many pieces' }

export const matchMutations = {
  recordNeed: async (_: unknown, args: { input: unknown }, ctx: Context) => {
    requireUser(ctx.caller)
    const parsed = parseInput(recordNeedSchema, args.input)
    if (!parsed.ok) return { need: null, userErrors: parsed.userErrors }
    const input = parsed.value
    if (input.size != null) {
      const problem = sizeProblem(input.category, input.size)
      if (problem) return { need: null, userErrors: [userError('INVALID_VALUE', ['input', 'size'], problem)] }
    }
    if (!canManageFor(ctx.caller, ctx.caller.organisationId))
      return { need: null, userErrors: [userError('NOT_ALLOWED', null, 'only INTERMEDIARY or ORG_ADMIN staff may record needs')] }
    const now = new Date()
    const lookup = await householdFacts(ctx, input.householdId)
    if (!lookup.ok)
      return {
        need: null,
        userErrors: [
          userError(
            lookup.reason === 'UNREACHABLE' ? 'UNAVAILABLE' : 'NOT_ALLOWED',
            ['input', 'householdId'],
            lookup.reason === 'UNREACHABLE'
              ? 'the households service could not be reached to confirm the consent for DONATION_MATCHING; try again later'
              : 'the households service does not (yet) confirm consents for DONATION_MATCHING, so no need can be recorded',
          ),
        ],
      }
    const facts = lookup.facts
    if (!facts) return { need: null, userErrors: [userError('NOT_FOUND', ['input', 'householdId'], 'no household with this id is visible to your organisation')] }
    if (!facts.donationMatchingConsentUntil || facts.donationMatchingConsentUntil <= now)
      return { need: null, userErrors: [userError('NOT_ALLOWED', ['input', 'householdId'], 'the household has no active consent for DONATION_MATCHING with your organisation')] }
    const quantity = input.quantity ?? 1
    const need = await insertNeed(ctx.database.db, {
      householdId: input.householdId,
      category: input.category,
      size: input.size != null ? normaliseSize(input.size) : null,
      childAgeMonths: input.childAgeMonths ?? null,
      quantity,
      quantityOpen: quantity,
      urgency: input.urgency ?? 'NORMAL',
      district: facts.district,
      dong: facts.dong,
      vulnerabilityScore: facts.vulnerabilityScore,
      consentConfirmedAt: now,
      consentUntil: facts.donationMatchingConsentUntil,
      recordedByOrganisationId: ctx.caller.organisationId,
      recordedByUserId: ctx.caller.userId,
    })
    return { need, userErrors: [] }
  },

  cancelNeed: async (_: unknown, args: { input: unknown }, ctx: Context) => {
    requireUser(ctx.caller)
    const parsed = parseInput(cancelSchema, args.input)
    if (!parsed.ok) return { need: null, userErrors: parsed.userErrors }
    const found = await manageableNeed(ctx, parsed.value.needId)
    if ('userErrors' in found) return { need: null, ...found }
    if (found.need.status !== 'OPEN' && found.need.status !== 'MATCHED')
      return { need: null, userErrors: [userError('CONFLICT', ['input', 'needId'], `a ${found.need.status} need cannot be cancelled`)] }
    return { need: await writes.cancelNeed(ctx.database.db, actorOf(ctx.caller), found.need.id, new Date()), userErrors: [] }
  },

  acceptMatch: async (_: unknown, args: { input: unknown }, ctx: Context) => {
    requireUser(ctx.caller)
    const empty = { match: null, handoverCode: null }
    const parsed = parseInput(acceptSchema, args.input)
    if (!parsed.ok) return { ...empty, userErrors: parsed.userErrors }
    const input = parsed.value
    const [item, foundNeed] = await Promise.all([ctx.loaders.donationItem.load(input.itemId), manageableNeed(ctx, input.needId)])
    if (!item) return { ...empty, userErrors: [userError('NOT_FOUND', ['input', 'itemId'], 'no item has this id')] }
    if ('userErrors' in foundNeed) return { ...empty, ...foundNeed }
    if (!canManageFor(ctx.caller, item.intermediaryOrganisationId))
      return { ...empty, userErrors: [userError('NOT_ALLOWED', ['input', 'itemId'], "only the item's intermediary staff may reserve it")] }
    const now = new Date()
    // Lazy expiry: lapsed reservations of this item give their pieces back before anyone reserves.
    await writes.expireReservations(ctx.database.db, now, { itemId: item.id })
    const fresh = (await ctx.loaders.donationItem.clear(item.id).load(item.id))!
    const { need } = foundNeed
    const quantity = input.quantity ?? 1
    const since = new Date(now.getTime() - MATCHING_RULES.quotaPeriodDays * 86_400_000)
    const data = { now, histories: await householdHistories(ctx.database.db, [need.householdId], since) }
    const matchNeed = toMatchNeed(need, now)
    const failed = failedConstraint(toMatchItem(fresh), matchNeed, data)
    if (failed === 'ITEM_AVAILABLE' || failed === 'NEED_OPEN')
      return { ...empty, userErrors: [userError('CONFLICT', ['input', failed === 'ITEM_AVAILABLE' ? 'itemId' : 'needId'], HARD_CONSTRAINT_DESCRIPTIONS[failed])] }
    if (failed) return { ...empty, userErrors: [userError('NOT_ALLOWED', ['input', failed === 'QUOTA' || failed === 'CONSENT' ? 'needId' : 'itemId'], `${failed}: ${HARD_CONSTRAINT_DESCRIPTIONS[failed]}`)] }
    if (quantity > need.quantityOpen) return { ...empty, userErrors: [userError('INVALID_VALUE', ['input', 'quantity'], `the need wants ${need.quantityOpen} more pieces`)] }
    if (!(await householdsWithActiveConsent(ctx, [need.householdId], now)).has(need.householdId))
      return { ...empty, userErrors: [userError('NOT_ALLOWED', ['input', 'needId'], CONSENT_LAPSED)] }
    const score = scorePair(toMatchItem(fresh), matchNeed, data).total
    const reserved = await reserveFor(ctx, fresh, need, quantity, input.reservationHours ?? DEFAULT_RESERVATION_HOURS, score, now)
    if (!reserved.ok) return { ...empty, userErrors: [userError('CONFLICT', ['input', reserved.reason === 'ITEM_TAKEN' ? 'itemId' : 'needId'], conflictMessage[reserved.reason])] }
    return { match: reserved.match, handoverCode: reserved.code, userErrors: [] }
  },

  scheduleHandover: async (_: unknown, args: { input: unknown }, ctx: Context) => {
    requireUser(ctx.caller)
    const parsed = parseInput(scheduleSchema, args.input)
    if (!parsed.ok) return { match: null, userErrors: parsed.userErrors }
    const now = new Date()
    if (parsed.value.scheduledAt <= now) return { match: null, userErrors: [userError('INVALID_VALUE', ['input', 'scheduledAt'], 'must be in the future')] }
    const match = await ctx.loaders.match.load(parsed.value.matchId)
    if (!match) return { match: null, userErrors: [userError('NOT_FOUND', ['input', 'matchId'], 'no match has this id (or your organisation did not make it)')] }
    if (!canManageFor(ctx.caller, match.createdByOrganisationId))
      return { match: null, userErrors: [userError('NOT_ALLOWED', ['input', 'matchId'], 'only INTERMEDIARY or ORG_ADMIN staff may schedule handovers')] }
    const result = await writes.scheduleHandover(ctx.database.db, actorOf(ctx.caller), match.id, parsed.value, now)
    if (!result.ok) return { match: null, userErrors: [userError('CONFLICT', ['input', 'matchId'], `the match is ${result.match?.status === 'RESERVED' ? 'a lapsed reservation' : result.match?.status}; it can no longer be scheduled`)] }
    return { match: result.match, userErrors: [] }
  },

  confirmHandover: async (_: unknown, args: { input: unknown }, ctx: Context) => {
    requireUser(ctx.caller)
    const parsed = parseInput(confirmSchema, args.input)
    if (!parsed.ok) return { match: null, userErrors: parsed.userErrors }
    const input = parsed.value
    const match = await ctx.loaders.match.load(input.matchId)
    if (!match) return { match: null, userErrors: [userError('NOT_FOUND', ['input', 'matchId'], 'no match has this id (or your organisation did not make it)')] }
    if (!canManageFor(ctx.caller, match.createdByOrganisationId))
      return { match: null, userErrors: [userError('NOT_ALLOWED', ['input', 'matchId'], 'only INTERMEDIARY or ORG_ADMIN staff may confirm handovers')] }
    if (input.code != null) {
      if (match.failedCodeAttempts >= MAX_FAILED_CODE_ATTEMPTS)
        return { match: null, userErrors: [userError('NOT_ALLOWED', ['input', 'code'], 'too many wrong codes: confirm with the proxy name after checking identity')] }
      if (!handoverCodeMatches(match.id, input.code, match.codeHash)) {
        await writes.countFailedCode(ctx.database.db, match.id)
        return { match: null, userErrors: [userError('INVALID_VALUE', ['input', 'code'], 'the code is not the one given to the household')] }
      }
    }
    const result = await writes.confirmHandover(ctx.database.db, actorOf(ctx.caller), match.id, { proxyName: input.proxyName ?? null }, new Date())
    if (!result.ok) return { match: null, userErrors: [userError('CONFLICT', ['input', 'matchId'], `the match is ${result.match?.status === 'RESERVED' ? 'a lapsed reservation' : result.match?.status}; it cannot be handed over`)] }
    return { match: result.match, userErrors: [] }
  },

  runBatchMatching: async (_: unknown, args: { input: unknown }, ctx: Context) => {
    requireUser(ctx.caller)
    const empty = { proposal: [], totalScore: 0, reserved: [] }
    const parsed = parseInput(batchSchema, args.input)
    if (!parsed.ok) return { ...empty, userErrors: parsed.userErrors }
    const input = parsed.value
    if (input.district) {
      const area = areaProblem(input.district)
      if (area) return { ...empty, userErrors: [userError('INVALID_VALUE', ['input', 'district'], area.message)] }
    }
    if (!canManageFor(ctx.caller, ctx.caller.organisationId))
      return { ...empty, userErrors: [userError('NOT_ALLOWED', null, 'only INTERMEDIARY or ORG_ADMIN staff may run matching')] }
    const now = new Date()
    await writes.expireReservations(ctx.database.db, now, { centreId: input.centreId ?? undefined })
    const organisationId = ctx.caller.roles.includes('SYSTEM_ADMIN') ? null : ctx.caller.organisationId
    const data = await loadMatchingData(ctx.database, { organisationId, centreId: input.centreId, district: input.district }, now)
    // Exact (hundredths of a point) for a centre's usual batch; whole points beyond a million
    // item × need combinations, where the benchmark shows the same optimum within 0.01 %.
    const large = data.items.length * data.needs.length > 1_000_000
    const result = matchBatch(data.items, data.needs, data.input, large ? { resolution: 1 } : {})
    const proposal = result.allocations.map((allocation) => ({
      item: data.itemRows.get(allocation.itemId)!,
      need: data.needRows.get(allocation.needId)!,
      quantity: allocation.quantity,
      score: allocation.breakdown,
    }))
    if (input.dryRun ?? true) return { proposal, totalScore: result.totalScore, reserved: [], userErrors: [] }
    const reserved = []
    const userErrors: UserError[] = []
    const hours = input.reservationHours ?? DEFAULT_RESERVATION_HOURS
    const consenting = await householdsWithActiveConsent(ctx, proposal.map((allocation) => allocation.need.householdId), now)
    for (const [index, allocation] of proposal.entries()) {
      if (!consenting.has(allocation.need.householdId)) {
        userErrors.push(userError('NOT_ALLOWED', ['proposal', String(index)], CONSENT_LAPSED))
        continue
      }
      const outcome = await reserveFor(ctx, allocation.item, allocation.need, allocation.quantity, hours, allocation.score.total, now)
      if (outcome.ok) reserved.push({ match: outcome.match, handoverCode: outcome.code })
      else userErrors.push(userError('CONFLICT', ['proposal', String(index)], conflictMessage[outcome.reason]))
    }
    return { proposal, totalScore: result.totalScore, reserved, userErrors }
  },

  expireReservations: async (_: unknown, args: { input: unknown }, ctx: Context) => {
    requireUser(ctx.caller)
    const parsed = parseInput(expireSchema, args.input ?? {})
    if (!parsed.ok) return { expiredReservations: 0, expiredItems: 0, userErrors: parsed.userErrors }
    const result = await writes.expireReservations(ctx.database.db, new Date(), { centreId: parsed.value.centreId ?? undefined })
    return { ...result, userErrors: [] }
  },
}

