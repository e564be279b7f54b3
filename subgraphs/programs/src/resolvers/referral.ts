import { extendedEntity, isId, parseId, parsePage, subgraphUnavailable, unauthenticated, type PageArgs } from '@nanum/subgraph-kit'
import { areaKeysFor } from '../db/queries.js'
import type * as referralQueries from '../db/referral-queries.js'
import { evaluateEligibility, type HouseholdFacts } from '../rules/eligibility.js'
import { householdFactsAsCaller } from '../rules/household-port.js'
import type { EnrollmentRow, EnrollmentStatus, ProgramRow, ReferralRow, ReferralStatus, ReferralTransitionRow } from '../db/tables.js'
import { actsForReferrals } from '../rules/referral-lifecycle.js'
import { serviceHistoryScope, type ServiceHistoryScope } from '../rules/household-records.js'
import type { Context } from '../context.js'

export type ReferralListArgs = PageArgs & { filter?: { status?: ReferralStatus[] | null; urgency?: ReferralRow['urgency'][] | null; programId?: string | null } | null }

/** A `ReferralFilter` argument as the queries take it (a malformed program id is a BAD_USER_INPUT error). */
export const referralFilter = (filter: ReferralListArgs['filter'], involvingOrganisationId: string | null = null): referralQueries.ReferralListFilter => ({
  status: filter?.status ?? null,
  urgency: filter?.urgency ?? null,
  programId: filter?.programId ? parseId(filter.programId, 'filter.programId') : null,
  involvingOrganisationId,
})
type EnrollmentListArgs = PageArgs & { filter?: { status?: EnrollmentStatus[] | null } | null }

const referralsOf = (parent: 'householdId' | 'programId', id: string, args: ReferralListArgs, ctx: Context, involvingOrganisationId: string | null = null) =>
  ctx.loaders.referralsOf({ parent, filter: referralFilter(args.filter, involvingOrganisationId) })(parsePage(args, ['timestamp', 'id'])).load(id)
const enrollmentsOf = (parent: 'householdId' | 'programId', id: string, args: EnrollmentListArgs, ctx: Context, involvingOrganisationId: string | null = null) =>
  ctx.loaders.enrollmentsOf({ parent, filter: { status: args.filter?.status ?? null, involvingOrganisationId } })(parsePage(args, ['date', 'id'])).load(id)

/**
 * The part of a household's service history the caller sees, asked of the households subgraph as
 * the caller (one request for every household of the request): a representation's fields are not
 * trusted for this, since anyone may send one straight to this subgraph's `_entities`.
 */
async function historyScope(householdId: string, ctx: Context) {
  if (!isId(householdId) || !actsForReferrals(ctx.caller)) return null
  return serviceHistoryScope(ctx.caller, await ctx.loaders.householdView.load(householdId.toLowerCase()))
}

const involving = (scope: NonNullable<ServiceHistoryScope>) => (scope.kind === 'OWN' ? scope.organisationId : null)

/** A household reference; the coarse facts arrive through `@requires` for eligibility. */
type HouseholdReference = {
  id: string
  district?: string | null
  dong?: string | null
  incomeBand?: HouseholdFacts['incomeBand']
  vulnerabilityFlags?: HouseholdFacts['vulnerabilityFlags']
  members?: { age?: number | null }[] | null
}

/** The facts given (by `@requires` or asked of households); anything missing is unknown. */
export function factsOf(household: Omit<HouseholdReference, 'id'> | null): HouseholdFacts {
  const ages = household?.members?.map((member) => member.age)
  return {
    memberAges: ages && ages.every((age): age is number => typeof age === 'number') ? ages : null,
    incomeBand: household?.incomeBand ?? null,
    vulnerabilityFlags: Array.isArray(household?.vulnerabilityFlags) ? household.vulnerabilityFlags : null,
    district: typeof household?.district === 'string' ? household.district : null,
    dong: typeof household?.dong === 'string' ? household.dong : null,
  }
}

const check = (program: ProgramRow, facts: HouseholdFacts) => ({ program, ...evaluateEligibility(program, facts) })
const seenThroughHouseholds = (household: HouseholdReference) => isId(household.id) && typeof household.district === 'string'

