/**
 * Any HSDS JSON an importer may be handed → flat lists of records by kind: a single object, an
 * array, a page object (`contents`), a bundle (`{organizations, services, …}`, as `export`
 * writes), or the tabular form (`{"organizations.csv": [...], "phones.csv": [...]}`), whose rows
 * are first nested into their parents by foreign key. Nested objects (an organization's
 * locations, a service's organization and service_at_locations, a service_at_location's
 * location and service) become records of their own, with the link to their parent filled in.
 */
export type HsdsRecord = Record<string, any>

export interface HsdsRecords {
  organizations: HsdsRecord[]
  locations: HsdsRecord[]
  services: HsdsRecord[]
  service_at_locations: HsdsRecord[]
  taxonomies: HsdsRecord[]
  taxonomy_terms: HsdsRecord[]
  /** Objects no kind could be recognised for, e.g. an API info object. */
  unrecognised: HsdsRecord[]
}

type Kind = Exclude<keyof HsdsRecords, 'unrecognised'>

const BUNDLE_KEYS: Record<string, Kind> = {
  organizations: 'organizations',
  locations: 'locations',
  services: 'services',
  service_at_locations: 'service_at_locations',
  taxonomies: 'taxonomies',
  taxonomy_terms: 'taxonomy_terms',
}

const isObject = (value: unknown): value is HsdsRecord => typeof value === 'object' && value !== null && !Array.isArray(value)

/** What an object on its own is, from the fields each HSDS object requires or alone has. */
export function kindOf(record: HsdsRecord): Kind | undefined {
  if ('location_type' in record) return 'locations'
  if ('service_id' in record || 'location_id' in record || (isObject(record.location) && isObject(record.service))) return 'service_at_locations'
  if ('status' in record && 'name' in record) return 'services'
  if ('taxonomy' in record || 'taxonomy_id' in record || 'taxonomy_detail' in record || 'code' in record || 'parent_id' in record) return 'taxonomy_terms'
  if ('version' in record && 'name' in record && !('website' in record)) return 'taxonomies'
  if ('name' in record && 'id' in record) return 'organizations'
  return undefined
}

export function collectRecords(document: unknown): HsdsRecords {
  const records: HsdsRecords = { organizations: [], locations: [], services: [], service_at_locations: [], taxonomies: [], taxonomy_terms: [], unrecognised: [] }
  const seen = new Map<Kind, Map<string, HsdsRecord>>()

  const add = (kind: Kind, record: HsdsRecord) => {
    // The same object nested in several places (an organization in each of its services) is
    // imported once; its fullest copy (most fields) wins.
    const id = typeof record.id === 'string' ? record.id.toLowerCase() : undefined
    const byId = seen.get(kind) ?? new Map<string, HsdsRecord>()
    seen.set(kind, byId)
    if (id && byId.has(id)) {
      const previous = byId.get(id)!
      if (Object.keys(record).length <= Object.keys(previous).length) return
      records[kind][records[kind].indexOf(previous)] = record
    } else records[kind].push(record)
    if (id) byId.set(id, record)
    unnest(kind, record)
  }

  const unnest = (kind: Kind, record: HsdsRecord) => {
    if (kind === 'organizations') {
      for (const location of arrayOf(record.locations)) add('locations', { organization_id: record.id, ...location })
      for (const service of arrayOf(record.services)) add('services', { organization_id: record.id, ...service })
    }
    if (kind === 'services') {
      if (isObject(record.organization)) add('organizations', record.organization)
      for (const link of arrayOf(record.service_at_locations)) add('service_at_locations', { service_id: record.id, ...link })
    }
    if (kind === 'service_at_locations') {
      if (isObject(record.location)) add('locations', record.location)
      if (isObject(record.service)) add('services', record.service)
    }
    if (kind === 'taxonomy_terms' && isObject(record.taxonomy_detail)) add('taxonomies', record.taxonomy_detail)
  }

  const visit = (value: unknown, kind?: Kind) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, kind))
    if (!isObject(value)) return
    if (Array.isArray(value.contents)) return visit(value.contents, kind)
    const tabularKeys = Object.keys(value).filter((key) => key.endsWith('.csv'))
    if (tabularKeys.length) return visit(nestTabular(value))
    const bundleKeys = Object.keys(value).filter((key) => key in BUNDLE_KEYS && Array.isArray(value[key]))
    if (bundleKeys.length && !('id' in value)) {
      for (const key of bundleKeys) visit(value[key], BUNDLE_KEYS[key])
      return
    }
    const recognised = kind ?? kindOf(value)
    if (recognised) add(recognised, value)
    else records.unrecognised.push(value)
  }

  visit(document)
  return records
}

