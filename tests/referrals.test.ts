import { describe, expect, it } from 'vitest'
import { database, gql, newId, sqlStatements, subgraphGql, tokenFor } from './helpers.js'
import { seedCentres, seedHousehold, seedOrganisation } from './fixtures.js'
import { insertPrograms } from '../subgraphs/programs/src/db/queries.js'
import { insertConsents } from '../subgraphs/households/src/db/queries.js'
import { referrals } from '../subgraphs/programs/src/db/tables.js'
import { REFERRAL_TRANSITIONS, transitionFor, type ReferralAction } from '../subgraphs/programs/src/rules/referral-lifecycle.js'
import { REFERRAL_STATUSES } from '../subgraphs/programs/src/db/tables.js'

/** Referrals and enrollments through the gateway: two organisations close the loop for one household. */

async function seedFoodProgram(providerOrganisationId: string, capacity: number | null = null) {
  const id = newId()
  await insertPrograms(database('programs').db, [{ id, name: `Food ${id.slice(0, 8)}`, description: 'Lunch delivery', category: 'FOOD', providerOrganisationId, capacity }])
  return id
}

/** A household (handled by `handling`, another organisation by default) whose consent lets `organisationId` refer it. */
async function seedHouseholdReferrableBy(organisationId: string, handling = newId()) {
  const household = await seedHousehold(handling, newId())
  await insertConsents(database('households').db, [
    { householdId: household, organisationId, purposes: ['REFERRAL'], categories: ['COARSE'], expiresAt: new Date(Date.now() + 365 * 86_400_000), recordedByUserId: 'test', recordedByOrganisationId: handling },
  ])
  return household
}

const staff = (org: string, roles: ('CASEWORKER' | 'ORG_ADMIN' | 'SYSTEM_ADMIN')[] = ['CASEWORKER']): Promise<string> => Promise.resolve(tokenFor({ org, roles }))

const REFERRAL_FIELDS = 'id status reason urgency sentAt expiresAt acceptedAt program { id } fromOrganisation { id } toOrganisation { id } transitions { fromStatus toStatus byUserId byOrganisation { id } note }'

const send = (token: string, input: Record<string, unknown>) =>
  gql(`mutation($input: SendReferralInput!) { sendReferral(input: $input) { referral { ${REFERRAL_FIELDS} } duplicateServices { category activeSinceMonth program { id name } organisation { id } } userErrors { code field message } } }`, { input }, { token })

const act = (token: string, mutation: 'acceptReferral' | 'declineReferral' | 'cancelReferral', input: Record<string, unknown>) => {
  const type = mutation[0].toUpperCase() + mutation.slice(1)
  return gql(`mutation($input: ${type}Input!) { ${mutation}(input: $input) { referral { ${REFERRAL_FIELDS} } userErrors { code field message } } }`, { input }, { token }).then((r) => r.data?.[mutation])
}

const enroll = (token: string, input: Record<string, unknown>) =>
  gql(
    `mutation($input: EnrollHouseholdInput!) { enrollHousehold(input: $input) { enrollment { id status startsOn category organisation { id } program { id seatsTaken } referral { id status } } duplicateServices { category activeSinceMonth program { id name } organisation { id } } userErrors { code field message } } }`,
    { input },
    { token },
  )

const programSeats = async (id: string) => (await gql(`query($id: ID!) { program(id: $id) { seatsTaken freeSeats } }`, { id })).data.program

describe('referral lifecycle table', () => {
  it('allows exactly the listed transitions and nothing out of a final state', () => {
    const actions: ReferralAction[] = ['ACCEPT', 'DECLINE', 'CANCEL', 'ENROLL', 'COMPLETE', 'EXPIRE']
    let allowed = 0
    for (const status of REFERRAL_STATUSES)
      for (const action of actions) {
        const rule = transitionFor(status, action)
        if (rule) allowed++
        if (['DECLINED', 'COMPLETED', 'CANCELLED', 'EXPIRED'].includes(status)) expect(rule).toBeNull()
      }
    expect(allowed).toBe(REFERRAL_TRANSITIONS.length)
    expect(transitionFor('SENT', 'ENROLL')).toBeNull()
    expect(transitionFor('ACCEPTED', 'DECLINE')).toBeNull()
    expect(transitionFor('ENROLLED', 'CANCEL')).toBeNull()
  })
})

