import { z } from 'zod'
import { areaProblem } from '@nanum/areas'
import { parseInput, userError, type Caller, type Role, type UserError } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import {
  CASE_MANAGER_ROLES,
  decideField,
  householdAccess,
  isHandlingStaffWith,
  isVisible,
  referralConsentUntil,
  REPORTER_ROLES,
  requireSignedIn,
  VISIT_PLANNER_ROLES,
} from '../rules/access.js'
import { householdDuplicateKey } from '../rules/duplicates.js'
import { transitionProblem } from '../rules/lifecycle.js'
import type { LoadedHousehold } from '../loaders.js'
import type { Context } from '../context.js'

type User = Extract<Caller, { kind: 'user' }>

const id = z.string().uuid('must be a UUID').transform((value) => value.toLowerCase())
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
const reason = text(1000)
const FIVE_YEARS = 5 * 366 * 24 * 60 * 60 * 1000

/** The signed-in caller (anonymous callers get UNAUTHENTICATED, like every household operation). */
function signedIn(ctx: Context): User {
  requireSignedIn(ctx.caller)
  return ctx.caller as User
}

const hasAnyRole = (caller: User, roles: readonly Role[]) => caller.roles.some((role) => roles.includes(role))

/**
 * The household a change is about, if the caller may see it and holds one of `roles` in its
 * handling organisation. An invisible household is NOT_FOUND, like a missing one.
 */
async function householdToChange(ctx: Context, householdId: string, field: string[], roles: readonly Role[]): Promise<{ household: LoadedHousehold } | { userErrors: UserError[] }> {
  const household = await ctx.loaders.household.load(householdId)
  if (!household || !isVisible(household.access)) return { userErrors: [userError('NOT_FOUND', field, 'No such household')] }
  if (!isHandlingStaffWith(ctx.caller, household.handlingOrganisationId, roles))
    return { userErrors: [userError('NOT_ALLOWED', null, `Only the handling organisation's ${roles.join(', ')} may do this`)] }
  return { household }
}

/** Reloads a household after a write (the request's loader still holds the old row). */
const reload = (ctx: Context, householdId: string) => ctx.loaders.household.clear(householdId).load(householdId).then((row) => (row && isVisible(row.access) ? row : null))

const notFuture = (date: Date) => date.getTime() <= Date.now() + 60_000

const memberInput = z
  .object({
    name: text(100),
    relation: z.enum(['HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT', 'GRANDCHILD', 'SIBLING', 'OTHER_RELATIVE', 'OTHER']),
    birthYear: z.number().int().min(1900).max(new Date().getUTCFullYear()).nullish(),
    birthDate: z.string().nullish(),
    isPregnant: z.boolean().nullish(),
    hasDisability: z.boolean().nullish(),
    healthNotes: z.string().trim().max(2000).nullish(),
  })
  .superRefine((member, issue) => {
    if (member.birthYear == null && !member.birthDate) issue.addIssue({ code: 'custom', path: ['birthYear'], message: 'give the year of birth or the date of birth' })
    if (member.birthYear != null && member.birthDate && Number(member.birthDate.slice(0, 4)) !== member.birthYear)
      issue.addIssue({ code: 'custom', path: ['birthDate'], message: 'does not fall in the given year of birth' })
  })

