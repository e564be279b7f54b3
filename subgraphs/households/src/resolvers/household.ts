import type { GraphQLResolveInfo } from 'graphql'
import { isId, parsePage, type PageArgs } from '@nanum/subgraph-kit'
import type { HouseholdMemberRow } from '../db/tables.js'
import { decideField, donationMatchingConsentUntil, referralConsentUntil, GUARDED_FIELDS, hiddenField, type FieldDecision, type GuardedField } from '../rules/access.js'
import { ageInYear, vulnerabilityScore } from '../rules/vulnerability.js'
import type { LoadedHousehold } from '../loaders.js'
import type { Context } from '../context.js'
import { auditAll, guarded, requestedGuardedFields, visibleOrNull } from './guard.js'

const NESTED_KEYSET = ['timestamp', 'id'] as const

/** A member as resolvers see it: the row and the decisions already taken (and audited) for it. */
interface LoadedMember extends HouseholdMemberRow {
  decisions: ReadonlyMap<GuardedField, FieldDecision>
}

const memberField =
  <K extends keyof HouseholdMemberRow>(field: GuardedField, column: K) =>
  (member: LoadedMember) => {
    const decision = member.decisions.get(field)
    // Decided when the household's `members` resolved; a field missing there was not selected.
    if (!decision?.allowed) throw hiddenField(decision ?? { field, group: GUARDED_FIELDS[field], allowed: false, purpose: null, audited: true })
    return member[column]
  }

export const Household = {
  __resolveReference: async (reference: { id: unknown }, ctx: Context, info: GraphQLResolveInfo) =>
    isId(reference.id) ? visibleOrNull(ctx, await ctx.loaders.household.load(reference.id.toLowerCase()), info) : null,

  address: (household: LoadedHousehold, _: unknown, ctx: Context) => guarded(ctx, household, 'Household.address', () => household.address),
  contactPhone: (household: LoadedHousehold, _: unknown, ctx: Context) => guarded(ctx, household, 'Household.contactPhone', () => household.contactPhone),

  /**
   * Members' guarded fields are decided and audited here, with the household's other fields, so
   * that the request's audit rows go out in one statement rather than one more after the members
   * load; the member field resolvers only apply the decisions.
   */
  members: async (household: LoadedHousehold, _: unknown, ctx: Context, info: GraphQLResolveInfo): Promise<LoadedMember[]> => {
    const selected = requestedGuardedFields(info, 'HouseholdMember').filter((field) => field.startsWith('HouseholdMember.'))
    const decisions = new Map(selected.map((field) => [field, decideField(household.access, field)]))
    const [members] = await Promise.all([ctx.loaders.membersOfHousehold.load(household.id), auditAll(ctx, household.id, [...decisions.values()])])
    return members.map((member) => ({ ...member, decisions }))
  },

  vulnerabilityScore: async (household: LoadedHousehold, _: unknown, ctx: Context) =>
    vulnerabilityScore(household, await ctx.loaders.membersOfHousehold.load(household.id)).score,
  vulnerabilityScoreBreakdown: async (household: LoadedHousehold, _: unknown, ctx: Context) =>
    vulnerabilityScore(household, await ctx.loaders.membersOfHousehold.load(household.id)).breakdown,

  donationMatchingConsentUntil: (household: LoadedHousehold) => donationMatchingConsentUntil(household),
  referralConsentUntil: (household: LoadedHousehold) => referralConsentUntil(household),
  accessBasis: (household: LoadedHousehold) => household.access.basis,

  discovery: (household: LoadedHousehold) => ({ household }),

  handlingCentre: (household: LoadedHousehold) => ({ __typename: 'Centre', id: household.handlingCentreId }),
  handlingOrganisation: (household: LoadedHousehold) => ({ __typename: 'Organisation', id: household.handlingOrganisationId }),

  caseworkerUserId: (household: LoadedHousehold, _: unknown, ctx: Context) =>
    guarded(ctx, household, 'Household.caseworkerUserId', () => household.caseworkerUserId),

  statusHistory: (household: LoadedHousehold, args: PageArgs, ctx: Context) =>
    guarded(ctx, household, 'Household.statusHistory', () => ctx.loaders.statusHistory(parsePage(args, NESTED_KEYSET)).load(household.id)),
  reassignments: (household: LoadedHousehold, args: PageArgs, ctx: Context) =>
    guarded(ctx, household, 'Household.reassignments', () => ctx.loaders.reassignments(parsePage(args, NESTED_KEYSET)).load(household.id)),
  visits: (household: LoadedHousehold, args: PageArgs, ctx: Context) =>
    guarded(ctx, household, 'Household.visits', () => ctx.loaders.visits(parsePage(args, NESTED_KEYSET)).load(household.id)),
  consents: (household: LoadedHousehold, args: PageArgs, ctx: Context) =>
    guarded(ctx, household, 'Household.consents', () => ctx.loaders.consents(parsePage(args, NESTED_KEYSET)).load(household.id)),
  consultationNotes: (household: LoadedHousehold, args: PageArgs, ctx: Context) =>
    guarded(ctx, household, 'Household.consultationNotes', () => {
      const page = parsePage(args, NESTED_KEYSET)
      return (household.access.notesByConsent ? ctx.loaders.allNotes(page) : ctx.loaders.ownNotes(page)).load(household.id)
    }),
  auditTrail: (household: LoadedHousehold, args: PageArgs, ctx: Context) =>
    guarded(ctx, household, 'Household.auditTrail', () => ctx.loaders.auditTrail(parsePage(args, NESTED_KEYSET)).load(household.id)),
}

export const HouseholdMember = {
  name: memberField('HouseholdMember.name', 'name'),
  age: (member: LoadedMember) => ageInYear(member.birthYear, new Date().getUTCFullYear()),
  birthDate: memberField('HouseholdMember.birthDate', 'birthDate'),
  isPregnant: memberField('HouseholdMember.isPregnant', 'isPregnant'),
  hasDisability: memberField('HouseholdMember.hasDisability', 'hasDisability'),
  healthNotes: memberField('HouseholdMember.healthNotes', 'healthNotes'),
}

export const Discovery = {
  source: ({ household }: { household: LoadedHousehold }) => household.discoverySource,
  discoveredAt: ({ household }: { household: LoadedHousehold }) => household.discoveredAt,
  discoveredByOrganisation: ({ household }: { household: LoadedHousehold }) =>
    household.discoveredByOrganisationId ? { __typename: 'Organisation', id: household.discoveredByOrganisationId } : null,
  discoveredBy: ({ household }: { household: LoadedHousehold }, _: unknown, ctx: Context) =>
    guarded(ctx, household, 'Discovery.discoveredBy', () => household.discoveredBy),
}