describe('household service histories through the gateway', () => {
  it('cost the same SQL statements for 20 households as for 5 (one access question to households for all of them)', async () => {
    const [handling, receiver] = [await seedOrganisation(), await seedOrganisation()]
    const program = await seedFoodProgram(receiver)
    const households: string[] = []
    for (let i = 0; i < 20; i++) households.push(await seedHousehold(handling, newId()))
    const now = Date.now()
    await database('programs').db.insert(referrals).values(
      households.map((householdId) => ({
        householdId, programId: program, fromOrganisationId: handling, fromUserId: 'test', toOrganisationId: receiver, reason: 'Needs meals',
        consentUntil: new Date(now + 100 * 86_400_000), sentAt: new Date(now - 86_400_000), expiresAt: new Date(now + 13 * 86_400_000),
      })),
    )
    const token = await staff(handling)
    const QUERY = `query($first: Int!) { households(first: $first) { edges { node { reference
      referrals { totalCount edges { node { status program { name } toOrganisation { id } } } }
      enrollments { totalCount }
      eligiblePrograms(first: 3) { totalCount } } } } }`
    const statementsFor = async (first: number) => {
      const names = ['programs', 'households'] as const
      const before = await Promise.all(names.map(sqlStatements))
      const response = await gql(QUERY, { first }, { token })
      expect(response.errors).toBeUndefined()
      expect(response.data.households.edges).toHaveLength(first)
      for (const edge of response.data.households.edges) expect(edge.node.referrals.totalCount).toBe(1)
      const after = await Promise.all(names.map(sqlStatements))
      return Object.fromEntries(names.map((name, i) => [name, after[i] - before[i]]))
    }
    const five = await statementsFor(5)
    expect(await statementsFor(20)).toEqual(five)
  })
})

