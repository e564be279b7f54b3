import { GraphQLError } from 'graphql'
import { unauthenticated, type Caller, type Role } from '@nanum/subgraph-kit'
import type { ConsentPurpose, DataCategory } from '../db/tables.js'

/**
 * Every access decision about household data is made here, from the tables below; resolvers only
 * ask `householdAccess` (once per household and request, from facts loaded with the household)
 * and `decideField` (per field). The README ("Who sees what") prints the same tables for people.
 *
 * A household is visible to a caller exactly when the caller holds COARSE access to it; an
 * invisible household resolves to null everywhere (by id, in lists, through `_entities`), like
 * one that does not exist. A visible household's guarded field the caller may not read resolves to
 * null with a FORBIDDEN error naming the field's path, so a client can tell "hidden" from "empty".
 */

/** What a field reveals. Consent categories are the first four. */
export type FieldGroup = DataCategory | 'CASE_RECORD' | 'AUDIT_TRAIL'

/**
 * Fields that are not COARSE. Every other field of Household, HouseholdMember and Discovery is
 * COARSE (reference, district, dong, members' birth years, ages and relations, income band,
 * housing situation, flags, score, status, discovery source and date, handling centre and
 * organisation).
 */
export const GUARDED_FIELDS = {
  'Household.address': 'IDENTIFYING',
  'Household.contactPhone': 'IDENTIFYING',
  'Discovery.discoveredBy': 'IDENTIFYING',
  'HouseholdMember.name': 'IDENTIFYING',
  'HouseholdMember.birthDate': 'SENSITIVE',
  'HouseholdMember.isPregnant': 'SENSITIVE',
  'HouseholdMember.hasDisability': 'SENSITIVE',
  'HouseholdMember.healthNotes': 'SENSITIVE',
  'Household.consultationNotes': 'NOTES',
  'Household.caseworkerUserId': 'CASE_RECORD',
  'Household.statusHistory': 'CASE_RECORD',
  'Household.reassignments': 'CASE_RECORD',
  'Household.visits': 'CASE_RECORD',
  'Household.consents': 'CASE_RECORD',
  'Household.auditTrail': 'AUDIT_TRAIL',
} as const satisfies Record<string, FieldGroup>

export type GuardedField = keyof typeof GUARDED_FIELDS

/** Reads of these groups are written to the audit log, allowed or denied. */
export const AUDITED_GROUPS: ReadonlySet<FieldGroup> = new Set(['IDENTIFYING', 'SENSITIVE', 'NOTES'])

const ALL_GROUPS: readonly FieldGroup[] = ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES', 'CASE_RECORD', 'AUDIT_TRAIL']

/**
 * Staff of the organisation handling the case, by role (a caller with several roles holds the
 * union). They act for CASE_MANAGEMENT, which the audit log records as their purpose. VOLUNTEER
 * has nothing here: a volunteer sees a household only through a visit assigned to them
 * (`ASSIGNED_VISIT_GRANT`). SYSTEM_ADMIN, INTERMEDIARY and COUNCIL_MEMBER need the coarse facts
 * for matching and reporting, not the person.
 */
export const HANDLING_ORGANISATION_GROUPS: Record<Role, readonly FieldGroup[]> = {
  CASEWORKER: ALL_GROUPS,
  ORG_ADMIN: ALL_GROUPS,
  NURSE: ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES', 'CASE_RECORD'],
  VOLUNTEER: [],
  INTERMEDIARY: ['COARSE'],
  COUNCIL_MEMBER: ['COARSE'],
  SYSTEM_ADMIN: ['COARSE'],
}

/**
 * The assignee of an open (not yet completed) visit to the household, whatever their role or
 * organisation (e.g. a Nubidan volunteer visiting for the dong's centre): what the visit needs —
 * the coarse facts and where to go — for SERVICE_PROVISION, until the visit is completed.
 */
export const ASSIGNED_VISIT_GRANT = { groups: ['COARSE'] as FieldGroup[], fields: ['Household.address'] as GuardedField[], purpose: 'SERVICE_PROVISION' as ConsentPurpose }

/**
 * Staff of another organisation act, by role, for these purposes. A consent opens a data category
 * to them only when it names their organisation, covers the category and names one of their
 * purposes (a consent for DONATION_MATCHING opens nothing to a caseworker managing a case).
 * Any active consent, whatever its purposes, opens the COARSE facts.
 */