const reportInput = z.object({
  district: text(50),
  dong: text(50),
  address: text(300),
  contactPhone: z.string().trim().regex(/^\+?[0-9][0-9 ()-]{6,19}$/, 'must be a telephone number, e.g. 010-1234-5678').nullish(),
  incomeBand: z.enum(['BASIC_LIVELIHOOD_RECIPIENT', 'NEAR_POOR', 'BELOW_50_PERCENT_MEDIAN', 'BELOW_75_PERCENT_MEDIAN', 'BELOW_100_PERCENT_MEDIAN', 'ABOVE_MEDIAN']),
  housingSituation: z.enum(['OWNER_OCCUPIED', 'JEONSE_LEASE', 'MONTHLY_RENT', 'PUBLIC_RENTAL', 'SEMI_BASEMENT_OR_ROOFTOP', 'NON_HOUSING', 'HOMELESS', 'UNKNOWN']).nullish(),
  vulnerabilityFlags: z
    .array(z.enum(['SINGLE_PARENT', 'ELDERLY_LIVING_ALONE', 'GRANDPARENT_CAREGIVER', 'MULTICULTURAL_FAMILY', 'DISABILITY', 'INFANT', 'PREGNANT']))
    .nullish(),
  members: z
    .array(memberInput)
    .min(1, 'must list at least the head of the household')
    .max(30)
    .refine((members) => members.filter((member) => member.relation === 'HEAD').length === 1, 'must have exactly one member with relation HEAD'),
  discovery: z.object({
    source: z.enum(['OUTREACH_VISIT', 'VOLUNTEER_GROUP', 'NEIGHBOUR_REPORT', 'UTILITY_ARREARS_SIGNAL', 'WALK_IN', 'REFERRAL_FROM_ORGANISATION']),
    discoveredBy: z.string().trim().min(1).max(200).nullish(),
    discoveredByOrganisationId: id.nullish(),
    discoveredAt: z.date().refine(notFuture, 'must not be in the future').nullish(),
  }),
  handlingCentreId: id,
  handlingOrganisationId: id.nullish(),
  caseworkerUserId: z.string().trim().min(1).max(200).nullish(),
})

async function reportHousehold(_: unknown, args: { input: unknown }, ctx: Context) {
  const caller = signedIn(ctx)
  if (!hasAnyRole(caller, REPORTER_ROLES))
    return { household: null, userErrors: [userError('NOT_ALLOWED', null, `Reporting a household needs one of the roles ${REPORTER_ROLES.join(', ')}`)] }
  const parsed = parseInput(reportInput, args.input)
  if (!parsed.ok) return { household: null, userErrors: parsed.userErrors }
  const input = parsed.value
  const area = areaProblem(input.district, input.dong)
  if (area) return { household: null, userErrors: [userError('INVALID_VALUE', ['input', area.field], area.message)] }

  const head = input.members.find((member) => member.relation === 'HEAD')!
  const duplicateKey = householdDuplicateKey(input.address, head.name)
  const reader = { userId: caller.userId, organisationId: caller.organisationId }
  const duplicate = async () => {
    const existing = await queries.householdByDuplicateKey(ctx.database.db, duplicateKey, reader)
    // Only a caller who may see the registered household learns which one it is.
    const named = existing && isVisible(householdAccess(caller, { ...existing, hasActiveReferralForCaller: false }))
    const message = named
      ? `This household (same address and head of household) is already registered as ${existing.reference}`
      : 'A household with this address and head of household is already registered; ask the community service centre of its dong'
    return { household: null, userErrors: [userError('CONFLICT', ['input', 'address'], message)] }
  }
  if (await queries.householdByDuplicateKey(ctx.database.db, duplicateKey, reader)) return duplicate()

  const householdId = crypto.randomUUID()
  const registered = await queries.registerHousehold(ctx.database.db, {
    household: {
      id: householdId,
      district: input.district,
      dong: input.dong,
      address: input.address,
      contactPhone: input.contactPhone ?? null,
      incomeBand: input.incomeBand,
      housingSituation: input.housingSituation ?? 'UNKNOWN',
      vulnerabilityFlags: [...new Set(input.vulnerabilityFlags ?? [])],
      duplicateKey,
      discoverySource: input.discovery.source,
      discoveredBy: input.discovery.discoveredBy ?? null,
      discoveredByOrganisationId: input.discovery.discoveredByOrganisationId ?? null,
      discoveredAt: input.discovery.discoveredAt ?? new Date(),
      handlingCentreId: input.handlingCentreId,
      handlingOrganisationId: input.handlingOrganisationId ?? caller.organisationId,
      caseworkerUserId: input.caseworkerUserId ?? null,
    },
    members: input.members.map((member) => ({
      householdId,
      name: member.name,
      relation: member.relation,
      birthYear: member.birthYear ?? Number(member.birthDate!.slice(0, 4)),
      birthDate: member.birthDate ?? null,
      isPregnant: member.isPregnant ?? false,
      hasDisability: member.hasDisability ?? false,
      healthNotes: member.healthNotes ?? null,
    })),
    firstStatusChange: {
      fromStatus: null,
      toStatus: 'IDENTIFIED',
      reason: `Reported (${input.discovery.source})`,
      changedByUserId: caller.userId,
      changedByOrganisationId: caller.organisationId,
    },
  })
  if (!registered) return duplicate()
  return { household: await reload(ctx, householdId), userErrors: [] }
}

