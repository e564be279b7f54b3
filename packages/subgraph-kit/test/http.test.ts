import { describe, expect, it } from 'vitest'
import { gatewayUrl, subgraphUrl } from '../../../tests/helpers.js'

describe('service endpoints', () => {
  it('answer liveness and readiness, naming the service and its database', async () => {
    const health = await fetch(`${subgraphUrl('programs')}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok', service: 'programs' })
    const ready = await fetch(`${subgraphUrl('programs')}/ready`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ ready: true, service: 'programs', database: 'up' })
    expect((await fetch(`${gatewayUrl()}/health`)).status).toBe(200)
  })

  it('echo a request id so a client can quote it, and make one up when none is sent', async () => {
    const withId = await fetch(`${gatewayUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'support-ticket-42' },
      body: JSON.stringify({ query: '{ __typename }' }),
    })
    expect(withId.headers.get('x-request-id')).toBe('support-ticket-42')
    const without = await fetch(`${subgraphUrl('centres')}/health`)
    expect(without.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuse a body that is not JSON with a clear message', async () => {
    const response = await fetch(`${gatewayUrl()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' })
    expect(response.status).toBe(400)
    expect(((await response.json()) as any).errors[0].message).toBe('Request body is not valid JSON')
  })

  it('name the route that exists when a path does not', async () => {
    const response = await fetch(`${subgraphUrl('centres')}/graphq`)
    expect(response.status).toBe(404)
    expect(((await response.json()) as any).error).toMatch(/\/graphql/)
  })
})
