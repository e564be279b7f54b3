/**
 * The HSDS documents of the directory, read through the graph. Each function is one HSDS
 * endpoint; costs are in gateway operations (each of which makes a fixed number of SQL
 * statements per subgraph, see DESIGN.md).
 */
import { allOfConnection, runOperation, sliceConnection, type ConnectionPage, type FetchConnection, type RunOperation } from './graph.js'
import { isUuid, serviceAtLocationId } from './ids.js'
import { offsetOf, pageObject, type HsdsPage, type PageRequest } from './page.js'
import { notFound } from './problem.js'
import {
  byIdsDocument,
  CENTRE,
  CENTRE_LINK_COUNTS_PAGE,
  CENTRE_LINKS_PAGE,
  CENTRE_PROGRAMS_PAGE,
  CENTRES_PAGE,
  ORGANISATION,
  ORGANISATIONS_PAGE,
  PROGRAM,
  PROGRAMS_PAGE,
  type GraphCentre,
  type GraphCentreLinks,
  type GraphOrganisation,
  type GraphProgram,
  ALL_PROGRAM_STATUSES,
} from './queries.js'
import { LIFE_STAGE, PROGRAM_CATEGORY, TARGET_GROUP, toHsdsTaxonomy, type HsdsTaxonomy, type HsdsTaxonomyTerm, type Taxonomies } from './taxonomy.js'
import { HsdsMapper, type HsdsObject } from './to-hsds.js'

/** Most locations or services one organization document lists (walked 100 per operation). */
export const MAX_NESTED_ITEMS = 10_000
/** Most centres scanned to count or find service_at_locations (100 per operation). */
export const MAX_CENTRES_SCANNED = 50_000

/** Most objects of one kind the export command takes in one bundle. */
export const MAX_EXPORT_ITEMS = 1_000_000

export interface HsdsBundle {
  organizations: HsdsObject[]
  services: HsdsObject[]
  locations: HsdsObject[]
  service_at_locations: HsdsObject[]
  taxonomies: HsdsTaxonomy[]
  taxonomy_terms: HsdsTaxonomyTerm[]
}

export interface ServiceFilter {
  search?: string
  organizationId?: string
  taxonomyTermId?: string
  taxonomyId?: string
}

export class HsdsDirectory {
  readonly mapper: HsdsMapper

  constructor(
    private readonly run: RunOperation,
    readonly taxonomies: Taxonomies,
  ) {
    this.mapper = new HsdsMapper(taxonomies)
  }

  private connection<T>(document: string, field: string, variables: Record<string, unknown>): FetchConnection<T> {
    return async (args) => {
      const data = await runOperation(this.run, document, { ...variables, ...args })
      const path = field.split('.')
      let value: any = data
      for (const key of path) value = value?.[key]
      if (!value) throw notFound(path[0], String(variables.id))
      return value as ConnectionPage<T>
    }
  }

  async apiInfo(baseUrl: string) {
    return { version: '3.0', profile: 'https://nanum.example/hsds/profile', openapi_url: `${baseUrl}/openapi.json` }
  }

  /** `full` adds each organization's own phones, contacts, identifiers and attributes (its locations and services are at /organizations/{id}). */
  async organizations(page: PageRequest, full: boolean, search?: string): Promise<HsdsPage<HsdsObject>> {
    const filter = search ? { search } : {}
    const { total, nodes } = await sliceConnection<GraphOrganisation>(this.connection(ORGANISATIONS_PAGE, 'organisations', { filter }), offsetOf(page), page.perPage)
    return pageObject(total, page, nodes.map((node) => (full ? this.mapper.organization(node) : this.mapper.organizationBrief(node))))
  }

  async organization(id: string): Promise<HsdsObject> {
    const data = await runOperation<{ organisation: GraphOrganisation | null }>(this.run, ORGANISATION, { id: checkId(id, 'organization') })
    if (!data.organisation) throw notFound('organization', id)
    return this.fullOrganization(data.organisation)
  }

  /** The organization with every centre it operates (locations) and every program it provides (services). */
  private async fullOrganization(organisation: GraphOrganisation): Promise<HsdsObject> {
    const [centres, programs] = await Promise.all([
      allOfConnection<GraphCentre>(this.connection(CENTRES_PAGE, 'centres', { filter: { organisationId: organisation.id } }), MAX_NESTED_ITEMS, 'locations'),
      allOfConnection<GraphProgram>(this.connection(PROGRAMS_PAGE, 'programs', { filter: { providerId: organisation.id, status: ALL_PROGRAM_STATUSES } }), MAX_NESTED_ITEMS, 'services'),
    ])
    return this.mapper.organization(organisation, { centres, programs })
  }