const statusInput = z.object({
  householdId: id,
  status: z.enum(['IDENTIFIED', 'ASSESSED', 'SUPPORTED', 'MONITORING', 'CLOSED']),
  reason,
})

async function changeHouseholdStatus(_: unknown, args: { input: unknown }, ctx: Context) {
  const caller = signedIn(ctx)
  const parsed = parseInput(statusInput, args.input)
  if (!parsed.ok) return { household: null, userErrors: parsed.userErrors }
  const input = parsed.value
  const found = await householdToChange(ctx, input.householdId, ['input', 'householdId'], CASE_MANAGER_ROLES)
  if ('userErrors' in found) return { household: null, ...found }
  const from = found.household.status
  const problem = transitionProblem(from, input.status)
  if (problem) return { household: null, userErrors: [userError('INVALID_VALUE', ['input', 'status'], problem)] }
  const changed = await queries.changeStatus(ctx.database.db, {
    householdId: input.householdId,
    from,
    to: input.status,
    reason: input.reason,
    userId: caller.userId,
    organisationId: caller.organisationId,
  })
  if (!changed) return { household: null, userErrors: [userError('CONFLICT', ['input', 'status'], 'The case changed status meanwhile; reload it and try again')] }
  return { household: await reload(ctx, input.householdId), userErrors: [] }
}

const reassignInput = z.object({
  householdId: id,
  handlingCentreId: id.nullish(),
  handlingOrganisationId: id.nullish(),
  caseworkerUserId: z.string().trim().min(1).max(200).nullish(),
  reason,
})

async function reassignHousehold(_: unknown, args: { input: Record<string, unknown> }, ctx: Context) {
  const caller = signedIn(ctx)
  const parsed = parseInput(reassignInput, args.input)
  if (!parsed.ok) return { household: null, userErrors: parsed.userErrors }
  const input = parsed.value
  const found = await householdToChange(ctx, input.householdId, ['input', 'householdId'], CASE_MANAGER_ROLES)
  if ('userErrors' in found) return { household: null, ...found }
  const current = found.household
  // Omitted keeps the current caseworker; an explicit null removes them.
  const toCaseworker = 'caseworkerUserId' in (args.input ?? {}) ? (input.caseworkerUserId ?? null) : current.caseworkerUserId
  const change = {
    householdId: current.id,
    fromCentreId: current.handlingCentreId,
    toCentreId: input.handlingCentreId ?? current.handlingCentreId,
    fromOrganisationId: current.handlingOrganisationId,
    toOrganisationId: input.handlingOrganisationId ?? current.handlingOrganisationId,
    fromCaseworkerUserId: current.caseworkerUserId,
    toCaseworkerUserId: toCaseworker,
    reason: input.reason,
    changedByUserId: caller.userId,
    changedByOrganisationId: caller.organisationId,
  }
  if (change.toCentreId === change.fromCentreId && change.toOrganisationId === change.fromOrganisationId && change.toCaseworkerUserId === change.fromCaseworkerUserId)
    return { household: null, userErrors: [userError('INVALID_VALUE', ['input'], 'changes nothing: give a new centre, organisation or caseworker')] }
  if (!(await queries.reassign(ctx.database.db, change)))
    return { household: null, userErrors: [userError('CONFLICT', ['input', 'householdId'], 'The case changed hands meanwhile; reload it and try again')] }
  return { household: await reload(ctx, current.id), userErrors: [] }
}

