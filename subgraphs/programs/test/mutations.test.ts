import { describe, expect, it } from 'vitest'
import { newId, subgraphGql, tokenFor } from '../../../tests/helpers.js'
import { PROGRAMS, seedPrograms, uniquePrefix } from './seed.js'

const PROGRAM_FIELDS = 'id name status statusReason capacity seatsTaken freeSeats serviceArea { district dong } schedule { sessions { day opens closes } } centres { id } startDate endDate provider { id }'
const CREATE = `mutation ($input: CreateProgramInput!) { createProgram(input: $input) { program { ${PROGRAM_FIELDS} } userErrors { code field message } } }`
const UPDATE = `mutation ($input: UpdateProgramInput!) { updateProgram(input: $input) { program { ${PROGRAM_FIELDS} } userErrors { code field message } } }`
const CLOSE = `mutation ($input: CloseProgramInput!) { closeProgram(input: $input) { program { ${PROGRAM_FIELDS} } userErrors { code field message } } }`
const REOPEN = `mutation ($input: ReopenProgramInput!) { reopenProgram(input: $input) { program { ${PROGRAM_FIELDS} } userErrors { code field message } } }`
const CAPACITY = `mutation ($input: SetProgramCapacityInput!) { setProgramCapacity(input: $input) { program { ${PROGRAM_FIELDS} } userErrors { code field message } } }`

const call = async (query: string, input: Record<string, unknown>, token?: string) => {
  const response = await subgraphGql('programs', query, { input }, { token })
  expect(response.errors).toBeUndefined()
  return Object.values(response.data)[0] as { program: any; userErrors: { code: string; field: string[] | null; message: string }[] }
}

/** How many programs (of any status) an organisation provides: proves whether anything was written. */
async function programCount(provider: string) {
  const response = await subgraphGql('programs', PROGRAMS, { filter: { providerId: provider, status: ['ACTIVE', 'TEMPORARILY_CLOSED', 'INACTIVE'] } })
  return response.data.programs.totalCount as number
}

const validInput = (providerId: string) => ({
  providerId,
  name: `${uniquePrefix()} 산후 요가`,
  description: 'Postnatal yoga',
  category: 'CHILDBIRTH',
  serviceArea: [{ district: '세종시', dong: '도담동' }, { district: '서초구' }],
  schedule: { sessions: [{ day: 'FRIDAY', opens: '10:00', closes: '11:30' }], description: 'Fridays' },
  centreIds: [newId()],
  capacity: 12,
  languages: ['ko', 'en'],
  startDate: '2026-03-01',
  endDate: '2026-06-30',
})

