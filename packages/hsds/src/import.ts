/**
 * Imports HSDS JSON through the graph's own mutations (so every partner rule and validation
 * applies), idempotent by identifier: an object whose id exists is compared with what the
 * document says and updated only when something differs; a new one is created with the
 * document's id. A record that cannot be imported is reported with its reasons and never stops
 * the others. Order: organizations (parents first), locations, services, then the
 * service_at_location links (a program's centres).
 */
import { lookupByIds } from './directory.js'
import { centreInput, centreStatus, Findings, organisationInput, programInput, programStatus, type Finding } from './from-hsds.js'
import { runOperation, type RunOperation } from './graph.js'
import { isUuid } from './ids.js'
import { HsdsProblem } from './problem.js'
import { MUTATIONS, type GraphCentre, type GraphOrganisation, type GraphProgram } from './queries.js'
import { collectRecords, type HsdsRecord } from './records.js'
import type { Taxonomies } from './taxonomy.js'

export interface ImportSummary {
  created: number
  updated: number
  unchanged: number
  rejected: Finding[]
  /** Values left out of records that were imported. */
  warnings: Finding[]
}

export interface ImportOptions {
  /** Whether a district (gu/si) name is one the directory knows (service areas as free text). */
  knownDistrict: (name: string) => boolean
}

type Input = Record<string, unknown>
type Outcome = 'created' | 'updated' | 'unchanged' | 'rejected'

const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Does the graph already hold what `input` says? Fields the input leaves out do not count; lists compare as sets. */
export function holds(input: unknown, current: unknown): boolean {
  if (input === undefined) return true
  if (Array.isArray(input)) {
    if (!Array.isArray(current) || current.length !== input.length) return false
    const keys = [...new Set(input.flatMap((item) => (isObject(item) ? Object.keys(item) : [])))].sort()
    const canonical = (item: unknown) => JSON.stringify(isObject(item) ? keys.map((key) => item[key] ?? null) : item)
    const a = input.map(canonical).sort()
    const b = current.map(canonical).sort()
    return a.every((value, i) => value === b[i])
  }
  if (isObject(input)) return isObject(current) && Object.keys(input).every((key) => holds(input[key], current[key]))
  return input === current || ((input === null || input === '') && (current === null || current === undefined))
}

const organisationAsInput = (o: GraphOrganisation) => ({ ...o, parentOrganisationId: o.parentOrganisation?.id ?? null })
const centreAsInput = (c: GraphCentre) => ({ ...c, organisationId: c.organisation?.id ?? null })
const programAsInput = (p: GraphProgram) => ({
  ...p,
  centreIds: p.centres.flatMap((centre) => (centre ? [centre.id] : [])),
  providerId: p.provider?.id ?? null,
})