const arrayOf = (value: unknown): HsdsRecord[] => (Array.isArray(value) ? value.filter(isObject) : [])

/** Child tables of the tabular form: rows attach to their parent by its id column. */
const CHILD_TABLES: { table: string; property: string; parents: [string, string][] }[] = [
  { table: 'phones.csv', property: 'phones', parents: [['location_id', 'locations'], ['service_id', 'services'], ['organization_id', 'organizations'], ['service_at_location_id', 'service_at_locations']] },
  { table: 'contacts.csv', property: 'contacts', parents: [['organization_id', 'organizations'], ['location_id', 'locations'], ['service_id', 'services']] },
  { table: 'addresses.csv', property: 'addresses', parents: [['location_id', 'locations']] },
  { table: 'schedules.csv', property: 'schedules', parents: [['location_id', 'locations'], ['service_id', 'services'], ['service_at_location_id', 'service_at_locations']] },
  { table: 'languages.csv', property: 'languages', parents: [['location_id', 'locations'], ['service_id', 'services']] },
  { table: 'accessibility.csv', property: 'accessibility', parents: [['location_id', 'locations']] },
  { table: 'service_areas.csv', property: 'service_areas', parents: [['service_id', 'services']] },
  { table: 'required_documents.csv', property: 'required_documents', parents: [['service_id', 'services']] },
  { table: 'cost_options.csv', property: 'cost_options', parents: [['service_id', 'services']] },
  { table: 'funding.csv', property: 'funding', parents: [['service_id', 'services'], ['organization_id', 'organizations']] },
  { table: 'organization_identifiers.csv', property: 'organization_identifiers', parents: [['organization_id', 'organizations']] },
  { table: 'attributes.csv', property: 'attributes', parents: [['link_id', 'organizations'], ['link_id', 'services'], ['link_id', 'locations']] },
]

const TOP_TABLES: Record<string, Kind> = {
  'organizations.csv': 'organizations',
  'locations.csv': 'locations',
  'services.csv': 'services',
  'service_at_location.csv': 'service_at_locations',
  'service_at_locations.csv': 'service_at_locations',
  'taxonomies.csv': 'taxonomies',
  'taxonomy_terms.csv': 'taxonomy_terms',
}

/**
 * The tabular form as a bundle: a child row goes to the first parent table holding its foreign
 * id (a phone row with both a location_id and a service_id describes one phone, not two).
 */
function nestTabular(tables: HsdsRecord): Record<Kind, HsdsRecord[]> {
  const bundle: Record<string, HsdsRecord[]> = {}
  const byId: Record<string, Map<string, HsdsRecord>> = {}
  for (const [table, kind] of Object.entries(TOP_TABLES)) {
    const rows = arrayOf(tables[table]).map((row) => ({ ...row }))
    bundle[kind] = [...(bundle[kind] ?? []), ...rows]
    byId[kind] = new Map([...(byId[kind] ?? new Map()), ...rows.map((row) => [String(row.id).toLowerCase(), row] as [string, HsdsRecord])])
  }
  for (const { table, property, parents } of CHILD_TABLES) {
    for (const row of arrayOf(tables[table])) {
      for (const [column, kind] of parents) {
        const parent = typeof row[column] === 'string' ? byId[kind]?.get(row[column].toLowerCase()) : undefined
        if (!parent) continue
        parent[property] = [...arrayOf(parent[property]), row]
        break
      }
    }
  }
  return bundle as Record<Kind, HsdsRecord[]>
}
