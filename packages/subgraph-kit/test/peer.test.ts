import { describe, expect, it } from 'vitest'
import { freePort } from '@nanum/db'
import { entitiesAsCaller, peerInstant, peerUrl } from '../src/index.js'
import { newId, subgraphUrl, tokenFor } from '../../../tests/helpers.js'
import { seedCentres, seedOrganisation } from '../../../tests/fixtures.js'

describe('peer calls between subgraphs', () => {
  const url = () => `${subgraphUrl('centres')}/graphql`

  it('return the entities the owner answered, by id, and leave out the ones it did not', async () => {
    const organisation = await seedOrganisation()
    const [centre] = (await seedCentres(organisation, 1)).ids
    const missing = newId()
    const caller = { authorization: `Bearer ${await tokenFor({ org: organisation, roles: ['CASEWORKER'] })}`, requestId: 'peer-test' }
    const found = await entitiesAsCaller(url(), caller, 'Centre', [centre, missing], 'id organisation { id }')
    expect(found).toEqual({ ok: true, data: new Map([[centre, { id: centre, organisation: { id: organisation } }]]) })
    expect(await entitiesAsCaller(url(), caller, 'Centre', [], 'id')).toEqual({ ok: true, data: new Map() })
  })

  it('tell an owner that does not know the fields asked for from one that does not answer', async () => {
    expect(await entitiesAsCaller(url(), {}, 'Centre', [newId()], 'id fieldOfANewerSchema')).toEqual({ ok: false, reason: 'SCHEMA_MISMATCH' })
    expect(await entitiesAsCaller(`http://127.0.0.1:${await freePort()}/graphql`, {}, 'Centre', [newId()], 'id')).toEqual({ ok: false, reason: 'UNREACHABLE' })
  })

  it('find a peer through <NAME>_URL and read its timestamps strictly', () => {
    expect(peerUrl('households', 'http://127.0.0.1:4004/graphql', {})).toBe('http://127.0.0.1:4004/graphql')
    expect(peerUrl('households', 'http://x/graphql', { HOUSEHOLDS_URL: 'http://10.0.0.5:4004/graphql' })).toBe('http://10.0.0.5:4004/graphql')
    expect(() => peerUrl('households', 'http://x/graphql', { HOUSEHOLDS_URL: 'not a url' })).toThrow(/HOUSEHOLDS_URL/)
    expect(peerInstant('2030-01-01T00:00:00.000Z')).toEqual(new Date('2030-01-01T00:00:00.000Z'))
    expect(peerInstant('soon')).toBeNull()
    expect(peerInstant(null)).toBeNull()
  })
})
