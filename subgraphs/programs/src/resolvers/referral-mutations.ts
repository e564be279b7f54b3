import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { isId, parseInput, userError, type UserError } from '@nanum/subgraph-kit'
import * as referralQueries from '../db/referral-queries.js'
import type { EnrollmentRow, ProgramRow, ReferralRow } from '../db/tables.js'
import { requireSignedIn } from '../rules/access.js'
import { duplicateNotices, type DuplicateServiceNotice } from '../rules/duplicate-services.js'
import { centreOperator } from '../rules/centre-port.js'
import { endReferralAccess, householdsAsCaller, recordReferralAccess, type HouseholdView } from '../rules/household-port.js'
import { seesWholeServiceHistory } from '../rules/household-records.js'
import { actsForReferrals, expiryFrom, referralExpiryDays, transitionFor, transitionProblem, type ReferralAction } from '../rules/referral-lifecycle.js'
import type { Context } from '../context.js'

type Input = { input: Record<string, unknown> }
type ReferralPayload = { referral: ReferralRow | null; userErrors: UserError[] }

const id = z.uuid().transform((value) => value.toLowerCase())
const note = z.string().trim().max(2000).nullish()
const isoDate = z.iso.date()

/** Today's date in Asia/Seoul (UTC+9, no daylight saving). */
const seoulToday = (now: Date) => new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10)

/** SENT referrals past their answer time expire before anything reads or changes referrals. */
export const expireDue = (ctx: Context, now = new Date()) =>
  referralQueries.expireDueReferrals(ctx.database.db, now, `No answer within ${referralExpiryDays()} days`)

const noticeView = (notice: DuplicateServiceNotice, ctx: Context) => ({
  category: notice.category,
  activeSinceMonth: notice.activeSinceMonth,
  program: notice.programId ? () => ctx.loaders.program.load(notice.programId!) : null,
  organisation: notice.organisationId ? { id: notice.organisationId } : null,
})

const duplicateProblem = (category: string): UserError =>
  userError('CONFLICT', ['input', 'acknowledgeDuplicates'], `The household already has an active service of category ${category}; see duplicateServices and set acknowledgeDuplicates to proceed`)

const unreachable = (field: string, service = 'households') => userError('UNAVAILABLE', ['input', field], `The ${service} service cannot be reached; nothing was written, try again later`)

/** The household's ACTIVE services in the program's category, described as far as the caller may learn (rules/household-records.ts). */
async function activeServices(ctx: Context, householdId: string, program: ProgramRow, view: HouseholdView | null) {
  const active = await referralQueries.activeEnrollmentsInCategory(ctx.database.db, householdId, program.category)
  return duplicateNotices(active, seesWholeServiceHistory(view)).map((notice) => noticeView(notice, ctx))
}

/** Why the sending centre cannot be named, or null when it is one of the caller's organisation's. */
async function fromCentreProblem(ctx: Context, centreId: string, organisationId: string): Promise<UserError | null> {
  const operator = await centreOperator(ctx, centreId)
  if (!operator.ok) return unreachable('fromCentreId', 'centres')
  if (!operator.organisationId) return userError('NOT_FOUND', ['input', 'fromCentreId'], 'No centre has this id')
  if (operator.organisationId !== organisationId) return userError('NOT_ALLOWED', ['input', 'fromCentreId'], "The sending centre must be one of your organisation's")
  return null
}

const sendReferralInput = z.object({
  id: id.nullish(),
  householdId: id,
  programId: id,
  fromCentreId: id.nullish(),
  reason: z.string().trim().min(1, 'must not be empty').max(2000),
  urgency: z.enum(['ROUTINE', 'SOON', 'URGENT']).nullish(),
  acknowledgeDuplicates: z.boolean().nullish(),
})