export async function importHsds(run: RunOperation, taxonomies: Taxonomies, document: unknown, options: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, rejected: [], warnings: [] }
  const records = collectRecords(document)
  const count = (outcome: Outcome) => outcome !== 'rejected' && summary[outcome]++
  const collect = (findings: Findings) => {
    summary.rejected.push(...findings.rejections)
    summary.warnings.push(...findings.warnings)
  }

  for (const object of records.unrecognised) {
    // The API info object (`/hsds/`, base.json) describes an API, not a record.
    if ('version' in object && ('profile' in object || 'openapi_url' in object)) continue
    summary.rejected.push({ kind: 'unknown', id: typeof object.id === 'string' ? object.id : null, field: null, message: 'not an HSDS organization, location, service, service_at_location, taxonomy or taxonomy_term' })
  }

  // Taxonomies are the graph's enums: ours are already there; others cannot be added by import.
  for (const taxonomy of records.taxonomies) {
    if (typeof taxonomy.id === 'string' && taxonomies.findTaxonomy(taxonomy.id)) summary.unchanged++
    else summary.rejected.push({ kind: 'taxonomy', id: taxonomy.id ?? null, field: 'id', message: `not one of the graph's taxonomies (${taxonomies.vocabularies().map((v) => v.key).join(', ')}); they are fixed vocabularies (GraphQL enums) that import cannot extend` })
  }
  for (const term of records.taxonomy_terms) {
    const ours = typeof term.id === 'string' && taxonomies.findTerm(term.id)
    if (ours) summary.unchanged++
    else
      summary.rejected.push({
        kind: 'taxonomy_term',
        id: term.id ?? null,
        field: 'taxonomy_id',
        message: `not a term of the graph's taxonomies${term.taxonomy_id && !taxonomies.findTaxonomy(term.taxonomy_id) ? ` (taxonomy ${term.taxonomy_id} is not ours)` : ''}; they are fixed vocabularies (GraphQL enums) that import cannot extend`,
      })
  }

  const withIds = (kind: string, list: HsdsRecord[]) =>
    list.filter((record) => {
      if (isUuid(record.id)) return true
      summary.rejected.push({ kind, id: typeof record.id === 'string' ? record.id : null, field: 'id', message: 'HSDS ids are UUIDs; import keeps them, so a record without one cannot be imported idempotently' })
      return false
    })
  const organizations = withIds('organization', records.organizations)
  const locations = withIds('location', records.locations)
  const services = withIds('service', records.services)
  const links = records.service_at_locations

  const mutate = async (name: keyof typeof MUTATIONS, input: Input, findings: Findings): Promise<boolean> => {
    let data: any
    try {
      data = await runOperation(run, MUTATIONS[name], { input })
    } catch (error) {
      if (!(error instanceof HsdsProblem)) throw error
      findings.reject(null, `${name} failed: ${error.message.replace(/^The graph answered with an error: /, '')}`)
      return false
    }
    const payload = data[name]
    for (const userError of payload.userErrors) findings.reject(userError.field ? userError.field.join('.') : null, `${userError.code}: ${userError.message}`)
    return payload.userErrors.length === 0
  }

  /** Create with the document's id, or update when it exists and differs. */
  const upsert = async (kind: 'Organisation' | 'Centre' | 'Program', id: string, input: Input, existing: Input | undefined, findings: Findings, createOnly: Input = {}): Promise<Outcome> => {
    if (findings.rejections.length) return 'rejected'
    if (existing) {
      if (holds(input, existing)) return 'unchanged'
      return (await mutate(`update${kind}`, { id, ...input }, findings)) ? 'updated' : 'rejected'
    }
    return (await mutate(`create${kind}`, { id, ...createOnly, ...input }, findings)) ? 'created' : 'rejected'
  }

  // Organizations, parents before their children.
  const existingOrganisations = await lookupByIds<GraphOrganisation>(
    run,
    'organisation',
    [...organizations.map((o) => o.id), ...organizations.map((o) => o.parent_organization_id).filter(isUuid)],
  )
  const knownOrganisations = new Set(existingOrganisations.keys())
  const pending = new Map(organizations.map((o) => [o.id.toLowerCase(), o]))
  const ordered: HsdsRecord[] = []
  const place = (record: HsdsRecord, path: Set<string>) => {
    const id = record.id.toLowerCase()
    if (!pending.has(id) || path.has(id)) return
    path.add(id)
    const parent = isUuid(record.parent_organization_id) ? pending.get(record.parent_organization_id.toLowerCase()) : undefined
    if (parent) place(parent, path)
    pending.delete(id)
    ordered.push(record)
  }
  for (const record of organizations) place(record, new Set())
  for (const record of ordered) {
    const id = record.id.toLowerCase()
    const findings = new Findings('organization', record.id)
    const input = organisationInput(record, taxonomies, findings)
    if (input && isUuid(record.parent_organization_id)) {
      const parentId = record.parent_organization_id.toLowerCase()
      if (knownOrganisations.has(parentId)) input.parentOrganisationId = parentId
      else findings.warn('parent_organization_id', `organization ${record.parent_organization_id} is neither in the directory nor imported; left out`)
    }
    const existing = existingOrganisations.get(id)
    const outcome = input ? await upsert('Organisation', id, input, existing && organisationAsInput(existing), findings) : 'rejected'
    if (outcome !== 'rejected') knownOrganisations.add(id)
    count(outcome)
    collect(findings)
  }

  // Locations → centres, operated by a known organization.
  const existingCentres = await lookupByIds<GraphCentre>(run, 'centre', locations.map((l) => l.id))
  const knownCentres = new Set(existingCentres.keys())
  for (const record of locations) {
    const id = record.id.toLowerCase()
    const findings = new Findings('location', record.id)
    const existing = existingCentres.get(id)
    const organisationId = (isUuid(record.organization_id) ? record.organization_id.toLowerCase() : undefined) ?? existing?.organisation?.id
    const input = centreInput(record, taxonomies, findings)
    if (!organisationId) findings.reject('organization_id', 'a centre needs the organization that operates it (organization_id, or the location nested in its organization)')
    else if (!knownOrganisations.has(organisationId)) findings.reject('organization_id', `organization ${organisationId} is neither in the directory nor imported`)
    let outcome: Outcome = input && organisationId ? await upsert('Centre', id, { ...input, organisationId }, existing && centreAsInput(existing), findings) : 'rejected'
    const wanted = centreStatus(record, taxonomies)
    if (outcome !== 'rejected' && wanted && wanted.status !== (existing?.status ?? 'ACTIVE')) {
      const changed =
        wanted.status === 'ACTIVE'
          ? await mutate('reopenCentre', { id }, findings)
          : await mutate('closeCentre', { id, reason: wanted.reason ?? 'Closed (imported from HSDS)', permanently: wanted.status === 'CLOSED' }, findings)
      if (changed && outcome === 'unchanged') outcome = 'updated'
    }
    if (outcome !== 'rejected') knownCentres.add(id)
    count(outcome)
    collect(findings)
  }

  // service_at_locations → the centres of each program; links to unknown locations are rejected.
  const serviceIds = new Set(services.map((s) => s.id.toLowerCase()))
  const centresOf = new Map<string, Set<string>>()
  const linkOutcomes: { record: HsdsRecord; serviceId: string; centreId: string }[] = []
  for (const link of links) {
    const serviceId = String(link.service_id ?? link.service?.id ?? '').toLowerCase()
    const centreId = String(link.location_id ?? link.location?.id ?? '').toLowerCase()
    const findings = new Findings('service_at_location', link.id ?? null)
    if (!isUuid(serviceId)) findings.reject('service_id', 'names no service')
    else if (!isUuid(centreId)) findings.reject('location_id', 'names no location')
    else if (!knownCentres.has(centreId)) findings.reject('location_id', `location ${centreId} is neither in the directory nor imported`)
    if (findings.rejections.length) {
      collect(findings)
      continue
    }
    centresOf.set(serviceId, (centresOf.get(serviceId) ?? new Set()).add(centreId))
    linkOutcomes.push({ record: link, serviceId, centreId })
  }

  // Services → programs; links to services not in the document add centres to existing programs.
  const existingPrograms = await lookupByIds<GraphProgram>(run, 'program', [...serviceIds, ...centresOf.keys()])
  const programRecords = [...services]
  for (const serviceId of centresOf.keys()) {
    if (serviceIds.has(serviceId)) continue
    const program = existingPrograms.get(serviceId)
    if (program) programRecords.push({ id: serviceId, linkOnly: true })
    else
      for (const link of linkOutcomes.filter((l) => l.serviceId === serviceId))
        summary.rejected.push({ kind: 'service_at_location', id: link.record.id ?? null, field: 'service_id', message: `service ${serviceId} is neither in the directory nor imported` })
  }
  const importedPrograms = new Set<string>()
  for (const record of programRecords) {
    const id = record.id.toLowerCase()
    const findings = new Findings('service', record.id)
    const existing = existingPrograms.get(id)
    const linked = [...(centresOf.get(id) ?? [])]
    // Import adds locations and never removes one the document does not mention.
    const centreIds = linked.length ? [...new Set([...(existing ? programAsInput(existing).centreIds : []), ...linked])] : undefined
    let outcome: Outcome
    if (record.linkOnly) {
      outcome = await upsert('Program', id, { centreIds }, programAsInput(existing!), findings)
    } else {
      const providerId = String(record.organization_id ?? record.organization?.id ?? existing?.provider?.id ?? '').toLowerCase()
      const input = programInput(record, taxonomies, findings, options.knownDistrict)
      if (!isUuid(providerId)) findings.reject('organization_id', 'a service needs the organization that provides it')
      else if (!knownOrganisations.has(providerId)) findings.reject('organization_id', `organization ${providerId} is neither in the directory nor imported`)
      else if (existing && existing.provider?.id !== providerId) findings.warn('organization_id', 'the provider of an existing program cannot be changed by import; kept')
      const status = programStatus(record, findings)
      outcome = input ? await upsert('Program', id, { ...input, centreIds }, existing && programAsInput(existing), findings, { providerId }) : 'rejected'
      if (outcome !== 'rejected' && status !== (existing?.status ?? 'ACTIVE')) {
        const changed =
          status === 'ACTIVE'
            ? await mutate('reopenProgram', { id }, findings)
            : await mutate('closeProgram', { id, status, reason: String(record.alert ?? '').trim() || `Imported from HSDS as ${record.status}` }, findings)
        if (changed && outcome === 'unchanged') outcome = 'updated'
      }
    }
    if (outcome !== 'rejected') importedPrograms.add(id)
    count(outcome)
    collect(findings)
  }

  // Each link: created when its centre was new to the program, else unchanged.
  for (const link of linkOutcomes) {
    if (!importedPrograms.has(link.serviceId)) {
      if (serviceIds.has(link.serviceId) || existingPrograms.has(link.serviceId))
        summary.rejected.push({ kind: 'service_at_location', id: link.record.id ?? null, field: 'service_id', message: `service ${link.serviceId} was not imported (see its rejection)` })
      continue
    }
    const before = existingPrograms.get(link.serviceId)
    if (before?.centres.some((centre) => centre?.id === link.centreId)) summary.unchanged++
    else summary.created++
  }
  return summary
}

