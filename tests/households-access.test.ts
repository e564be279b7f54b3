/**
 * The households access matrix, end to end: every role × organisation (handling, consented,
 * unrelated) × consent state × field group, through the gateway and through `_entities` called
 * directly on the subgraph (the path fields obtained with @requires take), plus the audit rows
 * each request leaves and the audit log's immutability.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Role } from '@nanum/subgraph-kit'
import { database, gql, newId, subgraphGql, tokenFor } from './helpers.js'
import { insertConsents, insertHouseholdMembers, insertHouseholds, insertNote, insertStatusChanges, insertVisits } from '../subgraphs/households/src/db/queries.js'

const households = () => database('households').db

const ROLES: Role[] = ['CASEWORKER', 'ORG_ADMIN', 'NURSE', 'VOLUNTEER', 'INTERMEDIARY', 'COUNCIL_MEMBER', 'SYSTEM_ADMIN']
type Group = 'COARSE' | 'IDENTIFYING' | 'SENSITIVE' | 'NOTES' | 'CASE_RECORD' | 'AUDIT_TRAIL'
type ConsentState = 'NONE' | 'ACTIVE' | 'EXPIRED' | 'REVOKED' | 'WRONG_CATEGORY' | 'WRONG_PURPOSE'
const CONSENT_STATES: ConsentState[] = ['NONE', 'ACTIVE', 'EXPIRED', 'REVOKED', 'WRONG_CATEGORY', 'WRONG_PURPOSE']

/**
 * The expected matrix, written out independently of rules/access.ts (see the README, "Who sees what"). Purposes a
 * partner's role acts for: CASEWORKER case management/referral/service, NURSE case
 * management/service, VOLUNTEER service, INTERMEDIARY donation matching, ORG_ADMIN all,
 * COUNCIL_MEMBER and SYSTEM_ADMIN none.
 */
const HANDLING: Record<Role, Group[]> = {
  CASEWORKER: ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES', 'CASE_RECORD', 'AUDIT_TRAIL'],
  ORG_ADMIN: ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES', 'CASE_RECORD', 'AUDIT_TRAIL'],
  NURSE: ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES', 'CASE_RECORD'],
  VOLUNTEER: [],
  INTERMEDIARY: ['COARSE'],
  COUNCIL_MEMBER: ['COARSE'],
  SYSTEM_ADMIN: ['COARSE'],
}
const SERVES_CASE_PURPOSES: Role[] = ['CASEWORKER', 'ORG_ADMIN', 'NURSE', 'VOLUNTEER']
const SERVES_DONATION_MATCHING: Role[] = ['ORG_ADMIN', 'INTERMEDIARY']

function expectedPartner(role: Role, state: ConsentState): Group[] {
  switch (state) {
    case 'NONE':
    case 'EXPIRED':
    case 'REVOKED':
      return []
    case 'ACTIVE': // purposes SERVICE_PROVISION + CASE_MANAGEMENT + DONATION_MATCHING; all categories
      return [...SERVES_CASE_PURPOSES, 'INTERMEDIARY'].includes(role) ? ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES'] : ['COARSE']
    case 'WRONG_CATEGORY': // all those purposes, but IDENTIFYING only
      return [...SERVES_CASE_PURPOSES, 'INTERMEDIARY'].includes(role) ? ['COARSE', 'IDENTIFYING'] : ['COARSE']
    case 'WRONG_PURPOSE': // all categories, DONATION_MATCHING only
      return SERVES_DONATION_MATCHING.includes(role) ? ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES'] : ['COARSE']
  }
}

