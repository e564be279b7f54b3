/**
 * HSDS 3.0 export and import through a running gateway (`npm run hsds -- …`):
 *
 *   export [--url http://127.0.0.1:4000] [--out bundle.json] [--token <jwt>]
 *     writes the whole directory as one JSON bundle
 *     {organizations, services, locations, service_at_locations, taxonomies, taxonomy_terms}
 *   import <file> [--url …] --token <SYSTEM_ADMIN jwt>
 *     reads HSDS JSON (one object, an array, a page with `contents`, a bundle, or the tabular
 *     form) and creates or updates through the graph's mutations, idempotent by id; prints
 *     {created, updated, unchanged, rejected[], warnings[]}.
 *
 * The token may also come from NANUM_TOKEN (`npm run -s token -- --org <id> --role SYSTEM_ADMIN`).
 * Taxonomy terms are the enums of the supergraph this checkout composed (--supergraph to change).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { findDistrict } from '@nanum/areas'
import { HsdsDirectory, importHsds, Taxonomies, type RunOperation } from '@nanum/hsds'
import { SUPERGRAPH_PATH } from './composition.js'

const USAGE = `Usage: npm run hsds -- export [--url <gateway>] [--out <file>] [--token <jwt>]
       npm run hsds -- import <file> [--url <gateway>] --token <SYSTEM_ADMIN jwt>`

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4000' },
    out: { type: 'string' },
    token: { type: 'string', default: process.env.NANUM_TOKEN },
    supergraph: { type: 'string', default: SUPERGRAPH_PATH },
  },
})

const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

const gatewayUrl = values.url!.replace(/\/+$/, '').replace(/\/graphql$/, '')

/** One operation over HTTP, as any client of the gateway. */
const run: RunOperation = async (query, variables) => {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(values.token ? { authorization: `Bearer ${values.token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json().catch(() => null)) as Awaited<ReturnType<RunOperation>> | null
  if (!body) throw new Error(`${gatewayUrl}/graphql answered ${response.status} without a GraphQL response`)
  return body
}

const [command, file] = positionals
const taxonomies = new Taxonomies(await readFile(values.supergraph!, 'utf8'))

try {
  if (command === 'export') {
    const started = Date.now()
    const bundle = await new HsdsDirectory(run, taxonomies).bundle()
    const json = `${JSON.stringify(bundle, null, 2)}\n`
    if (values.out) await writeFile(values.out, json)
    else process.stdout.write(json)
    const counts = Object.entries(bundle).map(([key, list]) => `${list.length} ${key}`).join(', ')
    console.error(`Exported ${counts} in ${((Date.now() - started) / 1000).toFixed(1)} s${values.out ? ` to ${values.out}` : ''}.`)
  } else if (command === 'import') {
    if (!file) fail('import needs the file to read')
    if (!values.token) fail('import needs a SYSTEM_ADMIN token (--token or NANUM_TOKEN)')
    let document: unknown
    try {
      document = JSON.parse(await readFile(file!, 'utf8'))
    } catch (error) {
      fail(`${file} is not readable JSON: ${(error as Error).message}`)
    }
    const summary = await importHsds(run, taxonomies, document, { knownDistrict: (name) => findDistrict(name) !== undefined })
    console.log(JSON.stringify(summary, null, 2))
    console.error(`Created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected.length} (${summary.warnings.length} warnings).`)
  } else fail(command ? `unknown command "${command}"` : 'give a command')
} catch (error) {
  console.error(`hsds ${command} failed: ${(error as Error).message}`)
  process.exit(1)
}