async function transition(ctx: Context, rawId: unknown, action: ReferralAction, noteText: string | null): Promise<ReferralPayload> {
  requireSignedIn(ctx.caller)
  const refused = (...userErrors: UserError[]): ReferralPayload => ({ referral: null, userErrors })
  if (!isId(rawId)) return refused(userError('INVALID_VALUE', ['input', 'id'], 'must be a UUID'))
  await expireDue(ctx)
  const referralId = rawId.toLowerCase()
  ctx.loaders.referral.clear(referralId)
  const referral = await ctx.loaders.referral.load(referralId)
  const caller = ctx.caller
  const involved = referral && caller.kind === 'user' && [referral.fromOrganisationId, referral.toOrganisationId].includes(caller.organisationId)
  if (!referral || !involved) return refused(userError('NOT_FOUND', ['input', 'id'], 'No referral with this id involves your organisation'))
  const rule = transitionFor(referral.status, action)
  const problem = transitionProblem(caller, referral, action)
  if (problem) return refused(userError(rule ? 'NOT_ALLOWED' : 'CONFLICT', ['input', 'id'], problem))
  if (action === 'ACCEPT') {
    // Taking a household on needs the consent the referral was sent under to hold still.
    const lookup = await householdsAsCaller(ctx, [referral.householdId])
    if (!lookup.ok) return refused(unreachable('id'))
    if (!lookup.visible.has(referral.householdId))
      return refused(userError('NOT_ALLOWED', ['input', 'id'], "The household's consent behind this referral has ended; decline it, or ask the sending organisation to refer it again"))
  }
  const updated = await referralQueries.inTransaction(ctx.database.db, (tx) =>
    referralQueries.transitionReferral(tx, referral.id, {
      from: referral.status,
      to: rule!.to,
      byUserId: caller.kind === 'user' ? caller.userId : null,
      byOrganisationId: caller.kind === 'user' ? caller.organisationId : null,
      note: noteText,
    }),
  )
  ctx.loaders.referral.clear(referral.id)
  ctx.loaders.transitionsOfReferral.clear(referral.id)
  if (!updated) return refused(userError('CONFLICT', ['input', 'id'], 'The referral changed meanwhile; read it again'))
  await syncReferralAccess(ctx, updated)
  return { referral: updated, userErrors: [] }
}

/**
 * Keeps the households subgraph's REFERRAL grant in step with the referral: an accepted referral
 * lets the receiver see the household for as long as the sender's consent holds; a final one ends
 * the grant. The referral's state is the record: when households cannot be told, the grant still
 * lapses by itself (at the answer time, or at the consent's end), so this is logged, not refused.
 */
async function syncReferralAccess(ctx: Context, referral: ReferralRow) {
  const change =
    referral.status === 'ACCEPTED'
      ? await recordReferralAccess(ctx, { referralId: referral.id, householdId: referral.householdId, organisationId: referral.toOrganisationId, until: referral.consentUntil })
      : ['DECLINED', 'CANCELLED', 'COMPLETED'].includes(referral.status)
        ? await endReferralAccess(ctx, referral.id)
        : { ok: true as const }
  // Ending a grant that was never recorded (a referral written before grants, or by hand) is no problem.
  const nothingToEnd = !change.ok && change.code === 'NOT_FOUND' && referral.status !== 'ACCEPTED'
  if (!change.ok && !nothingToEnd) ctx.log.warn({ referralId: referral.id, status: referral.status, problem: change }, 'referral access not updated in households')
}

const enrollHouseholdInput = z
  .object({
    referralId: id.nullish(),
    householdId: id.nullish(),
    programId: id.nullish(),
    startsOn: isoDate.nullish(),
    acknowledgeDuplicates: z.boolean().nullish(),
  })
  .superRefine((value, issues) => {
    if (value.referralId && (value.householdId || value.programId))
      issues.addIssue({ code: 'custom', path: ['referralId'], message: 'give either referralId or householdId and programId' })
    if (!value.referralId) {
      if (!value.householdId) issues.addIssue({ code: 'custom', path: ['householdId'], message: 'is required without referralId' })
      if (!value.programId) issues.addIssue({ code: 'custom', path: ['programId'], message: 'is required without referralId' })
    }
  })

type EnrollmentPayload = { enrollment: EnrollmentRow | null; duplicateServices: unknown[]; userErrors: UserError[] }