const SELECTION = /* GraphQL */ `
  id reference district incomeBand vulnerabilityScore
  address contactPhone
  members { relation birthYear age name birthDate isPregnant hasDisability healthNotes }
  discovery { source discoveredBy }
  consultationNotes { totalCount edges { node { body } } }
  statusHistory { totalCount }
  visits { totalCount }
  auditTrail { totalCount }
`
const BY_ID = `query ($id: ID!) { household(id: $id) { ${SELECTION} } }`
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { ${SELECTION} } } }`

/** Where each group shows in SELECTION, and the audited field each path reads (if audited). */
const FIELD_CHECKS: { group: Exclude<Group, 'COARSE'>; path: string[]; audited?: string }[] = [
  { group: 'IDENTIFYING', path: ['address'], audited: 'Household.address' },
  { group: 'IDENTIFYING', path: ['contactPhone'], audited: 'Household.contactPhone' },
  { group: 'IDENTIFYING', path: ['members', '0', 'name'], audited: 'HouseholdMember.name' },
  { group: 'IDENTIFYING', path: ['discovery', 'discoveredBy'], audited: 'Discovery.discoveredBy' },
  { group: 'SENSITIVE', path: ['members', '0', 'birthDate'], audited: 'HouseholdMember.birthDate' },
  { group: 'SENSITIVE', path: ['members', '0', 'isPregnant'], audited: 'HouseholdMember.isPregnant' },
  { group: 'SENSITIVE', path: ['members', '0', 'hasDisability'], audited: 'HouseholdMember.hasDisability' },
  { group: 'SENSITIVE', path: ['members', '0', 'healthNotes'], audited: 'HouseholdMember.healthNotes' },
  { group: 'NOTES', path: ['consultationNotes'], audited: 'Household.consultationNotes' },
  { group: 'CASE_RECORD', path: ['statusHistory'] },
  { group: 'CASE_RECORD', path: ['visits'] },
  { group: 'AUDIT_TRAIL', path: ['auditTrail'] },
]
const ALL_AUDITED = FIELD_CHECKS.flatMap((check) => (check.audited ? [check.audited] : [])).sort()

const at = (value: any, path: string[]) => path.reduce((node, key) => node?.[key], value)

interface Cell {
  label: string
  org: string
  roles: Role[]
  sub: string
  expected: Group[]
  /** Single fields open beyond the groups (the address, for a visit's assignee). */
  extraPaths?: string[]
}

describe('households access matrix', () => {
  const handlingOrg = newId()
  const centre = newId()
  const householdId = newId()
  const visitingVolunteer = `volunteer-${newId()}`
  const partnerOrgs = Object.fromEntries(CONSENT_STATES.map((state) => [state, newId()])) as Record<ConsentState, string>
  const cells: Cell[] = []

  beforeAll(async () => {
    await insertHouseholds(households(), [
      {
        id: householdId,
        district: '서대문구',
        dong: '홍제1동',
        address: '서울 서대문구 통일로 484, 101-1203',
        contactPhone: '010-1234-5678',
        incomeBand: 'BASIC_LIVELIHOOD_RECIPIENT',
        housingSituation: 'SEMI_BASEMENT_OR_ROOFTOP',
        vulnerabilityFlags: ['ELDERLY_LIVING_ALONE'],
        status: 'MONITORING',
        discoverySource: 'NEIGHBOUR_REPORT',
        discoveredBy: 'Neighbour at 101-1202',
        handlingCentreId: centre,
        handlingOrganisationId: handlingOrg,
      },
    ])
    await insertHouseholdMembers(households(), [
      { householdId, name: '김순자', birthYear: 1941, birthDate: '1941-03-02', relation: 'HEAD', hasDisability: true, healthNotes: 'Diabetes; insulin twice a day' },
    ])
    await insertStatusChanges(households(), [
      { householdId, toStatus: 'IDENTIFIED', reason: 'Reported', changedByUserId: 'cw', changedByOrganisationId: handlingOrg },
    ])
    await insertNote(households(), { householdId, organisationId: handlingOrg, authorUserId: 'cw', body: 'Lives alone since 2023; daughter abroad.' })
    await insertVisits(households(), [
      { householdId, assigneeUserId: visitingVolunteer, assigneeOrganisationId: handlingOrg, visitorRole: 'VOLUNTEER', scheduledFor: new Date(Date.now() + 86_400_000), scheduledByUserId: 'cw' },
    ])
    const day = 86_400_000
    const consent = (state: ConsentState, purposes: any[], categories: any[], extra: Record<string, unknown> = {}) => ({
      householdId,
      organisationId: partnerOrgs[state],
      purposes,
      categories,
      expiresAt: new Date(Date.now() + 30 * day),
      recordedByUserId: 'cw',
      recordedByOrganisationId: handlingOrg,
      ...extra,
    })
    const ALL = ['COARSE', 'IDENTIFYING', 'SENSITIVE', 'NOTES']
    await insertConsents(households(), [
      consent('ACTIVE', ['CASE_MANAGEMENT', 'SERVICE_PROVISION', 'DONATION_MATCHING'], ALL),
      consent('EXPIRED', ['CASE_MANAGEMENT', 'SERVICE_PROVISION', 'DONATION_MATCHING'], ALL, { grantedAt: new Date(Date.now() - 60 * day), expiresAt: new Date(Date.now() - day) }),
      consent('REVOKED', ['CASE_MANAGEMENT', 'SERVICE_PROVISION', 'DONATION_MATCHING'], ALL, { revokedAt: new Date(), revokedByUserId: 'cw' }),
      consent('WRONG_CATEGORY', ['CASE_MANAGEMENT', 'SERVICE_PROVISION', 'DONATION_MATCHING'], ['IDENTIFYING']),
      consent('WRONG_PURPOSE', ['DONATION_MATCHING'], ALL),
    ])

    for (const role of ROLES) cells.push({ label: `handling ${role}`, org: handlingOrg, roles: [role], sub: newId(), expected: HANDLING[role] })
    cells.push({ label: 'handling VOLUNTEER with an open visit', org: handlingOrg, roles: ['VOLUNTEER'], sub: visitingVolunteer, expected: ['COARSE'], extraPaths: ['address'] })
    for (const state of CONSENT_STATES)
      for (const role of ROLES) cells.push({ label: `partner ${role}, consent ${state}`, org: partnerOrgs[state], roles: [role], sub: newId(), expected: expectedPartner(role, state) })
  })

  /** Checks one response against a cell; returns the audited fields expected allowed and denied. */
  function check(cell: Cell, household: any, errors: any[] | undefined, prefix: (string | number)[]) {
    const label = cell.label
    if (!cell.expected.includes('COARSE')) {
      expect(household, label).toBeNull()
      expect(errors, label).toBeUndefined()
      return { allowed: [], denied: ALL_AUDITED }
    }
    expect(household, label).toMatchObject({ id: householdId, district: '서대문구', incomeBand: 'BASIC_LIVELIHOOD_RECIPIENT' })
    expect(household.reference, label).toMatch(/^HH-/)
    expect(household.members[0], label).toMatchObject({ relation: 'HEAD', birthYear: 1941 })
    // Score: basic livelihood 30 + semi-basement 15 + elderly alone 15 + one member 75+ 4.
    expect(household.vulnerabilityScore, label).toBe(64)
    const errorPaths = new Set((errors ?? []).map((error) => error.path?.join('.')))
    for (const error of errors ?? []) expect(error.extensions?.code, `${label}: ${error.message}`).toBe('FORBIDDEN')
    const allowed: string[] = []
    const denied: string[] = []
    for (const { group, path, audited } of FIELD_CHECKS) {
      const visible = cell.expected.includes(group) || (cell.extraPaths ?? []).includes(path.join('.'))
      if (audited) (visible ? allowed : denied).push(audited)
      const where = `${label}: ${group} ${path.join('.')}`
      expect(at(household, path) === null, where).toBe(!visible)
      expect(errorPaths.has([...prefix, ...path].join('.')), where).toBe(!visible)
    }
    if (cell.expected.includes('IDENTIFYING')) expect(household.address, label).toBe('서울 서대문구 통일로 484, 101-1203')
    if (cell.expected.includes('SENSITIVE')) expect(household.members[0].healthNotes, label).toBe('Diabetes; insulin twice a day')
    if (cell.expected.includes('NOTES')) expect(household.consultationNotes.edges.map((edge: any) => edge.node.body), label).toEqual(['Lives alone since 2023; daughter abroad.'])
    return { allowed: allowed.sort(), denied: denied.sort() }
  }

  it('holds in every cell, through the gateway and through _entities, and audits each read and refusal', async () => {
    const expectedAudit = new Map<string, { allowed: string[]; denied: string[] }>()
    await Promise.all(
      cells.map(async (cell) => {
        const [viaGateway, direct] = await Promise.all([
          tokenFor({ org: cell.org, roles: cell.roles, sub: `${cell.sub}` }).then((token) => gql(BY_ID, { id: householdId }, { token })),
          tokenFor({ org: cell.org, roles: cell.roles, sub: `${cell.sub}` }).then((token) =>
            subgraphGql('households', ENTITIES, { representations: [{ __typename: 'Household', id: householdId }] }, { token }),
          ),
        ])
        const fromGateway = check(cell, viaGateway.data?.household ?? null, viaGateway.errors, ['household'])
        const fromEntities = check(cell, direct.data?._entities[0] ?? null, direct.errors, ['_entities', 0])
        expect(fromEntities).toEqual(fromGateway)
        expectedAudit.set(cell.sub, fromGateway)
      }),
    )

    // Two requests per caller (gateway, _entities): each leaves one row per decision it made.
    const rows = (await households().execute(sql`
      select user_id, organisation_id, purpose, fields, allowed, request_id, occurred_at
      from households.access_audit where household_id = ${householdId}`)) as unknown as any[]
    for (const cell of cells) {
      const mine = rows.filter((row) => row.user_id === cell.sub)
      const expected = expectedAudit.get(cell.sub)!
      const allowedRows = mine.filter((row) => row.allowed)
      const deniedRows = mine.filter((row) => !row.allowed)
      expect(mine.every((row) => row.organisation_id === cell.org), cell.label).toBe(true)
      if (expected.allowed.length) {
        expect(allowedRows, cell.label).toHaveLength(2)
        for (const row of allowedRows) expect([...row.fields].sort(), cell.label).toEqual(expected.allowed)
        expect(allowedRows.every((row) => row.purpose !== null), cell.label).toBe(true)
      } else expect(allowedRows, cell.label).toHaveLength(0)
      if (expected.denied.length) {
        expect(deniedRows, cell.label).toHaveLength(2)
        for (const row of deniedRows) expect([...row.fields].sort(), cell.label).toEqual(expected.denied)
        expect(deniedRows.every((row) => row.purpose === null), cell.label).toBe(true)
      } else expect(deniedRows, cell.label).toHaveLength(0)
      // Each request's rows are written by one statement: same request id, same instant.
      for (const requestId of new Set(mine.map((row) => row.request_id))) {
        const instants = new Set(mine.filter((row) => row.request_id === requestId).map((row) => new Date(row.occurred_at).getTime()))
        expect(instants.size, cell.label).toBe(1)
      }
    }
    const handlingCaseworker = cells.find((cell) => cell.label === 'handling CASEWORKER')!
    const handlingPurposes = new Set(rows.filter((row) => row.user_id === handlingCaseworker.sub).map((row) => row.purpose))
    expect([...handlingPurposes]).toEqual(['CASE_MANAGEMENT'])
    const volunteer = rows.filter((row) => row.user_id === visitingVolunteer && row.allowed)
    expect(volunteer.map((row) => [row.purpose, row.fields])).toEqual([
      ['SERVICE_PROVISION', ['Household.address']],
      ['SERVICE_PROVISION', ['Household.address']],
    ])
  })

  it('shows the handling organisation the audit trail, with who, purpose, fields and decision', async () => {
    const token = await tokenFor({ org: handlingOrg, roles: ['ORG_ADMIN'] })
    const response = await gql(
      `query ($id: ID!) { household(id: $id) { auditTrail(first: 100) { totalCount edges { node { userId organisation { id } roles purpose fields allowed requestId occurredAt } } } } }`,
      { id: householdId },
      { token },
    )
    expect(response.errors).toBeUndefined()
    const trail = response.data.household.auditTrail
    expect(trail.totalCount).toBeGreaterThan(0)
    const denied = trail.edges.map((edge: any) => edge.node).find((node: any) => !node.allowed)
    expect(denied).toMatchObject({ purpose: null, organisation: { id: expect.any(String) } })
    const times = trail.edges.map((edge: any) => Date.parse(edge.node.occurredAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('refuses anonymous callers outright, through the gateway and directly', async () => {
    const viaGateway = await gql(BY_ID, { id: householdId })
    expect(viaGateway.data?.household ?? null).toBeNull()
    expect(viaGateway.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    const direct = await subgraphGql('households', ENTITIES, { representations: [{ __typename: 'Household', id: householdId }] })
    expect(direct.errors).toBeUndefined()
    expect(direct.data._entities).toEqual([null])
  })

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE through the application connection fail', async () => {
    const [{ n }] = (await households().execute(sql`select count(*)::int as n from households.access_audit where household_id = ${householdId}`)) as unknown as { n: number }[]
    expect(n).toBeGreaterThan(0)
    for (const statement of [
      sql`update households.access_audit set allowed = true where household_id = ${householdId}`,
      sql`delete from households.access_audit where household_id = ${householdId}`,
      sql`truncate households.access_audit`,
    ])
      await expect(households().execute(statement)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } })
    const [after] = (await households().execute(sql`select count(*)::int as n from households.access_audit where household_id = ${householdId}`)) as unknown as { n: number }[]
    expect(after.n).toBe(n)
  })
})