describe('program mutations', () => {
  it('lets the provider ORG_ADMIN and a SYSTEM_ADMIN manage programs', async () => {
    const provider = newId()
    const admin = await tokenFor({ org: provider, roles: ['ORG_ADMIN'] })
    const input = validInput(provider)
    const created = await call(CREATE, input, admin)
    expect(created.userErrors).toEqual([])
    expect(created.program).toMatchObject({
      name: input.name,
      status: 'ACTIVE',
      capacity: 12,
      seatsTaken: 0,
      freeSeats: 12,
      provider: { id: provider },
      serviceArea: [{ district: '세종시', dong: '도담동' }, { district: '서초구', dong: null }],
      schedule: { sessions: [{ day: 'FRIDAY', opens: '10:00', closes: '11:30' }] },
      centres: [{ id: input.centreIds[0] }],
      startDate: '2026-03-01',
      endDate: '2026-06-30',
    })
    const id = created.program.id

    const updated = await call(UPDATE, { id, name: `${input.name} 2`, endDate: null, schedule: { sessions: [] }, centreIds: [] }, admin)
    expect(updated.userErrors).toEqual([])
    expect(updated.program).toMatchObject({ name: `${input.name} 2`, endDate: null, startDate: '2026-03-01', schedule: { sessions: [] }, centres: [] })

    const closed = await call(CLOSE, { id, status: 'TEMPORARILY_CLOSED', reason: 'Instructor on leave' }, admin)
    expect(closed.program).toMatchObject({ status: 'TEMPORARILY_CLOSED', statusReason: 'Instructor on leave' })

    const systemAdmin = await tokenFor({ org: newId(), roles: ['SYSTEM_ADMIN'] })
    const reopened = await call(REOPEN, { id }, systemAdmin)
    expect(reopened.program).toMatchObject({ status: 'ACTIVE', statusReason: null })

    const seats = await call(CAPACITY, { id, capacity: 20, seatsTaken: 18 }, systemAdmin)
    expect(seats.program).toMatchObject({ capacity: 20, seatsTaken: 18, freeSeats: 2 })
    const conflict = await call(CAPACITY, { id, capacity: 10 }, admin)
    expect(conflict.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'capacity'] })])
    const unlimited = await call(CAPACITY, { id, capacity: null }, admin)
    expect(unlimited.program).toMatchObject({ capacity: null, seatsTaken: 18, freeSeats: null })

    // An import may keep its source's id; the same id twice is a conflict.
    const chosen = newId()
    expect((await call(CREATE, { ...validInput(provider), id: chosen.toUpperCase() }, admin)).program.id).toBe(chosen)
    expect((await call(CREATE, { ...validInput(provider), id: chosen }, admin)).userErrors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'id'] }),
    ])
  })

  it('refuses other callers: anonymous with UNAUTHENTICATED, other staff with NOT_ALLOWED, and writes nothing', async () => {
    const [provider, coProvider] = [newId(), newId()]
    const [program] = await seedPrograms([{ name: `${uniquePrefix()}X`, providerOrganisationId: provider, coProviderOrganisationIds: [coProvider] }])
    const anonymous = await subgraphGql('programs', CREATE, { input: validInput(provider) })
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    expect(anonymous.data?.createProgram ?? null).toBeNull()

    const tokens = [
      await tokenFor({ org: provider, roles: ['CASEWORKER', 'INTERMEDIARY'] }),
      // A co-provider's ORG_ADMIN: the provider alone answers for the catalogue entry.
      await tokenFor({ org: coProvider, roles: ['ORG_ADMIN'] }),
    ]
    for (const token of tokens) {
      expect((await call(CREATE, validInput(provider), token)).userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED', field: null })])
      for (const [query, input] of [
        [UPDATE, { id: program.id, name: 'Taken over' }],
        [CLOSE, { id: program.id, status: 'INACTIVE', reason: 'x' }],
        [REOPEN, { id: program.id }],
        [CAPACITY, { id: program.id, capacity: 1 }],
      ] as const) {
        const payload = await call(query, input, token)
        expect(payload).toEqual({ program: null, userErrors: [expect.objectContaining({ code: 'NOT_ALLOWED' })] })
      }
    }
    expect(await programCount(provider)).toBe(1)
    const unknown = await call(UPDATE, { id: newId(), name: 'x' }, tokens[1])
    expect(unknown.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })])
  })

  it('names every invalid field and writes nothing', async () => {
    const provider = newId()
    const admin = await tokenFor({ org: provider, roles: ['ORG_ADMIN'] })
    const payload = await call(
      CREATE,
      {
        ...validInput(provider),
        name: '   ',
        serviceArea: [{ district: '없는구' }, { district: '서초구', dong: '홍제1동' }],
        startDate: '2026-06-01',
        endDate: '2026-05-31',
        capacity: -1,
        cost: -500,
        eligibility: { minAge: 70, maxAge: 65 },
        languages: ['ko', 'korean'],
        schedule: { sessions: [{ day: 'MONDAY', opens: '14:00', closes: '13:00' }, { day: 'MONDAY', opens: '25:00', closes: '26:00' }] },
        centreIds: ['not-an-id'],
        coProviderIds: ['42'],
        applicationUrl: 'ftp://example.org',
      },
      admin,
    )
    expect(payload.program).toBeNull()
    const fields = payload.userErrors.map((error) => error.field!.join('.'))
    expect(payload.userErrors.every((error) => error.code === 'INVALID_VALUE')).toBe(true)
    expect(fields).toEqual(
      expect.arrayContaining([
        'input.name',
        'input.serviceArea.0.district',
        'input.serviceArea.1.dong',
        'input.endDate',
        'input.capacity',
        'input.cost',
        'input.eligibility.maxAge',
        'input.languages.1',
        'input.schedule.sessions.0.closes',
        'input.schedule.sessions.1.opens',
        'input.centreIds.0',
        'input.coProviderIds.0',
        'input.applicationUrl',
      ]),
    )
    expect(payload.userErrors.find((error) => error.field?.join('.') === 'input.serviceArea.0.district')?.message).toContain('없는구')
    expect(await programCount(provider)).toBe(0)

    // Checked against the stored program: only the end date changes, to before the stored start.
    const created = await call(CREATE, validInput(provider), admin)
    const update = await call(UPDATE, { id: created.program.id, endDate: '2026-01-01', name: null }, admin)
    expect(update.userErrors.map((error) => error.field)).toEqual([['input', 'name']])
    const dates = await call(UPDATE, { id: created.program.id, endDate: '2026-01-01' }, admin)
    expect(dates.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['input', 'endDate'] })])
    const close = await call(CLOSE, { id: created.program.id, status: 'INACTIVE', reason: '' }, admin)
    expect(close.userErrors).toEqual([expect.objectContaining({ field: ['input', 'reason'] })])
    const seats = await call(CAPACITY, { id: created.program.id, capacity: 3, seatsTaken: 4 }, admin)
    expect(seats.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['input', 'seatsTaken'] })])
    const badId = await call(REOPEN, { id: 'nope' }, admin)
    expect(badId.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', field: ['input', 'id'] })])
  })
})