export const PARTNER_ROLE_PURPOSES: Record<Role, readonly ConsentPurpose[]> = {
  CASEWORKER: ['CASE_MANAGEMENT', 'REFERRAL', 'SERVICE_PROVISION'],
  ORG_ADMIN: ['CASE_MANAGEMENT', 'REFERRAL', 'DONATION_MATCHING', 'SERVICE_PROVISION'],
  NURSE: ['CASE_MANAGEMENT', 'SERVICE_PROVISION'],
  VOLUNTEER: ['SERVICE_PROVISION'],
  INTERMEDIARY: ['DONATION_MATCHING'],
  COUNCIL_MEMBER: [],
  SYSTEM_ADMIN: [],
}

const PURPOSE_ORDER: readonly ConsentPurpose[] = ['CASE_MANAGEMENT', 'REFERRAL', 'DONATION_MATCHING', 'SERVICE_PROVISION']

/** What the access decision needs to know about one household, loaded with it for this caller. */
export interface AccessFacts {
  handlingOrganisationId: string
  /** Active (unrevoked, unexpired) consents of the household naming the caller's organisation. */
  consentsForCaller: readonly { purposes: readonly ConsentPurpose[]; categories: readonly DataCategory[]; expiresAt: string }[]
  /** The caller is the assignee of a visit to the household not yet completed. */
  hasOpenVisitAssignedToCaller: boolean
  /**
   * The caller's organisation receives an active referral for the household: a `referral_access`
   * grant the programs subgraph recorded (as the sender holding the household's REFERRAL consent)
   * and has not ended, until its time (at most the consent's end) and only while that REFERRAL
   * consent is neither revoked nor expired. Gives the COARSE facts.
   */
  hasActiveReferralForCaller: boolean
}

export type AccessBasis = 'HANDLING_ORGANISATION' | 'ASSIGNED_VISIT' | 'CONSENT' | 'REFERRAL'

/** One caller's access to one household: each granted group or single field, with the purpose it serves. */
export interface HouseholdAccess {
  basis: readonly AccessBasis[]
  groups: ReadonlyMap<FieldGroup, ConsentPurpose>
  fields: ReadonlyMap<GuardedField, ConsentPurpose>
  /** The caller's organisation holds a consent covering NOTES (it then reads every organisation's notes). */
  notesByConsent: boolean
}

const NO_ACCESS: HouseholdAccess = { basis: [], groups: new Map(), fields: new Map(), notesByConsent: false }

export function householdAccess(caller: Caller, facts: AccessFacts): HouseholdAccess {
  if (caller.kind !== 'user') return NO_ACCESS
  const basis: AccessBasis[] = []
  const groups = new Map<FieldGroup, ConsentPurpose>()
  const fields = new Map<GuardedField, ConsentPurpose>()
  const grant = (group: FieldGroup, purpose: ConsentPurpose) => {
    if (!groups.has(group)) groups.set(group, purpose)
  }
  let notesByConsent = false

  if (caller.organisationId === facts.handlingOrganisationId) {
    const held = caller.roles.flatMap((role) => HANDLING_ORGANISATION_GROUPS[role])
    if (held.length) basis.push('HANDLING_ORGANISATION')
    for (const group of held) grant(group, 'CASE_MANAGEMENT')
  }
  if (facts.hasOpenVisitAssignedToCaller) {
    basis.push('ASSIGNED_VISIT')
    for (const group of ASSIGNED_VISIT_GRANT.groups) grant(group, ASSIGNED_VISIT_GRANT.purpose)
    for (const field of ASSIGNED_VISIT_GRANT.fields) if (!fields.has(field)) fields.set(field, ASSIGNED_VISIT_GRANT.purpose)
  }
  const callerPurposes = new Set(caller.roles.flatMap((role) => PARTNER_ROLE_PURPOSES[role]))
  for (const consent of facts.consentsForCaller) {
    if (!basis.includes('CONSENT')) basis.push('CONSENT')
    const purposes = PURPOSE_ORDER.filter((purpose) => consent.purposes.includes(purpose))
    grant('COARSE', purposes[0])
    const served = purposes.find((purpose) => callerPurposes.has(purpose))
    if (!served) continue
    for (const category of consent.categories) {
      grant(category, served)
      if (category === 'NOTES') notesByConsent = true
    }
  }
  if (facts.hasActiveReferralForCaller) {
    basis.push('REFERRAL')
    grant('COARSE', 'REFERRAL')
  }
  return { basis, groups, fields, notesByConsent }
}