const grantInput = z.object({
  householdId: id,
  organisationId: id,
  purposes: z.array(z.enum(['CASE_MANAGEMENT', 'REFERRAL', 'DONATION_MATCHING', 'SERVICE_PROVISION'])).min(1, 'must name at least one purpose'),
  categories: z.array(z.enum(['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES'])).min(1, 'must name at least one data category'),
  expiresAt: z
    .date()
    .refine((date) => date.getTime() > Date.now(), 'must be in the future')
    .refine((date) => date.getTime() <= Date.now() + FIVE_YEARS, 'must be at most five years ahead'),
})

async function grantConsent(_: unknown, args: { input: unknown }, ctx: Context) {
  const caller = signedIn(ctx)
  const parsed = parseInput(grantInput, args.input)
  if (!parsed.ok) return { consent: null, userErrors: parsed.userErrors }
  const input = parsed.value
  const found = await householdToChange(ctx, input.householdId, ['input', 'householdId'], CASE_MANAGER_ROLES)
  if ('userErrors' in found) return { consent: null, ...found }
  // The handling organisation's staff see the household by role; what it needs a consent for is
  // the household's agreement to be referred onward to other organisations' programs.
  if (input.organisationId === found.household.handlingOrganisationId && input.purposes.some((purpose) => purpose !== 'REFERRAL'))
    return {
      consent: null,
      userErrors: [userError('INVALID_VALUE', ['input', 'purposes'], 'the handling organisation sees the household by role; a consent naming it can only be for REFERRAL')],
    }
  const consent = await queries.insertConsent(ctx.database.db, {
    householdId: input.householdId,
    organisationId: input.organisationId,
    purposes: [...new Set(input.purposes)],
    categories: [...new Set(input.categories)],
    expiresAt: input.expiresAt,
    recordedByUserId: caller.userId,
    recordedByOrganisationId: caller.organisationId,
  })
  return { consent, userErrors: [] }
}

async function revokeConsent(_: unknown, args: { input: unknown }, ctx: Context) {
  const caller = signedIn(ctx)
  const parsed = parseInput(z.object({ consentId: id, reason: z.string().trim().max(1000).nullish() }), args.input)
  if (!parsed.ok) return { consent: null, userErrors: parsed.userErrors }
  const input = parsed.value
  const consent = await ctx.loaders.consent.load(input.consentId)
  const notFound = { consent: null, userErrors: [userError('NOT_FOUND', ['input', 'consentId'], 'No such consent')] }
  if (!consent) return notFound
  const found = await householdToChange(ctx, consent.householdId, ['input', 'consentId'], CASE_MANAGER_ROLES)
  if ('userErrors' in found) return { consent: null, userErrors: found.userErrors.map((error) => (error.code === 'NOT_FOUND' ? notFound.userErrors[0] : error)) }
  const revoked = await queries.revokeConsent(ctx.database.db, consent.id, caller.userId, input.reason ?? null)
  if (!revoked) return { consent: null, userErrors: [userError('CONFLICT', ['input', 'consentId'], 'The consent is already revoked')] }
  return { consent: revoked, userErrors: [] }
}

const scheduleInput = z.object({
  householdId: id,
  assigneeUserId: z.string().trim().min(1).max(200),
  assigneeOrganisationId: id.nullish(),
  visitorRole: z.enum(['SOCIAL_WORKER', 'NURSE', 'VOLUNTEER']),
  scheduledFor: z.date().refine((date) => Math.abs(date.getTime() - Date.now()) <= 2 * FIVE_YEARS / 5, 'must be within two years of today'),
})