export const ReferralMutation = {
  sendReferral: async (_: unknown, { input }: Input, ctx: Context) => {
    requireSignedIn(ctx.caller)
    const refused = (userErrors: UserError[], duplicateServices: unknown[] = []) => ({ referral: null, duplicateServices, userErrors })
    const caller = ctx.caller
    if (!actsForReferrals(caller)) return refused([userError('NOT_ALLOWED', null, 'Only CASEWORKER, NURSE and ORG_ADMIN staff send referrals')])
    const parsed = parseInput(sendReferralInput, input)
    if (!parsed.ok) return refused(parsed.userErrors)
    const value = parsed.value
    const program = await ctx.loaders.program.load(value.programId)
    if (!program) return refused([userError('NOT_FOUND', ['input', 'programId'], 'No program has this id')])
    if (program.status !== 'ACTIVE') return refused([userError('CONFLICT', ['input', 'programId'], `The program is ${program.status}`)])
    if (program.providerOrganisationId === caller.organisationId)
      return refused([userError('INVALID_VALUE', ['input', 'programId'], 'A referral goes to another organisation; enroll the household in your own program with enrollHousehold')])
    if (value.fromCentreId) {
      const problem = await fromCentreProblem(ctx, value.fromCentreId, caller.organisationId)
      if (problem) return refused([problem])
    }
    const now = new Date()
    const lookup = await householdsAsCaller(ctx, [value.householdId])
    if (!lookup.ok) return refused([unreachable('householdId')])
    const view = lookup.visible.get(value.householdId) ?? null
    const consentUntil = view?.referralConsentUntil
    if (!consentUntil || consentUntil <= now)
      return refused([userError('NOT_ALLOWED', ['input', 'householdId'], "The household has no active consent to REFERRAL naming your organisation: no consent, no referral")])
    const duplicateServices = await activeServices(ctx, value.householdId, program, view)
    if (duplicateServices.length && !value.acknowledgeDuplicates) return refused([duplicateProblem(program.category)], duplicateServices)
    const referralId = value.id ?? randomUUID()
    if (value.id && (await ctx.loaders.referral.load(referralId))) return refused([userError('CONFLICT', ['input', 'id'], 'A referral with this id exists already')])
    // The receiver sees the household's coarse facts while the referral waits for its answer.
    const expiresAt = expiryFrom(now)
    const access = await recordReferralAccess(ctx, { referralId, householdId: value.householdId, organisationId: program.providerOrganisationId, until: expiresAt })
    if (!access.ok)
      return refused([
        access.code === 'UNREACHABLE' ? unreachable('householdId') : userError(access.code === 'NOT_ALLOWED' ? 'NOT_ALLOWED' : 'CONFLICT', ['input', 'householdId'], access.message),
      ])
    // The grant is recorded: should writing the referral fail, take it back. (A referral that won
    // a race for the same client-given id owns the grant under that id: it is left alone.)
    const row = {
      id: referralId,
      householdId: value.householdId,
      programId: program.id,
      fromOrganisationId: caller.organisationId,
      fromCentreId: value.fromCentreId ?? null,
      fromUserId: caller.userId,
      toOrganisationId: program.providerOrganisationId,
      reason: value.reason,
      urgency: value.urgency ?? 'ROUTINE',
      consentUntil,
      sentAt: now,
      expiresAt,
    } as const
    const referral = await referralQueries.insertReferral(ctx.database.db, row, value.reason).catch(async (error: unknown) => {
      await endReferralAccess(ctx, referralId)
      throw error
    })
    if (!referral) return refused([userError('CONFLICT', ['input', 'id'], 'A referral with this id exists already')])
    return { referral, duplicateServices, userErrors: [] }
  },

  acceptReferral: (_: unknown, { input }: Input, ctx: Context) => {
    const parsed = parseInput(z.object({ id: z.string(), note }), input)
    return parsed.ok ? transition(ctx, input.id, 'ACCEPT', parsed.value.note ?? null) : { referral: null, userErrors: parsed.userErrors }
  },

  declineReferral: (_: unknown, { input }: Input, ctx: Context) => {
    const parsed = parseInput(z.object({ id: z.string(), reason: z.string().trim().min(1, 'must not be empty').max(2000) }), input)
    return parsed.ok ? transition(ctx, input.id, 'DECLINE', parsed.value.reason) : { referral: null, userErrors: parsed.userErrors }
  },

  cancelReferral: (_: unknown, { input }: Input, ctx: Context) => {
    const parsed = parseInput(z.object({ id: z.string(), note }), input)
    return parsed.ok ? transition(ctx, input.id, 'CANCEL', parsed.value.note ?? null) : { referral: null, userErrors: parsed.userErrors }
  },

  expireReferrals: async (_: unknown, { input }: Input, ctx: Context) => {
    requireSignedIn(ctx.caller)
    if (!(ctx.caller.kind === 'user' && ctx.caller.roles.includes('SYSTEM_ADMIN')))
      return { expiredReferrals: [], userErrors: [userError('NOT_ALLOWED', null, 'Only a SYSTEM_ADMIN may run the expiry with a given clock')] }
    const parsed = parseInput(z.object({ now: z.date() }), input)
    if (!parsed.ok) return { expiredReferrals: [], userErrors: parsed.userErrors }
    const ids = await expireDue(ctx, parsed.value.now)
    const rows = await Promise.all(ids.map((referralId) => ctx.loaders.referral.load(referralId)))
    return { expiredReferrals: rows.filter((row) => row !== null), userErrors: [] }
  },

  enrollHousehold: async (_: unknown, { input }: Input, ctx: Context): Promise<EnrollmentPayload> => {
    requireSignedIn(ctx.caller)
    const refused = (userErrors: UserError[], duplicateServices: unknown[] = []): EnrollmentPayload => ({ enrollment: null, duplicateServices, userErrors })
    const caller = ctx.caller
    if (!actsForReferrals(caller)) return refused([userError('NOT_ALLOWED', null, 'Only CASEWORKER, NURSE and ORG_ADMIN staff enroll households')])
    const parsed = parseInput(enrollHouseholdInput, input)
    if (!parsed.ok) return refused(parsed.userErrors)
    const value = parsed.value
    let referral: ReferralRow | null = null
    if (value.referralId) {
      await expireDue(ctx)
      referral = await ctx.loaders.referral.load(value.referralId)
      if (!referral || referral.toOrganisationId !== caller.organisationId)
        return refused([userError('NOT_FOUND', ['input', 'referralId'], 'No referral with this id was sent to your organisation')])
      const problem = transitionProblem(caller, referral, 'ENROLL')
      if (problem) return refused([userError('CONFLICT', ['input', 'referralId'], problem)])
    }
    const householdId = referral?.householdId ?? value.householdId!
    const program = await ctx.loaders.program.load(referral?.programId ?? value.programId!)
    if (!program) return refused([userError('NOT_FOUND', ['input', 'programId'], 'No program has this id')])
    if (program.providerOrganisationId !== caller.organisationId)
      return refused([userError('NOT_ALLOWED', ['input', 'programId'], "Only the program provider's staff enroll households in it")])
    const lookup = await householdsAsCaller(ctx, [householdId])
    if (!lookup.ok) return refused([unreachable(referral ? 'referralId' : 'householdId')])
    const view = lookup.visible.get(householdId) ?? null
    // Recording that a household is served is itself personal data: the enrolling organisation
    // must have a basis to see the household (a referral it accepted, the case, or a consent).
    if (!view)
      return refused([
        referral
          ? userError('NOT_ALLOWED', ['input', 'referralId'], "The household's consent behind this referral has ended; ask the sending organisation to refer it again")
          : userError('NOT_FOUND', ['input', 'householdId'], 'No household with this id is visible to your organisation: enroll it through a referral, or ask the organisation handling it to record its consent'),
      ])
    const duplicateServices = await activeServices(ctx, householdId, program, view)
    if (duplicateServices.length && !value.acknowledgeDuplicates) return refused([duplicateProblem(program.category)], duplicateServices)
    const result = await referralQueries.enrollWithSeat(
      ctx.database.db,
      {
        householdId,
        programId: program.id,
        category: program.category,
        organisationId: caller.organisationId,
        referralId: referral?.id ?? null,
        startsOn: value.startsOn ?? seoulToday(new Date()),
        enrolledByUserId: caller.userId,
      },
      referral ? { from: 'ACCEPTED', to: 'ENROLLED', byUserId: caller.userId, byOrganisationId: caller.organisationId, note: null } : null,
    )
    ctx.loaders.program.clear(program.id)
    if (referral) ctx.loaders.referral.clear(referral.id)
    if (!result.ok)
      return refused(
        [
          result.reason === 'NO_FREE_SEAT'
            ? userError('CONFLICT', ['input', referral ? 'referralId' : 'programId'], 'The program has no free place (or is not ACTIVE)')
            : userError('CONFLICT', ['input', 'referralId'], 'The referral changed meanwhile; read it again'),
        ],
        duplicateServices,
      )
    return { enrollment: result.enrollment, duplicateServices, userErrors: [] }
  },

  endEnrollment: async (_: unknown, { input }: Input, ctx: Context) => {
    requireSignedIn(ctx.caller)
    const refused = (...userErrors: UserError[]) => ({ enrollment: null, userErrors })
    const parsed = parseInput(z.object({ id, status: z.enum(['COMPLETED', 'WITHDRAWN']), endsOn: isoDate.nullish(), note }), input)
    if (!parsed.ok) return refused(...parsed.userErrors)
    const caller = ctx.caller
    const enrollment = await ctx.loaders.enrollment.load(parsed.value.id)
    if (!enrollment || !actsForReferrals(caller) || caller.organisationId !== enrollment.organisationId)
      return refused(userError('NOT_FOUND', ['input', 'id'], 'No enrollment with this id belongs to your organisation'))
    const endsOn = parsed.value.endsOn ?? seoulToday(new Date())
    if (endsOn < enrollment.startsOn) return refused(userError('INVALID_VALUE', ['input', 'endsOn'], `must not be before startsOn (${enrollment.startsOn})`))
    const outcome = `${parsed.value.status}${parsed.value.note ? `: ${parsed.value.note}` : ''}`
    const ended = await referralQueries.endEnrollment(
      ctx.database.db,
      enrollment.id,
      parsed.value.status,
      endsOn,
      enrollment.referralId ? { from: 'ENROLLED', to: 'COMPLETED', byUserId: caller.userId, byOrganisationId: caller.organisationId, note: outcome } : null,
    )
    ctx.loaders.program.clear(enrollment.programId)
    if (ended?.referralId) {
      ctx.loaders.referral.clear(ended.referralId)
      const referral = await ctx.loaders.referral.load(ended.referralId)
      if (referral) await syncReferralAccess(ctx, referral)
    }
    return ended ? { enrollment: ended, userErrors: [] } : refused(userError('CONFLICT', ['input', 'id'], `The enrollment is ${enrollment.status} already`))
  },
}