/** A household is visible (resolves to an object at all) exactly when its COARSE facts are. */
export const isVisible = (access: HouseholdAccess) => access.groups.has('COARSE')

export interface FieldDecision {
  field: GuardedField
  group: FieldGroup
  allowed: boolean
  /** The purpose the read serves (recorded in the audit log); null when denied. */
  purpose: ConsentPurpose | null
  audited: boolean
}

export function decideField(access: HouseholdAccess, field: GuardedField): FieldDecision {
  const group: FieldGroup = GUARDED_FIELDS[field]
  const purpose = access.groups.get(group) ?? access.fields.get(field) ?? null
  return { field, group, allowed: purpose !== null, purpose, audited: AUDITED_GROUPS.has(group) }
}

/** The error that accompanies a hidden field's null. */
export function hiddenField(decision: FieldDecision): GraphQLError {
  return new GraphQLError(`${decision.field} is hidden: the caller has no access to this household's ${decision.group} data`, {
    extensions: { code: 'FORBIDDEN', fieldGroup: decision.group },
  })
}

/**
 * The rows a caller may list in `households`: its own organisation's cases; restricted to
 * households with a visit assigned to the caller when none of its roles gives the COARSE facts
 * of every case (a volunteer). Anonymous callers are refused outright.
 */
export interface HouseholdListScope {
  handlingOrganisationId: string
  onlyWithOpenVisitOf: { userId: string; organisationId: string } | null
}

export function householdListScope(caller: Caller): HouseholdListScope {
  const organisationId = requireSignedIn(caller)
  const user = caller as Extract<Caller, { kind: 'user' }>
  const seesEveryCase = user.roles.some((role) => HANDLING_ORGANISATION_GROUPS[role].includes('COARSE'))
  return { handlingOrganisationId: organisationId, onlyWithOpenVisitOf: seesEveryCase ? null : { userId: user.userId, organisationId } }
}

/** Refuses anonymous callers with UNAUTHENTICATED; returns the caller's organisation id. */
export function requireSignedIn(caller: Caller): string {
  if (caller.kind !== 'user') throw unauthenticated('Household data requires a signed-in caller')
  return caller.organisationId
}

/** Roles of the handling organisation that may change a case (status, assignment, consent, visits). */
export const CASE_MANAGER_ROLES: readonly Role[] = ['CASEWORKER', 'ORG_ADMIN']
/** Roles of the handling organisation that may schedule visits. */
export const VISIT_PLANNER_ROLES: readonly Role[] = ['CASEWORKER', 'ORG_ADMIN', 'NURSE']
/** Roles that may report a newly found household. */
export const REPORTER_ROLES: readonly Role[] = ['CASEWORKER', 'ORG_ADMIN', 'NURSE', 'VOLUNTEER']

/** Staff of the handling organisation holding one of `roles`. */
export function isHandlingStaffWith(caller: Caller, handlingOrganisationId: string, roles: readonly Role[]): boolean {
  return caller.kind === 'user' && caller.organisationId === handlingOrganisationId && caller.roles.some((role) => roles.includes(role))
}

/**
 * Until when the caller's organisation may match donated goods for the household: the latest
 * expiry among its active consents for DONATION_MATCHING, or null. Asked by the donations
 * subgraph before it records a need.
 */
export function donationMatchingConsentUntil(facts: Pick<AccessFacts, 'consentsForCaller'>): Date | null {
  return consentUntil(facts, 'DONATION_MATCHING')
}

/**
 * Until when the caller's organisation may refer the household to another organisation's program:
 * the latest expiry among its active consents for REFERRAL, or null. Asked by the programs
 * subgraph before it records a referral (no consent, no referral).
 */
export function referralConsentUntil(facts: Pick<AccessFacts, 'consentsForCaller'>): Date | null {
  return consentUntil(facts, 'REFERRAL')
}

function consentUntil(facts: Pick<AccessFacts, 'consentsForCaller'>, purpose: ConsentPurpose): Date | null {
  const expiries = facts.consentsForCaller.filter((consent) => consent.purposes.includes(purpose)).map((consent) => Date.parse(consent.expiresAt))
  return expiries.length ? new Date(Math.max(...expiries)) : null
}
