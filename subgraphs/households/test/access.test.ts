import { describe, it, expect } from 'vitest'
import type { Caller, Role } from '@nanum/subgraph-kit'
import {
  decideField,
  donationMatchingConsentUntil,
  householdAccess,
  householdListScope,
  isVisible,
  requireSignedIn,
  type AccessFacts,
  type FieldGroup,
  type GuardedField,
} from '../src/rules/access.js'

const HANDLING = '10000000-0000-4000-8000-000000000007'
const OTHER = '10000000-0000-4000-8000-000000000009'
const anonymous: Caller = { kind: 'anonymous' }
const user = (organisationId: string, ...roles: Role[]): Caller => ({ kind: 'user', userId: 'u1', organisationId, roles })
const facts = (overrides: Partial<AccessFacts> = {}): AccessFacts => ({
  handlingOrganisationId: HANDLING,
  consentsForCaller: [],
  hasOpenVisitAssignedToCaller: false,
  hasActiveReferralForCaller: false,
  ...overrides,
})

/** One field of each group. */
const SAMPLE: Record<Exclude<FieldGroup, 'COARSE'>, GuardedField> = {
  IDENTIFYING: 'HouseholdMember.name',
  SENSITIVE: 'HouseholdMember.healthNotes',
  NOTES: 'Household.consultationNotes',
  CASE_RECORD: 'Household.statusHistory',
  AUDIT_TRAIL: 'Household.auditTrail',
}

function groupsOf(caller: Caller, f: AccessFacts): FieldGroup[] {
  const access = householdAccess(caller, f)
  const groups: FieldGroup[] = isVisible(access) ? ['COARSE'] : []
  for (const [group, field] of Object.entries(SAMPLE)) if (decideField(access, field).allowed) groups.push(group as FieldGroup)
  return groups
}