  /** Narrows to an organization and/or one of our taxonomy terms; a foreign term matches nothing. */
  private programFilter(filter: ServiceFilter): Record<string, unknown> | null {
    const graphFilter: Record<string, unknown> = { status: ALL_PROGRAM_STATUSES }
    if (filter.organizationId) graphFilter.providerId = filter.organizationId
    if (filter.search) graphFilter.search = filter.search
    if (filter.taxonomyId && !this.taxonomies.findTaxonomy(filter.taxonomyId)) return null
    if (filter.taxonomyTermId) {
      const term = this.taxonomies.findTerm(filter.taxonomyTermId)
      if (!term) return null
      if (term.vocabulary === PROGRAM_CATEGORY) graphFilter.category = [term.code]
      else if (term.vocabulary === LIFE_STAGE) graphFilter.lifeStage = term.code
      else if (term.vocabulary === TARGET_GROUP) graphFilter.targetGroup = term.code
      else return null
      if (filter.taxonomyId && this.taxonomies.findTaxonomy(filter.taxonomyId) !== term.vocabulary) return null
    }
    return graphFilter
  }

  async services(page: PageRequest, full: boolean, filter: ServiceFilter = {}): Promise<HsdsPage<HsdsObject>> {
    const graphFilter = this.programFilter(filter)
    if (!graphFilter) return pageObject(0, page, [])
    const { total, nodes } = await sliceConnection<GraphProgram>(this.connection(PROGRAMS_PAGE, 'programs', { filter: graphFilter }), offsetOf(page), page.perPage)
    return pageObject(total, page, nodes.map((node) => (full ? this.mapper.service(node, { locations: false }) : this.mapper.serviceBrief(node))))
  }

  async service(id: string): Promise<HsdsObject> {
    const data = await runOperation<{ program: GraphProgram | null }>(this.run, PROGRAM, { id: checkId(id, 'service') })
    if (!data.program) throw notFound('service', id)
    return this.mapper.service(data.program)
  }

  async locations(page: PageRequest, full: boolean, search?: string): Promise<HsdsPage<HsdsObject>> {
    const filter = search ? { search } : {}
    const { total, nodes } = await sliceConnection<GraphCentre>(this.connection(CENTRES_PAGE, 'centres', { filter }), offsetOf(page), page.perPage)
    return pageObject(total, page, nodes.map((node) => (full ? this.mapper.location(node) : this.mapper.locationBrief(node))))
  }

  async location(id: string): Promise<HsdsObject> {
    const data = await runOperation<{ centre: GraphCentre | null }>(this.run, CENTRE, { id: checkId(id, 'location') })
    if (!data.centre) throw notFound('location', id)
    return this.mapper.location(data.centre)
  }

  /**
   * service_at_locations in centre order, then each centre's programs in name order. Counting
   * them scans every centre (ceil(centres / 100) operations, counts only); the page's links are
   * then read per centre it spans, in parallel (one operation each, plus a cursor walk inside a
   * centre with more than 100 programs), and the centres in one more.
   */
  async serviceAtLocations(page: PageRequest, full: boolean): Promise<HsdsPage<HsdsObject>> {
    const centres = await this.centreLinks(CENTRE_LINK_COUNTS_PAGE)
    const total = centres.reduce((sum, centre) => sum + (centre.programs?.totalCount ?? 0), 0)
    const spans: { centreId: string; from: number; to: number }[] = []
    const start = offsetOf(page)
    const end = start + page.perPage
    let position = 0
    for (const centre of centres) {
      const count = centre.programs?.totalCount ?? 0
      if (position + count > start && position < end) spans.push({ centreId: centre.id, from: Math.max(0, start - position), to: Math.min(count, end - position) })
      position += count
      if (position >= end) break
    }
    const [programsPerSpan, details] = await Promise.all([
      Promise.all(spans.map((span) => sliceConnection<GraphProgram>(this.centrePrograms(span.centreId), span.from, span.to - span.from))),
      lookupByIds<GraphCentre>(this.run, 'centre', spans.map((span) => span.centreId)),
    ])
    const contents = spans.flatMap((span, i) => {
      const centre = details.get(span.centreId)
      return centre ? programsPerSpan[i].nodes.map((program) => this.mapper.serviceAtLocation(program, centre, { location: full, service: full })) : []
    })
    return pageObject(total, page, contents)
  }

  private centrePrograms(centreId: string) {
    return this.connection<GraphProgram>(CENTRE_PROGRAMS_PAGE, 'centre.programs', { id: centreId, filter: { status: ALL_PROGRAM_STATUSES } })
  }