async function scheduleVisit(_: unknown, args: { input: unknown }, ctx: Context) {
  const caller = signedIn(ctx)
  const parsed = parseInput(scheduleInput, args.input)
  if (!parsed.ok) return { visit: null, userErrors: parsed.userErrors }
  const input = parsed.value
  const found = await householdToChange(ctx, input.householdId, ['input', 'householdId'], VISIT_PLANNER_ROLES)
  if ('userErrors' in found) return { visit: null, ...found }
  if (found.household.status === 'CLOSED')
    return { visit: null, userErrors: [userError('CONFLICT', ['input', 'householdId'], 'The case is closed; reopen it before planning visits')] }
  const visit = await queries.insertVisit(ctx.database.db, {
    householdId: input.householdId,
    assigneeUserId: input.assigneeUserId,
    assigneeOrganisationId: input.assigneeOrganisationId ?? found.household.handlingOrganisationId,
    visitorRole: input.visitorRole,
    scheduledFor: input.scheduledFor,
    scheduledByUserId: caller.userId,
  })
  return { visit, userErrors: [] }
}

const completeInput = z.object({
  visitId: id,
  observations: text(10_000),
  outcome: z.enum(['MET_HOUSEHOLD', 'NOT_AT_HOME', 'REFUSED_CONTACT', 'LINKED_TO_SERVICE', 'EMERGENCY_RESPONSE']),
  nextVisitDate: z.string().nullish(),
  completedAt: z.date().refine(notFuture, 'must not be in the future').nullish(),
})

async function completeVisit(_: unknown, args: { input: unknown }, ctx: Context) {
  const caller = signedIn(ctx)
  const parsed = parseInput(completeInput, args.input)
  if (!parsed.ok) return { visit: null, userErrors: parsed.userErrors }
  const input = parsed.value
  const visit = await ctx.loaders.visit.load(input.visitId)
  const household = visit ? await ctx.loaders.household.load(visit.householdId) : null
  if (!visit || !household || !isVisible(household.access))
    return { visit: null, userErrors: [userError('NOT_FOUND', ['input', 'visitId'], 'No such visit')] }
  const isAssignee = visit.assigneeUserId === caller.userId && visit.assigneeOrganisationId === caller.organisationId
  if (!isAssignee && !isHandlingStaffWith(caller, household.handlingOrganisationId, CASE_MANAGER_ROLES))
    return { visit: null, userErrors: [userError('NOT_ALLOWED', null, "Only the visit's assignee or the handling organisation's CASEWORKER or ORG_ADMIN may complete it")] }
  const completedAt = input.completedAt ?? new Date()
  if (input.nextVisitDate && input.nextVisitDate <= completedAt.toISOString().slice(0, 10))
    return { visit: null, userErrors: [userError('INVALID_VALUE', ['input', 'nextVisitDate'], 'must be after the visit')] }
  const completed = await queries.completeVisit(ctx.database.db, {
    visitId: visit.id,
    householdId: visit.householdId,
    completedAt,
    observations: input.observations,
    outcome: input.outcome,
    nextVisitDate: input.nextVisitDate ?? null,
  })
  if (!completed) return { visit: null, userErrors: [userError('CONFLICT', ['input', 'visitId'], 'The visit is already completed')] }
  return { visit: completed, userErrors: [] }
}

async function addConsultationNote(_: unknown, args: { input: unknown }, ctx: Context) {
  const caller = signedIn(ctx)
  const parsed = parseInput(z.object({ householdId: id, body: text(10_000) }), args.input)
  if (!parsed.ok) return { note: null, userErrors: parsed.userErrors }
  const input = parsed.value
  const household = await ctx.loaders.household.load(input.householdId)
  if (!household || !isVisible(household.access)) return { note: null, userErrors: [userError('NOT_FOUND', ['input', 'householdId'], 'No such household')] }
  if (!decideField(household.access, 'Household.consultationNotes').allowed)
    return { note: null, userErrors: [userError('NOT_ALLOWED', null, "Writing notes needs access to the household's notes")] }
  const note = await queries.insertNote(ctx.database.db, {
    householdId: household.id,
    organisationId: caller.organisationId,
    authorUserId: caller.userId,
    body: input.body,
  })
  return { note, userErrors: [] }
}