export const Household = {
  __resolveReference: (reference: HouseholdReference) => extendedEntity(reference),
  referrals: async (household: HouseholdReference, args: ReferralListArgs, ctx: Context) => {
    const scope = await historyScope(household.id, ctx)
    return scope ? referralsOf('householdId', household.id.toLowerCase(), args, ctx, involving(scope)) : null
  },
  enrollments: async (household: HouseholdReference, args: EnrollmentListArgs, ctx: Context) => {
    const scope = await historyScope(household.id, ctx)
    return scope ? enrollmentsOf('householdId', household.id.toLowerCase(), args, ctx, involving(scope)) : null
  },
  eligiblePrograms: async (household: HouseholdReference, args: PageArgs & { providerId?: string | null }, ctx: Context) => {
    if (!seenThroughHouseholds(household)) return null
    const facts = factsOf(household)
    const key = {
      householdId: household.id,
      ages: facts.memberAges ? [...facts.memberAges] : null,
      band: facts.incomeBand,
      flags: facts.vulnerabilityFlags ? [...facts.vulnerabilityFlags] : null,
      areaKeys: facts.district ? areaKeysFor(facts.district, facts.dong) : null,
      providerId: args.providerId ? parseId(args.providerId, 'providerId') : null,
    }
    const connection = await ctx.loaders.eligibleProgramsOf(parsePage(args, ['text', 'id'])).load(key)
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: check(edge.node, facts) })) }
  },
}

/** A program's referrals and enrollments: for the provider organisation's CASEWORKER, NURSE and ORG_ADMIN only. */
const isProviderStaff = (program: ProgramRow, ctx: Context) => actsForReferrals(ctx.caller) && ctx.caller.organisationId === program.providerOrganisationId

export const ProgramReferrals = {
  eligibilityFor: async (program: ProgramRow, args: { householdId: string }, ctx: Context) => {
    if (ctx.caller.kind !== 'user') throw unauthenticated('Sign in to check eligibility')
    const household = await householdFactsAsCaller(ctx, parseId(args.householdId, 'householdId'))
    // Unreachable is not "unknown": every rule would read UNKNOWN while the household may well qualify.
    if (!household.ok) throw subgraphUnavailable('The households service cannot be reached to check eligibility')
    return check(program, factsOf(household.data))
  },
  referrals: (program: ProgramRow, args: ReferralListArgs, ctx: Context) => (isProviderStaff(program, ctx) ? referralsOf('programId', program.id, args, ctx) : null),
  enrollments: (program: ProgramRow, args: EnrollmentListArgs, ctx: Context) => (isProviderStaff(program, ctx) ? enrollmentsOf('programId', program.id, args, ctx) : null),
}

const organisation = (id: string | null) => (id ? { id } : null)

export const Referral = {
  household: (referral: ReferralRow) => ({ __typename: 'Household', id: referral.householdId }),
  program: (referral: ReferralRow, _: unknown, ctx: Context) => ctx.loaders.program.load(referral.programId),
  fromOrganisation: (referral: ReferralRow) => organisation(referral.fromOrganisationId),
  fromCentre: (referral: ReferralRow) => (referral.fromCentreId ? { id: referral.fromCentreId } : null),
  sentByUserId: (referral: ReferralRow) => referral.fromUserId,
  toOrganisation: (referral: ReferralRow) => organisation(referral.toOrganisationId),
  transitions: (referral: ReferralRow, _: unknown, ctx: Context) => ctx.loaders.transitionsOfReferral.load(referral.id),
}

export const ReferralTransition = {
  byOrganisation: (transition: ReferralTransitionRow) => organisation(transition.byOrganisationId),
}

export const Enrollment = {
  household: (enrollment: EnrollmentRow) => ({ __typename: 'Household', id: enrollment.householdId }),
  program: (enrollment: EnrollmentRow, _: unknown, ctx: Context) => ctx.loaders.program.load(enrollment.programId),
  organisation: (enrollment: EnrollmentRow) => organisation(enrollment.organisationId),
  referral: (enrollment: EnrollmentRow, _: unknown, ctx: Context) => (enrollment.referralId ? ctx.loaders.referral.load(enrollment.referralId) : null),
}