  /** Finds the link by scanning centres (derived ids cannot be reversed); cost as in the list. */
  async serviceAtLocation(id: string): Promise<HsdsObject> {
    const wantedId = checkId(id, 'service_at_location')
    for (const centre of await this.centreLinks(CENTRE_LINKS_PAGE)) {
      const count = centre.programs?.totalCount ?? 0
      if (count === 0) continue
      const programIds =
        count <= 100
          ? centre.programs!.edges!.map((edge) => edge.node.id)
          : (await allOfConnection<GraphProgram>(this.centrePrograms(centre.id), MAX_NESTED_ITEMS, 'services')).map((p) => p.id)
      const programId = programIds.find((candidate) => serviceAtLocationId(candidate, centre.id) === wantedId)
      if (!programId) continue
      const { programs, centres } = await this.byIds([programId], [centre.id])
      if (!programs.has(programId) || !centres.has(centre.id)) break
      return this.mapper.serviceAtLocation(programs.get(programId)!, centres.get(centre.id)!, { location: true, service: true })
    }
    throw notFound('service_at_location', id)
  }

  private centreLinks(document: string): Promise<GraphCentreLinks[]> {
    return allOfConnection<GraphCentreLinks>(
      async ({ first, after }) => (await runOperation(this.run, document, { first, after, programFilter: { status: ALL_PROGRAM_STATUSES } })).centres,
      MAX_CENTRES_SCANNED,
      'locations',
    )
  }

  /** Programs and centres by id (aliased lookups; each subgraph batches them). */
  private async byIds(programIds: string[], centreIds: string[]) {
    const [programs, centres] = await Promise.all([lookupByIds<GraphProgram>(this.run, 'program', programIds), lookupByIds<GraphCentre>(this.run, 'centre', centreIds)])
    return { programs, centres }
  }

  /**
   * The whole directory as one bundle of flat HSDS arrays (objects refer to each other by id):
   * ceil(n / 100) operations per collection, no page-number walking.
   */
  async bundle(limit = MAX_EXPORT_ITEMS): Promise<HsdsBundle> {
    const [organisations, centres, programs] = await Promise.all([
      allOfConnection<GraphOrganisation>(this.connection(ORGANISATIONS_PAGE, 'organisations', {}), limit, 'organizations'),
      allOfConnection<GraphCentre>(this.connection(CENTRES_PAGE, 'centres', {}), limit, 'locations'),
      allOfConnection<GraphProgram>(this.connection(PROGRAMS_PAGE, 'programs', { filter: { status: ALL_PROGRAM_STATUSES } }), limit, 'services'),
    ])
    return {
      organizations: organisations.map((organisation) => this.mapper.organization(organisation)),
      services: programs.map((program) => this.mapper.service(program, { locations: false })),
      locations: centres.map((centre) => this.mapper.location(centre)),
      service_at_locations: programs.flatMap((program) =>
        program.centres.filter((centre): centre is GraphCentre => centre !== null).map((centre) => this.mapper.serviceAtLocation(program, centre)),
      ),
      taxonomies: this.taxonomies.vocabularies().map(toHsdsTaxonomy),
      taxonomy_terms: this.taxonomies.allTerms(),
    }
  }

  taxonomiesPage(page: PageRequest) {
    const all = this.taxonomies.vocabularies().map(toHsdsTaxonomy)
    return pageObject(all.length, page, all.slice(offsetOf(page), offsetOf(page) + page.perPage))
  }

  taxonomy(id: string) {
    const vocabulary = this.taxonomies.findTaxonomy(checkId(id, 'taxonomy'))
    if (!vocabulary) throw notFound('taxonomy', id)
    return toHsdsTaxonomy(vocabulary)
  }

  taxonomyTermsPage(page: PageRequest, taxonomyId?: string) {
    const all = this.taxonomies.allTerms().filter((term) => !taxonomyId || term.taxonomy_id === taxonomyId.toLowerCase())
    return pageObject(all.length, page, all.slice(offsetOf(page), offsetOf(page) + page.perPage))
  }

  taxonomyTerm(id: string) {
    const found = this.taxonomies.findTerm(checkId(id, 'taxonomy_term'))
    if (!found) throw notFound('taxonomy_term', id)
    return this.taxonomies.term(found.vocabulary, found.code, true)
  }
}

/** Entities by id, 100 per operation; absent ones are missing from the map. */
/** Aliased lookups in one operation: within the graph's alias limit (NANUM_MAX_ALIASES, default 100). */
const LOOKUPS_PER_OPERATION = 100

export async function lookupByIds<T>(run: RunOperation, field: 'organisation' | 'centre' | 'program', ids: string[]): Promise<Map<string, T>> {
  const found = new Map<string, T>()
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))]
  for (let start = 0; start < unique.length; start += LOOKUPS_PER_OPERATION) {
    const chunk = unique.slice(start, start + LOOKUPS_PER_OPERATION)
    const { document, variables } = byIdsDocument(field, chunk)
    const data = await runOperation(run, document, variables)
    chunk.forEach((id, i) => data[`r${i}`] && found.set(id, data[`r${i}`]))
  }
  return found
}

/** A path id that is not a UUID cannot name anything: 404, as HSDS ids are UUIDs. */
function checkId(id: string, what: string): string {
  if (!isUuid(id)) throw notFound(what, id)
  return id.toLowerCase()
}

