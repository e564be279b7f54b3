import { describe, it, expect } from 'vitest'
import type { Caller, Role } from '@nanum/subgraph-kit'
import { canSeeHousehold, householdListScope, requireSignedIn, visibleHouseholds } from '../src/rules/access.js'

const HANDLING = '10000000-0000-4000-8000-000000000007'
const OTHER = '10000000-0000-4000-8000-000000000009'
const household = { id: 'h1', handlingOrganisationId: HANDLING }
const anonymous: Caller = { kind: 'anonymous' }
const user = (organisationId: string, ...roles: Role[]): Caller => ({ kind: 'user', userId: 'u1', organisationId, roles })

describe('households access rule', () => {
  it('lets staff of the handling organisation see the household, in any role', () => {
    for (const role of ['CASEWORKER', 'NURSE', 'VOLUNTEER', 'INTERMEDIARY', 'COUNCIL_MEMBER', 'ORG_ADMIN', 'SYSTEM_ADMIN'] as const)
      expect(canSeeHousehold(user(HANDLING, role), household)).toBe(true)
    expect(canSeeHousehold(user(HANDLING), household)).toBe(true)
  })

  it('hides the household from anonymous callers and other organisations, system administrators included', () => {
    expect(canSeeHousehold(anonymous, household)).toBe(false)
    expect(canSeeHousehold(user(OTHER, 'CASEWORKER'), household)).toBe(false)
    expect(canSeeHousehold(user(OTHER, 'SYSTEM_ADMIN', 'ORG_ADMIN'), household)).toBe(false)
  })

  it('keeps only visible rows', () => {
    const rows = [household, { id: 'h2', handlingOrganisationId: OTHER }, { id: 'h3', handlingOrganisationId: HANDLING }]
    expect(visibleHouseholds(user(HANDLING), rows).map((row) => row.id)).toEqual(['h1', 'h3'])
    expect(visibleHouseholds(user(OTHER, 'SYSTEM_ADMIN'), rows).map((row) => row.id)).toEqual(['h2'])
    expect(visibleHouseholds(anonymous, rows)).toEqual([])
  })

  it("scopes lists to the caller's own organisation and refuses anonymous callers", () => {
    expect(householdListScope(user(OTHER, 'SYSTEM_ADMIN'))).toEqual({ handlingOrganisationId: OTHER })
    expect(requireSignedIn(user(HANDLING))).toBe(HANDLING)
    for (const refuse of [() => householdListScope(anonymous), () => requireSignedIn(anonymous)])
      expect(refuse).toThrow(expect.objectContaining({ message: 'Household data requires a signed-in caller', extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }))
  })
})