describe('referrals through the gateway', () => {
  it('closes the loop across two organisations: sent, accepted, enrolled, completed, with every transition recorded', async () => {
    const [sender, receiver] = [await seedOrganisation(), await seedOrganisation()]
    const household = await seedHouseholdReferrableBy(sender)
    const program = await seedFoodProgram(receiver, 5)
    const senderToken = await staff(sender)
    const receiverToken = await staff(receiver)

    const COARSE = `query($id: ID!) { household(id: $id) { district address } }`
    const receiverView = async () => (await gql(COARSE, { id: household }, { token: receiverToken })).data?.household ?? null
    expect(await receiverView()).toBeNull()

    const sent = (await send(senderToken, { householdId: household, programId: program, reason: 'Lives alone, skips meals', urgency: 'URGENT' })).data.sendReferral
    expect(sent.userErrors).toEqual([])
    expect(sent.referral).toMatchObject({ status: 'SENT', urgency: 'URGENT', fromOrganisation: { id: sender }, toOrganisation: { id: receiver } })
    const referralId = sent.referral.id
    expect(Date.parse(sent.referral.expiresAt) - Date.parse(sent.referral.sentAt)).toBe(14 * 86_400_000)

    // The referral opens the household's coarse facts (not its address) to the receiving organisation.
    expect((await receiverView())?.district).toBe('세종시')
    expect((await gql(COARSE, { id: household }, { token: receiverToken })).errors?.[0]?.path).toEqual(['household', 'address'])

    const inbox = await gql(`{ referralInbox { totalCount edges { node { id status } } } }`, {}, { token: receiverToken })
    expect(inbox.data.referralInbox).toMatchObject({ totalCount: 1, edges: [{ node: { id: referralId, status: 'SENT' } }] })
    expect((await gql(`{ referralInbox { totalCount } }`, {}, { token: senderToken })).data.referralInbox.totalCount).toBe(0)
    const INBOX = `query($filter: ReferralFilter) { referralInbox(filter: $filter) { totalCount edges { node { sentByUserId transitions { byUserId } } } } }`
    const urgent = (await gql(INBOX, { filter: { urgency: ['URGENT'], programId: program } }, { token: receiverToken })).data.referralInbox
    expect(urgent.totalCount).toBe(1)
    expect(urgent.edges[0].node.sentByUserId).toBe(urgent.edges[0].node.transitions[0].byUserId)
    expect((await gql(INBOX, { filter: { urgency: ['ROUTINE'] } }, { token: receiverToken })).data.referralInbox.totalCount).toBe(0)
    expect((await gql(INBOX, { filter: { programId: 'not-an-id' } }, { token: receiverToken })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')

    const accepted = await act(receiverToken, 'acceptReferral', { id: referralId, note: 'We can start Monday' })
    expect(accepted.userErrors).toEqual([])
    expect(accepted.referral.status).toBe('ACCEPTED')
    expect(accepted.referral.acceptedAt).not.toBeNull()

    const enrolled = (await enroll(receiverToken, { referralId, startsOn: '2026-03-02' })).data.enrollHousehold
    expect(enrolled.userErrors).toEqual([])
    expect(enrolled.enrollment).toMatchObject({ status: 'ACTIVE', startsOn: '2026-03-02', category: 'FOOD', organisation: { id: receiver }, program: { id: program, seatsTaken: 1 }, referral: { id: referralId, status: 'ENROLLED' } })

    // Federation: the household's lists for a caller who may see it, nothing for one who may not; the program's for its provider only.
    const HOUSEHOLD = `query($id: ID!) { household(id: $id) { id referrals { totalCount edges { node { id status } } } enrollments { totalCount edges { node { status program { id } } } } } }`
    const seenBySender = (await gql(HOUSEHOLD, { id: household }, { token: senderToken })).data.household
    expect(seenBySender).toMatchObject({ referrals: { totalCount: 1, edges: [{ node: { id: referralId, status: 'ENROLLED' } }] }, enrollments: { totalCount: 1, edges: [{ node: { status: 'ACTIVE', program: { id: program } } }] } })
    expect((await gql(HOUSEHOLD, { id: household }, { token: await staff(await seedOrganisation()) })).data.household).toBeNull()
    const PROGRAM = `query($id: ID!) { program(id: $id) { referrals { totalCount } enrollments(filter: { status: [ACTIVE] }) { totalCount } } }`
    expect((await gql(PROGRAM, { id: program }, { token: receiverToken })).data.program).toEqual({ referrals: { totalCount: 1 }, enrollments: { totalCount: 1 } })
    expect((await gql(PROGRAM, { id: program }, { token: senderToken })).data.program).toEqual({ referrals: null, enrollments: null })

    const sentList = await gql(`{ sentReferrals { totalCount edges { node { id status } } } }`, {}, { token: senderToken })
    expect(sentList.data.sentReferrals).toMatchObject({ totalCount: 1, edges: [{ node: { id: referralId, status: 'ENROLLED' } }] })

    const ended = await gql(
      `mutation($input: EndEnrollmentInput!) { endEnrollment(input: $input) { enrollment { status endsOn referral { ${REFERRAL_FIELDS} } } userErrors { code field message } } }`,
      { input: { id: enrolled.enrollment.id, status: 'COMPLETED', endsOn: '2026-06-30', note: 'Meals resumed' } },
      { token: receiverToken },
    )
    const { enrollment } = ended.data.endEnrollment
    expect(enrollment).toMatchObject({ status: 'COMPLETED', endsOn: '2026-06-30' })
    expect(enrollment.referral.status).toBe('COMPLETED')
    expect(enrollment.referral.transitions.map((t: any) => [t.fromStatus, t.toStatus, t.byOrganisation?.id])).toEqual([
      [null, 'SENT', sender],
      ['SENT', 'ACCEPTED', receiver],
      ['ACCEPTED', 'ENROLLED', receiver],
      ['ENROLLED', 'COMPLETED', receiver],
    ])
    expect(enrollment.referral.transitions[1].note).toBe('We can start Monday')
    expect(enrollment.referral.transitions[3].note).toBe('COMPLETED: Meals resumed')
    expect(await programSeats(program)).toEqual({ seatsTaken: 0, freeSeats: 5 })
    // The loop is closed: the grant ended with it.
    expect(await receiverView()).toBeNull()
  })

  it('refuses a referral without the household’s REFERRAL consent for the sender', async () => {
    const [sender, receiver] = [await seedOrganisation(), await seedOrganisation()]
    const otherOrg = await seedOrganisation()
    const household = await seedHouseholdReferrableBy(otherOrg)
    const program = await seedFoodProgram(receiver)
    const result = (await send(await staff(sender), { householdId: household, programId: program, reason: 'Needs meals' })).data.sendReferral
    expect(result.referral).toBeNull()
    expect(result.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED', field: ['input', 'householdId'] })])
    expect((await gql(`{ sentReferrals { totalCount } }`, {}, { token: await staff(sender) })).data.sentReferrals.totalCount).toBe(0)
  })

  it('refuses every illegal transition, and lets only the right side act', async () => {
    const [sender, receiver, outsider] = [await seedOrganisation(), await seedOrganisation(), await seedOrganisation()]
    const program = await seedFoodProgram(receiver)
    const senderToken = await staff(sender)
    const receiverToken = await staff(receiver)
    const newReferral = async () =>
      (await send(senderToken, { householdId: await seedHouseholdReferrableBy(sender), programId: program, reason: 'Needs meals' })).data.sendReferral.referral.id

    const first = await newReferral()
    // The wrong side, and an organisation with nothing to do with it.
    expect((await act(senderToken, 'acceptReferral', { id: first })).userErrors[0].code).toBe('NOT_ALLOWED')
    expect((await act(senderToken, 'declineReferral', { id: first, reason: 'no' })).userErrors[0].code).toBe('NOT_ALLOWED')
    expect((await act(receiverToken, 'cancelReferral', { id: first })).userErrors[0].code).toBe('NOT_ALLOWED')
    expect((await act(await staff(outsider), 'acceptReferral', { id: first })).userErrors[0].code).toBe('NOT_FOUND')
    expect((await gql(`query($id: ID!) { referral(id: $id) { id } }`, { id: first }, { token: await staff(outsider) })).data.referral).toBeNull()
    // A SENT referral cannot be enrolled; a sender cannot enroll.
    expect((await enroll(receiverToken, { referralId: first })).data.enrollHousehold.userErrors[0].code).toBe('CONFLICT')
    expect((await enroll(senderToken, { referralId: first })).data.enrollHousehold.userErrors[0].code).toBe('NOT_FOUND')
    // A decline needs a reason; then the referral is final.
    expect((await act(receiverToken, 'declineReferral', { id: first, reason: ' ' })).userErrors[0]).toMatchObject({ code: 'INVALID_VALUE', field: ['input', 'reason'] })
    const declined = await act(receiverToken, 'declineReferral', { id: first, reason: 'Outside our area' })
    expect(declined.referral.status).toBe('DECLINED')
    expect(declined.referral.transitions.at(-1)).toMatchObject({ toStatus: 'DECLINED', note: 'Outside our area' })
    for (const mutation of ['acceptReferral', 'cancelReferral'] as const) expect((await act(mutation === 'cancelReferral' ? senderToken : receiverToken, mutation, { id: first })).userErrors[0].code).toBe('CONFLICT')
    expect((await act(receiverToken, 'declineReferral', { id: first, reason: 'again' })).userErrors[0].code).toBe('CONFLICT')

    // The sender may cancel an accepted referral; after that nothing moves it.
    const second = await newReferral()
    expect((await act(receiverToken, 'acceptReferral', { id: second })).referral.status).toBe('ACCEPTED')
    expect((await act(receiverToken, 'acceptReferral', { id: second })).userErrors[0].code).toBe('CONFLICT')
    expect((await act(receiverToken, 'declineReferral', { id: second, reason: 'changed mind' })).userErrors[0].code).toBe('CONFLICT')
    expect((await act(senderToken, 'cancelReferral', { id: second, note: 'Family moved' })).referral.status).toBe('CANCELLED')
    expect((await enroll(receiverToken, { referralId: second })).data.enrollHousehold.userErrors[0].code).toBe('CONFLICT')
    expect((await act(receiverToken, 'acceptReferral', { id: second })).userErrors[0].code).toBe('CONFLICT')
  })

  it('refuses, through the gateway, every action the lifecycle table does not give to the caller’s side', async () => {
    const [sender, receiver] = [await seedOrganisation(), await seedOrganisation()]
    const program = await seedFoodProgram(receiver)
    const household = await seedHousehold(receiver, newId())
    const tokens = { SENDER: await staff(sender), RECEIVER: await staff(receiver) }
    const perform: Record<Exclude<ReferralAction, 'COMPLETE' | 'EXPIRE'>, (token: string, id: string) => Promise<{ userErrors: unknown[] }>> = {
      ACCEPT: (token, id) => act(token, 'acceptReferral', { id }),
      DECLINE: (token, id) => act(token, 'declineReferral', { id, reason: 'Full' }),
      CANCEL: (token, id) => act(token, 'cancelReferral', { id }),
      ENROLL: async (token, id) => (await enroll(token, { referralId: id })).data.enrollHousehold,
    }
    const now = Date.now()
    let checked = 0
    for (const status of REFERRAL_STATUSES)
      for (const [action, run] of Object.entries(perform) as [keyof typeof perform, (typeof perform)[keyof typeof perform]][])
        for (const side of ['SENDER', 'RECEIVER'] as const) {
          const [row] = await database('programs').db.insert(referrals).values({
            householdId: household, programId: program, fromOrganisationId: sender, fromUserId: 'test', toOrganisationId: receiver, reason: 'Needs meals', status,
            consentUntil: new Date(now + 100 * 86_400_000), sentAt: new Date(now - 86_400_000), expiresAt: new Date(now + 13 * 86_400_000),
          }).returning()
          const rule = transitionFor(status, action)
          const payload = await run(tokens[side], row.id)
          const after = (await gql(`query($id: ID!) { referral(id: $id) { status } }`, { id: row.id }, { token: tokens.SENDER })).data.referral.status
          if (rule && rule.by === side) {
            expect(payload.userErrors, `${side} ${action} from ${status}`).toEqual([])
            expect(after).toBe(rule.to)
          } else {
            expect(payload.userErrors, `${side} ${action} from ${status}`).toHaveLength(1)
            expect(after, `${side} ${action} from ${status}`).toBe(status)
          }
          checked++
        }
    expect(checked).toBe(REFERRAL_STATUSES.length * 4 * 2)
  })

  it('expires unanswered referrals lazily on read and with a given clock', async () => {
    const [sender, receiver] = [await seedOrganisation(), await seedOrganisation()]
    const program = await seedFoodProgram(receiver)
    const row = (expiresAt: Date) => ({
      id: newId(),
      householdId: newId(),
      programId: program,
      fromOrganisationId: sender,
      fromUserId: 'test',
      toOrganisationId: receiver,
      reason: 'Needs meals',
      consentUntil: new Date(Date.now() + 86_400_000 * 100),
      sentAt: new Date(expiresAt.getTime() - 14 * 86_400_000),
      expiresAt,
    })
    const now = Date.now()
    const lazy = row(new Date(now - 3_600_000))
    const byClock = row(new Date(now + 2 * 86_400_000))
    const later = row(new Date(now + 30 * 86_400_000))
    await database('programs').db.insert(referrals).values([lazy, byClock, later])
    const receiverToken = await staff(receiver)

    const inbox = await gql(`{ referralInbox { edges { node { id status transitions { toStatus byUserId note } } } } }`, {}, { token: receiverToken })
    const byId = new Map(inbox.data.referralInbox.edges.map((e: any) => [e.node.id, e.node]))
    expect(byId.get(lazy.id)).toMatchObject({ status: 'EXPIRED', transitions: [{ toStatus: 'EXPIRED', byUserId: null, note: 'No answer within 14 days' }] })
    expect((byId.get(byClock.id) as any).status).toBe('SENT')
    expect((await act(receiverToken, 'acceptReferral', { id: lazy.id })).userErrors[0].code).toBe('CONFLICT')

    const expire = (token: string, at: Date) =>
      gql(`mutation($input: ExpireReferralsInput!) { expireReferrals(input: $input) { expiredReferrals { id status } userErrors { code } } }`, { input: { now: at.toISOString() } }, { token })
    expect((await expire(receiverToken, new Date(now + 3 * 86_400_000))).data.expireReferrals.userErrors[0].code).toBe('NOT_ALLOWED')
    const expired = (await expire(await staff(newId(), ['SYSTEM_ADMIN']), new Date(now + 3 * 86_400_000))).data.expireReferrals
    expect(expired.userErrors).toEqual([])
    expect(expired.expiredReferrals).toContainEqual({ id: byClock.id, status: 'EXPIRED' })
    expect(expired.expiredReferrals.map((r: any) => r.id)).not.toContain(later.id)
    expect((await gql(`query($id: ID!) { referral(id: $id) { status } }`, { id: later.id }, { token: receiverToken })).data.referral.status).toBe('SENT')
  })

  it('never exceeds capacity: 50 concurrent enrollments for 10 seats, exactly 10 succeed', async () => {
    const provider = await seedOrganisation()
    const program = await seedFoodProgram(provider, 10)
    const token = await staff(provider)
    const households = await Promise.all(Array.from({ length: 51 }, () => seedHousehold(provider, newId())))
    const results = await Promise.all(households.slice(0, 50).map((householdId) => enroll(token, { householdId, programId: program })))
    const payloads = results.map((r) => r.data.enrollHousehold)
    expect(payloads.filter((p) => p.enrollment).length).toBe(10)
    expect(payloads.filter((p) => p.userErrors[0]?.code === 'CONFLICT').length).toBe(40)
    expect(await programSeats(program)).toEqual({ seatsTaken: 10, freeSeats: 0 })
    // Ending one frees its seat for the next.
    const first = payloads.find((p) => p.enrollment)!.enrollment.id
    await gql(`mutation($input: EndEnrollmentInput!) { endEnrollment(input: $input) { userErrors { code } } }`, { input: { id: first, status: 'WITHDRAWN' } }, { token })
    expect((await enroll(token, { householdId: households[50], programId: program })).data.enrollHousehold.userErrors).toEqual([])
  })

  it('warns about an active service of the same category, naming it only to organisations that see the whole service history', async () => {
    const [handling, sender, receiver, stranger] = [await seedOrganisation('Secret Meals Org'), await seedOrganisation('Sender'), await seedOrganisation(), await seedOrganisation()]
    const household = await seedHouseholdReferrableBy(sender, handling)
    const firstProgram = await seedFoodProgram(handling)
    const targetProgram = await seedFoodProgram(receiver)
    const strangerProgram = await seedFoodProgram(stranger)

    // The organisation handling the case serves the household itself.
    const existing = (await enroll(await staff(handling), { householdId: household, programId: firstProgram, startsOn: '2026-02-10' })).data.enrollHousehold
    expect(existing).toMatchObject({ userErrors: [], duplicateServices: [] })

    // The sender holds the household's consent: it sees which program and organisation.
    const warned = (await send(await staff(sender), { householdId: household, programId: targetProgram, reason: 'Needs meals' })).data.sendReferral
    expect(warned.referral).toBeNull()
    expect(warned.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'acknowledgeDuplicates'] })])
    expect(warned.duplicateServices).toEqual([{ category: 'FOOD', activeSinceMonth: '2026-02', program: { id: firstProgram, name: expect.any(String) }, organisation: { id: handling } }])
    const acknowledged = (await send(await staff(sender), { householdId: household, programId: targetProgram, reason: 'Needs meals', acknowledgeDuplicates: true })).data.sendReferral
    expect(acknowledged.userErrors).toEqual([])
    expect(acknowledged.referral.status).toBe('SENT')

    // The receiver holds no consent of its own (it sees the household through the referral): category and month only.
    const receiverToken = await staff(receiver)
    expect((await act(receiverToken, 'acceptReferral', { id: acknowledged.referral.id })).userErrors).toEqual([])
    const response = await enroll(receiverToken, { referralId: acknowledged.referral.id })
    const blind = response.data.enrollHousehold
    expect(blind.enrollment).toBeNull()
    expect(blind.duplicateServices).toEqual([{ category: 'FOOD', activeSinceMonth: '2026-02', program: null, organisation: null }])
    const text = JSON.stringify(response)
    for (const secret of [firstProgram, handling, existing.enrollment.id, 'Secret Meals Org']) expect(text).not.toContain(secret)
    const proceeded = (await enroll(receiverToken, { referralId: acknowledged.referral.id, acknowledgeDuplicates: true })).data.enrollHousehold
    expect(proceeded.userErrors).toEqual([])
    expect(proceeded.enrollment.status).toBe('ACTIVE')

    // Its view of the household's service history holds its own part only; the handling organisation sees all of it.
    const HISTORY = `query($id: ID!) { household(id: $id) { referrals { totalCount edges { node { id } } } enrollments { totalCount edges { node { organisation { id } } } } } }`
    const receiverHistory = await gql(HISTORY, { id: household }, { token: receiverToken })
    expect(receiverHistory.data.household).toEqual({
      referrals: { totalCount: 1, edges: [{ node: { id: acknowledged.referral.id } }] },
      enrollments: { totalCount: 1, edges: [{ node: { organisation: { id: receiver } } }] },
    })
    for (const secret of [firstProgram, handling, existing.enrollment.id]) expect(JSON.stringify(receiverHistory)).not.toContain(secret)
    const handlingHistory = (await gql(HISTORY, { id: household }, { token: await staff(handling) })).data.household
    expect(handlingHistory.enrollments.totalCount).toBe(2)
    expect(handlingHistory.referrals.totalCount).toBe(1)

    // An organisation that cannot see the household records nothing and learns nothing.
    const outsider = (await enroll(await staff(stranger), { householdId: household, programId: strangerProgram, acknowledgeDuplicates: true })).data.enrollHousehold
    expect(outsider).toEqual({ enrollment: null, duplicateServices: [], userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'householdId'] })] })
  })

  it('lists a household’s records only as the households subgraph decides, not as a representation claims', async () => {
    const [sender, receiver] = [await seedOrganisation(), await seedOrganisation()]
    const household = await seedHouseholdReferrableBy(sender)
    const referral = (await send(await staff(sender), { householdId: household, programId: await seedFoodProgram(receiver), reason: 'Needs meals' })).data.sendReferral.referral
    const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { referrals { totalCount } enrollments { totalCount } } } }`
    // A representation carrying every field households would send still opens nothing to an organisation that cannot see the household.
    const forged = { __typename: 'Household', id: household, district: '세종시', dong: '도담동', incomeBand: 'NEAR_POOR', vulnerabilityFlags: [], members: [] }
    const outsider = await subgraphGql('programs', ENTITIES, { representations: [forged] }, { token: await staff(await seedOrganisation()) })
    expect(outsider.data._entities).toEqual([{ referrals: null, enrollments: null }])
    const anonymous = await subgraphGql('programs', ENTITIES, { representations: [forged] })
    expect(anonymous.data._entities).toEqual([{ referrals: null, enrollments: null }])
    const seen = await subgraphGql('programs', ENTITIES, { representations: [{ __typename: 'Household', id: household }] }, { token: await staff(sender) })
    expect(seen.data._entities).toEqual([{ referrals: { totalCount: 1 }, enrollments: { totalCount: 0 } }])
    // A volunteer of the sending organisation sees the household (its consent names the organisation) but does not act on referrals.
    const volunteer = await tokenFor({ org: sender, roles: ['VOLUNTEER'] })
    expect((await gql(`query($id: ID!) { household(id: $id) { referrals { totalCount } } }`, { id: household }, { token: volunteer })).data.household).toEqual({ referrals: null })
    expect(referral.status).toBe('SENT')
  })

  it('ends the receiver’s view when the household withdraws the consent behind the referral', async () => {
    const [handling, sender, receiver] = [await seedOrganisation(), await seedOrganisation(), await seedOrganisation()]
    const household = await seedHousehold(handling, newId())
    const handlingToken = await tokenFor({ org: handling, roles: ['CASEWORKER'] })
    const granted = await gql(
      `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { consent { id } userErrors { code message } } }`,
      { input: { householdId: household, organisationId: sender, purposes: ['REFERRAL'], categories: ['COARSE'], expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString() } },
      { token: handlingToken },
    )
    expect(granted.data.grantConsent.userErrors).toEqual([])
    const referral = (await send(await staff(sender), { householdId: household, programId: await seedFoodProgram(receiver, 3), reason: 'Needs meals' })).data.sendReferral.referral
    const unanswered = (await send(await staff(sender), { householdId: household, programId: await seedFoodProgram(receiver), reason: 'Needs a lunch box too' })).data.sendReferral.referral
    const receiverToken = await staff(receiver)
    expect((await act(receiverToken, 'acceptReferral', { id: referral.id })).referral.status).toBe('ACCEPTED')
    const VIEW = `query($id: ID!) { household(id: $id) { id accessBasis } }`
    expect((await gql(VIEW, { id: household }, { token: receiverToken })).data.household).toEqual({ id: household, accessBasis: ['REFERRAL'] })

    const revoked = await gql(
      `mutation($input: RevokeConsentInput!) { revokeConsent(input: $input) { userErrors { code } } }`,
      { input: { consentId: granted.data.grantConsent.consent.id, reason: 'Changed their mind' } },
      { token: handlingToken },
    )
    expect(revoked.data.revokeConsent.userErrors).toEqual([])
    expect((await gql(VIEW, { id: household }, { token: receiverToken })).data.household).toBeNull()
    const refused = (await enroll(receiverToken, { referralId: referral.id })).data.enrollHousehold
    expect(refused).toMatchObject({ enrollment: null, userErrors: [{ code: 'NOT_ALLOWED', field: ['input', 'referralId'] }] })
    expect(await programSeats(referral.program.id)).toEqual({ seatsTaken: 0, freeSeats: 3 })
    expect((await act(receiverToken, 'acceptReferral', { id: unanswered.id })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED', field: ['input', 'id'] })])
    expect((await act(receiverToken, 'declineReferral', { id: unanswered.id, reason: 'Consent withdrawn' })).referral.status).toBe('DECLINED')
  })

  it('lets the organisation handling the case refer its household once the household agrees to be referred', async () => {
    const [handling, receiver] = [await seedOrganisation(), await seedOrganisation()]
    const household = await seedHousehold(handling, newId())
    const token = await staff(handling)
    const program = await seedFoodProgram(receiver)
    const refused = (await send(token, { householdId: household, programId: program, reason: 'Needs meals' })).data.sendReferral
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED', field: ['input', 'householdId'] })])
    const granted = await gql(
      `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { userErrors { code field } } }`,
      { input: { householdId: household, organisationId: handling, purposes: ['REFERRAL'], categories: ['COARSE'], expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } },
      { token },
    )
    expect(granted.data.grantConsent.userErrors).toEqual([])
    const sent = (await send(token, { householdId: household, programId: program, reason: 'Needs meals' })).data.sendReferral
    expect(sent.userErrors).toEqual([])
    expect((await gql(`query($id: ID!) { household(id: $id) { accessBasis } }`, { id: household }, { token: await staff(receiver) })).data.household).toEqual({ accessBasis: ['REFERRAL'] })
  })

  it('takes the sending centre only from the sender’s own centres, and refers only to another organisation', async () => {
    const [sender, receiver] = [await seedOrganisation(), await seedOrganisation()]
    const [own] = (await seedCentres(sender, 1)).ids
    const [theirs] = (await seedCentres(receiver, 1)).ids
    const program = await seedFoodProgram(receiver)
    const token = await staff(sender)
    const input = async (fields: Record<string, unknown>) => ({ householdId: await seedHouseholdReferrableBy(sender), programId: program, reason: 'Needs meals', ...fields })
    const errorOf = async (fields: Record<string, unknown>) => (await send(token, await input(fields))).data.sendReferral.userErrors
    expect(await errorOf({ fromCentreId: theirs })).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED', field: ['input', 'fromCentreId'] })])
    expect(await errorOf({ fromCentreId: newId() })).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'fromCentreId'] })])
    expect(await errorOf({ fromCentreId: 'centre-1' })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['input', 'fromCentreId'] })])
    expect(await errorOf({ programId: await seedFoodProgram(sender) })).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['input', 'programId'] })])
    const sent = await gql(
      `mutation($input: SendReferralInput!) { sendReferral(input: $input) { referral { fromCentre { id name } } userErrors { code } } }`,
      { input: await input({ fromCentreId: own }) },
      { token },
    )
    expect(sent.data.sendReferral).toEqual({ referral: { fromCentre: { id: own, name: 'Centre 000' } }, userErrors: [] })
    expect((await gql(`{ sentReferrals { totalCount } }`, {}, { token })).data.sentReferrals.totalCount).toBe(1)
    // A client-chosen id is taken once.
    const id = newId()
    expect(await errorOf({ id })).toEqual([])
    expect(await errorOf({ id })).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'id'] })])
  })

  it('counts referrals per program and month with the median time to acceptance, for the organisations involved', async () => {
    const [sender, receiver] = [await seedOrganisation(), await seedOrganisation()]
    const program = await seedFoodProgram(receiver)
    const sentAt = new Date('2026-01-15T00:00:00Z')
    const hours = (n: number) => new Date(sentAt.getTime() + n * 3_600_000)
    const row = (status: 'COMPLETED' | 'ACCEPTED' | 'DECLINED', acceptedAt: Date | null) => ({
      id: newId(), householdId: newId(), programId: program, fromOrganisationId: sender, fromUserId: 'test', toOrganisationId: receiver,
      reason: 'Needs meals', consentUntil: hours(24 * 365), sentAt, expiresAt: hours(24 * 14), status, acceptedAt,
    })
    await database('programs').db.insert(referrals).values([row('COMPLETED', hours(2)), row('ACCEPTED', hours(4)), row('DECLINED', null)])
    const METRICS = `query($groupBy: ReferralMetricsGrouping!) { referralMetrics(from: "2026-01-01T00:00:00.000Z", to: "2026-02-01T00:00:00.000Z", groupBy: $groupBy) { organisation { id } program { id } month sent accepted declined completed medianHoursToAcceptance } }`
    const figures = { sent: 3, accepted: 2, declined: 1, completed: 1, medianHoursToAcceptance: 3 }
    expect((await gql(METRICS, { groupBy: 'PROGRAM' }, { token: await staff(receiver) })).data.referralMetrics).toEqual([{ organisation: null, program: { id: program }, month: null, ...figures }])
    expect((await gql(METRICS, { groupBy: 'MONTH' }, { token: await staff(sender) })).data.referralMetrics).toEqual([{ organisation: null, program: null, month: '2026-01', ...figures }])
    expect((await gql(METRICS, { groupBy: 'SENDING_ORGANISATION' }, { token: await staff(receiver) })).data.referralMetrics).toEqual([{ organisation: { id: sender }, program: null, month: null, ...figures }])
    expect((await gql(METRICS, { groupBy: 'ORGANISATION' }, { token: await staff(await seedOrganisation()) })).data.referralMetrics).toEqual([])
  })

  it('checks eligibility rule by rule from the facts households shares, unknown rather than failed when not shared', async () => {
    const [handling, provider] = [await seedOrganisation(), await seedOrganisation()]
    const household = await seedHousehold(handling, newId()) // 세종시 도담동, NEAR_POOR, SINGLE_PARENT + INFANT, members aged ~32 and 0
    const program = (fields: Record<string, unknown>) => ({ id: newId(), name: `Elig ${newId().slice(0, 8)}`, description: 'test', category: 'CHILDCARE' as const, providerOrganisationId: provider, ...fields })
    const fits = program({ minAge: 0, maxAge: 2, maxIncomeBand: 'BELOW_50_PERCENT_MEDIAN', requiredHouseholdFlags: ['INFANT'], residencyRequired: true, serviceAreas: [{ district: '세종시', dong: null }] })
    const tooRich = program({ maxIncomeBand: 'BASIC_LIVELIHOOD_RECIPIENT' })
    const elsewhere = program({ residencyRequired: true, serviceAreas: [{ district: '서초구', dong: '반포2동' }] })
    await insertPrograms(database('programs').db, [fits, tooRich, elsewhere] as any)
    const token = await staff(handling)

    const listed = await gql(
      `query($id: ID!, $provider: ID!) { household(id: $id) { eligiblePrograms(providerId: $provider) { totalCount edges { node { program { id } eligible rules { rule outcome reason } } } } } }`,
      { id: household, provider },
      { token },
    )
    const { eligiblePrograms } = listed.data.household
    expect(eligiblePrograms.totalCount).toBe(1)
    expect(eligiblePrograms.edges[0].node.program.id).toBe(fits.id)
    expect(eligiblePrograms.edges[0].node.eligible).toBe(true)
    expect(eligiblePrograms.edges[0].node.rules.map((r: any) => [r.rule, r.outcome])).toEqual([['AGE', 'PASSED'], ['INCOME', 'PASSED'], ['HOUSEHOLD_CIRCUMSTANCES', 'PASSED'], ['RESIDENCY', 'PASSED']])

    const CHECK = `query($program: ID!, $household: ID!) { program(id: $program) { eligibilityFor(householdId: $household) { eligible rules { rule outcome reason } } } }`
    const income = (await gql(CHECK, { program: tooRich.id, household }, { token })).data.program.eligibilityFor
    expect(income).toEqual({ eligible: false, rules: [{ rule: 'INCOME', outcome: 'FAILED', reason: 'Income band NEAR_POOR is above BASIC_LIVELIHOOD_RECIPIENT' }] })
    const area = (await gql(CHECK, { program: elsewhere.id, household }, { token })).data.program.eligibilityFor
    expect(area.rules).toEqual([expect.objectContaining({ rule: 'RESIDENCY', outcome: 'FAILED' })])
    // A caller households shares nothing with learns nothing: every rule unknown, none failed.
    const blind = (await gql(CHECK, { program: fits.id, household }, { token: await staff(provider) })).data.program.eligibilityFor
    expect(blind.eligible).toBeNull()
    expect(blind.rules.map((r: any) => r.outcome)).toEqual(['UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN'])
  })
})