describe('households access rule', () => {
  it('gives the handling organisation what each role needs', () => {
    const expected: Record<Role, FieldGroup[]> = {
      CASEWORKER: ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES', 'CASE_RECORD', 'AUDIT_TRAIL'],
      ORG_ADMIN: ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES', 'CASE_RECORD', 'AUDIT_TRAIL'],
      NURSE: ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES', 'CASE_RECORD'],
      VOLUNTEER: [],
      INTERMEDIARY: ['COARSE'],
      COUNCIL_MEMBER: ['COARSE'],
      SYSTEM_ADMIN: ['COARSE'],
    }
    for (const [role, groups] of Object.entries(expected)) expect(groupsOf(user(HANDLING, role as Role), facts()), role).toEqual(groups)
    expect(groupsOf(user(HANDLING), facts())).toEqual([])
    expect(groupsOf(user(HANDLING, 'VOLUNTEER', 'INTERMEDIARY'), facts())).toEqual(['COARSE'])
  })

  it('gives the assignee of an open visit the coarse facts and the address only', () => {
    const access = householdAccess(user(HANDLING, 'VOLUNTEER'), facts({ hasOpenVisitAssignedToCaller: true }))
    expect(isVisible(access)).toBe(true)
    expect(decideField(access, 'Household.address')).toMatchObject({ allowed: true, purpose: 'SERVICE_PROVISION', audited: true })
    for (const field of ['Household.contactPhone', 'HouseholdMember.name', 'HouseholdMember.birthDate', 'Household.consultationNotes', 'Household.visits'] as const)
      expect(decideField(access, field).allowed, field).toBe(false)
  })

  it('gives another organisation nothing without consent, not even a system administrator', () => {
    for (const roles of [['CASEWORKER'], ['SYSTEM_ADMIN', 'ORG_ADMIN'], ['NURSE']] as Role[][]) expect(groupsOf(user(OTHER, ...roles), facts())).toEqual([])
    expect(groupsOf(anonymous, facts({ consentsForCaller: [{ expiresAt: '2999-01-01T00:00:00Z', purposes: ['CASE_MANAGEMENT'], categories: ['IDENTIFYING'] }] }))).toEqual([])
  })

  it('opens the coarse facts with any consent, and a category only to a role serving one of its purposes', () => {
    const donation = facts({ consentsForCaller: [{ expiresAt: '2999-01-01T00:00:00Z', purposes: ['DONATION_MATCHING'], categories: ['COARSE', 'IDENTIFYING'] }] })
    expect(groupsOf(user(OTHER, 'INTERMEDIARY'), donation)).toEqual(['COARSE', 'IDENTIFYING'])
    expect(groupsOf(user(OTHER, 'CASEWORKER'), donation)).toEqual(['COARSE'])
    expect(groupsOf(user(OTHER, 'COUNCIL_MEMBER'), donation)).toEqual(['COARSE'])
    const care = facts({ consentsForCaller: [{ expiresAt: '2999-01-01T00:00:00Z', purposes: ['SERVICE_PROVISION'], categories: ['SENSITIVE', 'NOTES'] }] })
    expect(groupsOf(user(OTHER, 'NURSE'), care)).toEqual(['COARSE', 'SENSITIVE', 'NOTES'])
    expect(decideField(householdAccess(user(OTHER, 'NURSE'), care), 'HouseholdMember.isPregnant').purpose).toBe('SERVICE_PROVISION')
    expect(householdAccess(user(OTHER, 'NURSE'), care).notesByConsent).toBe(true)
  })

  it('gives an organisation with an active referral the coarse facts (extension point for referrals)', () => {
    expect(groupsOf(user(OTHER, 'CASEWORKER'), facts({ hasActiveReferralForCaller: true }))).toEqual(['COARSE'])
  })

  it('records the purpose of each allowed read and none for a refused one', () => {
    expect(decideField(householdAccess(user(HANDLING, 'CASEWORKER'), facts()), 'Household.address')).toMatchObject({ allowed: true, purpose: 'CASE_MANAGEMENT', group: 'IDENTIFYING' })
    expect(decideField(householdAccess(user(OTHER, 'CASEWORKER'), facts()), 'Household.address')).toMatchObject({ allowed: false, purpose: null })
    expect(decideField(householdAccess(user(HANDLING, 'CASEWORKER'), facts()), 'Household.visits').audited).toBe(false)
  })

  it("scopes lists to the caller's own organisation, to assigned visits for volunteers, and refuses anonymous callers", () => {
    expect(householdListScope(user(OTHER, 'SYSTEM_ADMIN'))).toEqual({ handlingOrganisationId: OTHER, onlyWithOpenVisitOf: null })
    expect(householdListScope(user(OTHER, 'VOLUNTEER'))).toEqual({ handlingOrganisationId: OTHER, onlyWithOpenVisitOf: { userId: 'u1', organisationId: OTHER } })
    expect(requireSignedIn(user(HANDLING))).toBe(HANDLING)
    for (const refuse of [() => householdListScope(anonymous), () => requireSignedIn(anonymous)])
      expect(refuse).toThrow(expect.objectContaining({ message: 'Household data requires a signed-in caller', extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }))
  })
})

describe('donation matching consent', () => {
  it('is the latest expiry among active consents for DONATION_MATCHING, or null', () => {
    expect(donationMatchingConsentUntil({ consentsForCaller: [] })).toBeNull()
    expect(donationMatchingConsentUntil({ consentsForCaller: [{ expiresAt: '2027-01-01T00:00:00Z', purposes: ['REFERRAL'], categories: ['COARSE'] }] })).toBeNull()
    expect(
      donationMatchingConsentUntil({
        consentsForCaller: [
          { expiresAt: '2027-01-01T00:00:00Z', purposes: ['DONATION_MATCHING'], categories: ['COARSE'] },
          { expiresAt: '2027-06-01T00:00:00Z', purposes: ['REFERRAL', 'DONATION_MATCHING'], categories: ['COARSE'] },
        ],
      }),
    ).toEqual(new Date('2027-06-01T00:00:00Z'))
  })
})
