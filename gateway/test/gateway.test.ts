import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parse, print } from 'graphql'
import { composeServices } from '@apollo/composition'
import { authConfigFromEnv, createLogger, createTokenVerifier, subgraphTypeDefs } from '@nanum/subgraph-kit'
import { freePort } from '@nanum/db'
import { serveGateway, type GatewayServer } from '../src/gateway-server.js'
import { composeSupergraph, SUPERGRAPH_PATH } from '../../scripts/composition.js'
import { SUBGRAPHS } from '../../scripts/subgraphs.js'
import { gatewayUrl, gql, subgraphUrl, type SubgraphName } from '../../tests/helpers.js'
import { seedCentres, seedDonationItem, seedOrganisation } from '../../tests/fixtures.js'

const log = createLogger('gateway-test', 'silent')
const verifyToken = createTokenVerifier(authConfigFromEnv())
const liveUrls = () => Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `${subgraphUrl(s.name as SubgraphName)}/graphql`]))

let gateways: GatewayServer[] = []
afterEach(async () => {
  await Promise.all(gateways.map((g) => g.stop()))
  gateways = []
})

async function startGateway(options: { supergraphPath?: string; subgraphUrls?: Record<string, string> } = {}) {
  const gateway = await serveGateway({
    supergraphPath: options.supergraphPath ?? SUPERGRAPH_PATH,
    subgraphUrls: options.subgraphUrls ?? liveUrls(),
    verifyToken,
    log,
  })
  gateways.push(gateway)
  return gateway
}

describe('composition', () => {
  it('the committed supergraph.graphql matches the subgraphs (run `npm run compose` when this fails)', () => {
    const result = composeSupergraph()
    expect(result.ok ? [] : result.errors).toEqual([])
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(result.ok && result.supergraphSdl)
  })
})

describe('a subgraph that is down', () => {
  it('costs only its own fields: partial data plus an error naming it', async () => {
    const org = await seedOrganisation()
    const { district, ids } = await seedCentres(org, 2)
    await seedDonationItem(ids[0], org)
    const deadPort = await freePort()
    const gateway = await startGateway({ subgraphUrls: { ...liveUrls(), donations: `http://127.0.0.1:${deadPort}/graphql` } })
    const response = await gql(
      `query ($district: String!) { centres(filter: { district: $district }) { totalCount edges { node { name inventory { totalCount } } } } }`,
      { district },
      { url: gateway.url },
    )
    expect(response.data.centres.totalCount).toBe(2)
    expect(response.data.centres.edges.map((e: any) => e.node.inventory)).toEqual([null, null])
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'donations' } })
    expect(JSON.stringify(response.errors)).not.toContain(String(deadPort))
  })
})

describe('supergraph reload', () => {
  it('serves a new supergraph file without a restart, and keeps the old one when the new file is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nanum-supergraph-'))
    const path = join(dir, 'supergraph.graphql')
    writeFileSync(path, readFileSync(SUPERGRAPH_PATH, 'utf8'))
    const gateway = await startGateway({ supergraphPath: path })
    const centreFields = async () =>
      (await gql(`{ __type(name: "Centre") { fields { name } } }`, {}, { url: gateway.url })).data.__type.fields.map((f: any) => f.name)
    expect(await centreFields()).not.toContain('motto')

    // A partner ships a centres change that adds a field; the supergraph is recomposed.
    const composed = composeServices(
      SUBGRAPHS.map((s) => {
        let typeDefs = subgraphTypeDefs(s)
        if (s.name === 'centres') typeDefs = parse(print(typeDefs).replace('type Centre @key(fields: "id") {', 'type Centre @key(fields: "id") {\n  """Motto."""\n  motto: String'))
        return { name: s.name, url: `http://127.0.0.1:${s.defaultPort}/graphql`, typeDefs }
      }),
    )
    expect(composed.errors).toBeUndefined()
    writeFileSync(`${path}.tmp`, composed.supergraphSdl!)
    renameSync(`${path}.tmp`, path)
    await vi.waitFor(async () => expect(await centreFields()).toContain('motto'), { timeout: 10_000, interval: 100 })

    writeFileSync(path, 'this is not a supergraph')
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await centreFields()).toContain('motto')
  })
})

describe('connections to subgraphs', () => {
  it('are kept alive across requests', async () => {
    const metrics = async () => {
      const text = await (await fetch(`${subgraphUrl('centres')}/metrics`)).text()
      return Number(/nanum_http_connections_total\{[^}]*\} (\d+)/.exec(text)![1])
    }
    const before = await metrics()
    for (let i = 0; i < 30; i++) expect((await gql(`{ organisations(first: 1) { totalCount } }`)).errors).toBeUndefined()
    expect((await metrics()) - before).toBeLessThanOrEqual(2)
  })
})

describe('GraphiQL', () => {
  it('is served to a browser at /graphql, with no resource from another host', async () => {
    const response = await fetch(`${gatewayUrl()}/graphql`, { headers: { accept: 'text/html' } })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Nanum graph')
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//)
    expect(html).not.toMatch(/<link[^>]+href="https?:\/\//)
  })
})