const recordReferralAccessInput = z.object({ referralId: id, householdId: id, organisationId: id, until: z.date() })

/**
 * The programs subgraph records here, as the caller, that a referral lets the receiving
 * organisation see the household's COARSE facts until a time. A new grant needs the caller's
 * organisation to hold the household's active REFERRAL consent, and never outlasts it; the
 * sending or receiving organisation's staff may then move its end (still capped by that consent).
 */
async function recordReferralAccess(_: unknown, args: { input: unknown }, ctx: Context) {
  const caller = signedIn(ctx)
  const parsed = parseInput(recordReferralAccessInput, args.input)
  if (!parsed.ok) return { referralAccess: null, userErrors: parsed.userErrors }
  const input = parsed.value
  const existing = await queries.referralAccessById(ctx.database.db, input.referralId)
  if (existing) {
    if (existing.householdId !== input.householdId || existing.organisationId !== input.organisationId)
      return { referralAccess: null, userErrors: [userError('CONFLICT', ['input', 'referralId'], 'This referral grants access to another household or organisation')] }
    if (![existing.organisationId, existing.grantedByOrganisationId].includes(caller.organisationId))
      return { referralAccess: null, userErrors: [userError('NOT_FOUND', ['input', 'referralId'], 'No such referral access')] }
    const changed = await queries.changeReferralAccess(ctx.database.db, existing.referralId, { until: input.until })
    return changed ? { referralAccess: changed, userErrors: [] } : { referralAccess: null, userErrors: [userError('CONFLICT', ['input', 'referralId'], 'The referral access has ended')] }
  }
  const household = await ctx.loaders.household.load(input.householdId)
  const consentUntil = household && isVisible(household.access) ? referralConsentUntil(household) : null
  if (!consentUntil)
    return { referralAccess: null, userErrors: [userError('NOT_ALLOWED', ['input', 'householdId'], 'The household has no active consent to REFERRAL naming your organisation')] }
  const until = new Date(Math.min(input.until.getTime(), consentUntil.getTime()))
  const inserted = await queries.insertReferralAccess(ctx.database.db, {
    referralId: input.referralId,
    householdId: input.householdId,
    organisationId: input.organisationId,
    grantedByOrganisationId: caller.organisationId,
    grantedByUserId: caller.userId,
    consentUntil,
    until,
  })
  return inserted ? { referralAccess: inserted, userErrors: [] } : { referralAccess: null, userErrors: [userError('CONFLICT', ['input', 'referralId'], 'Recorded meanwhile; try again')] }
}

/** Ends a referral's access grant (the referral was declined, cancelled or completed): for the sending or receiving organisation. */
async function endReferralAccess(_: unknown, args: { input: unknown }, ctx: Context) {
  const caller = signedIn(ctx)
  const parsed = parseInput(z.object({ referralId: id }), args.input)
  if (!parsed.ok) return { referralAccess: null, userErrors: parsed.userErrors }
  const existing = await queries.referralAccessById(ctx.database.db, parsed.value.referralId)
  if (!existing || ![existing.organisationId, existing.grantedByOrganisationId].includes(caller.organisationId))
    return { referralAccess: null, userErrors: [userError('NOT_FOUND', ['input', 'referralId'], 'No such referral access')] }
  const ended = await queries.changeReferralAccess(ctx.database.db, existing.referralId, { end: true })
  return ended ? { referralAccess: ended, userErrors: [] } : { referralAccess: null, userErrors: [userError('CONFLICT', ['input', 'referralId'], 'The referral access has ended already')] }
}

export const Mutation = {
  recordReferralAccess,
  endReferralAccess,
  reportHousehold,
  changeHouseholdStatus,
  reassignHousehold,
  grantConsent,
  revokeConsent,
  scheduleVisit,
  completeVisit,
  addConsultationNote,
}
