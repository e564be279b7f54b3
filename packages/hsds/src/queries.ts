/**
 * The GraphQL documents the HSDS view runs through the gateway, and the shapes they return.
 * Lists select their nodes under `@skip(if: $cursorsOnly)` so that walking to page N costs only
 * cursors (see graph.ts).
 */

export const ORGANISATION_FIELDS = /* GraphQL */ `
  fragment OrganisationFields on Organisation {
    id name alternateName description sector kind
    parentOrganisation { id }
    registrationId website email
    phones { number kind description }
    contacts { id name role department phone email }
  }
`

export const CENTRE_FIELDS = /* GraphQL */ `
  fragment CentreFields on Centre {
    id name alternateName description kind status statusReason
    organisation { id }
    address { address1 city district dong postalCode administrativeDongCode }
    latitude longitude
    phones { number kind description }
    languages facilities
    openingHours { day opens closes }
    hoursExceptions { date isClosed opens closes reason }
  }
`

export const PROGRAM_FIELDS = /* GraphQL */ `
  fragment ProgramFields on Program {
    id name alternateName description category lifeStages targetGroups
    provider { ...OrganisationFields }
    funding
    centres { ...CentreFields }
    serviceArea { district dong }
    eligibility { minAge maxAge requiredDocuments description }
    cost costDescription
    schedule { sessions { day opens closes } description }
    howToApply applicationUrl applicationPhone
    languages status statusReason startDate endDate updatedAt
  }
  ${ORGANISATION_FIELDS}
  ${CENTRE_FIELDS}
`

export interface GraphPhone {
  number: string
  kind: string
  description: string | null
}

export interface GraphOrganisation {
  id: string
  name: string
  alternateName: string | null
  description: string | null
  sector: string
  kind: string
  parentOrganisation: { id: string } | null
  registrationId: string | null
  website: string | null
  email: string | null
  phones: GraphPhone[]
  contacts: { id: string; name: string; role: string | null; department: string | null; phone: string | null; email: string | null }[]
}

export interface GraphWeeklyHours {
  day: string
  opens: string
  closes: string
}

export interface GraphCentre {
  id: string
  name: string
  alternateName: string | null
  description: string | null
  kind: string
  status: string
  statusReason: string | null
  organisation: { id: string } | null
  address: { address1: string; city: string | null; district: string; dong: string | null; postalCode: string | null; administrativeDongCode: string | null }
  latitude: number | null
  longitude: number | null
  phones: GraphPhone[]
  languages: string[]
  facilities: string[]
  openingHours: GraphWeeklyHours[]
  hoursExceptions: { date: string; isClosed: boolean; opens: string | null; closes: string | null; reason: string | null }[]
}

export interface GraphProgram {
  id: string
  name: string
  alternateName: string | null
  description: string
  category: string
  lifeStages: string[]
  targetGroups: string[]
  provider: GraphOrganisation | null
  funding: string
  centres: (GraphCentre | null)[]
  serviceArea: { district: string; dong: string | null }[]
  eligibility: { minAge: number | null; maxAge: number | null; requiredDocuments: string[]; description: string | null }
  cost: number | null
  costDescription: string | null
  schedule: { sessions: GraphWeeklyHours[]; description: string | null }
  howToApply: string[]
  applicationUrl: string | null
  applicationPhone: string | null
  languages: string[]
  status: string
  statusReason: string | null
  startDate: string | null
  endDate: string | null
  updatedAt: string
}

/** Every status: the program lists default to ACTIVE, HSDS lists services in every status. */
export const ALL_PROGRAM_STATUSES = ['ACTIVE', 'TEMPORARILY_CLOSED', 'INACTIVE']

const connection = (fragment: string) => `totalCount pageInfo { hasNextPage endCursor } edges { cursor node @skip(if: $cursorsOnly) { ...${fragment} } }`

export const ORGANISATIONS_PAGE = /* GraphQL */ `
  query HsdsOrganisations($first: Int, $after: String, $cursorsOnly: Boolean!, $filter: OrganisationFilter) {
    organisations(first: $first, after: $after, filter: $filter) { ${connection('OrganisationFields')} }
  }
  ${ORGANISATION_FIELDS}
`

export const ORGANISATION = /* GraphQL */ `
  query HsdsOrganisation($id: ID!) { organisation(id: $id) { ...OrganisationFields } }
  ${ORGANISATION_FIELDS}
`

export const CENTRES_PAGE = /* GraphQL */ `
  query HsdsCentres($first: Int, $after: String, $cursorsOnly: Boolean!, $filter: CentreFilter) {
    centres(first: $first, after: $after, filter: $filter) { ${connection('CentreFields')} }
  }
  ${CENTRE_FIELDS}
`

export const CENTRE = /* GraphQL */ `
  query HsdsCentre($id: ID!) { centre(id: $id) { ...CentreFields } }
  ${CENTRE_FIELDS}
`

export const PROGRAMS_PAGE = /* GraphQL */ `
  query HsdsPrograms($first: Int, $after: String, $cursorsOnly: Boolean!, $filter: ProgramFilter) {
    programs(first: $first, after: $after, filter: $filter) { ${connection('ProgramFields')} }
  }
  ${PROGRAM_FIELDS}
`

export const PROGRAM = /* GraphQL */ `
  query HsdsProgram($id: ID!) { program(id: $id) { ...ProgramFields } }
  ${PROGRAM_FIELDS}
`

/** Programs delivered at one centre: the service_at_location links of that location. */
export const CENTRE_PROGRAMS_PAGE = /* GraphQL */ `
  query HsdsCentrePrograms($id: ID!, $first: Int, $after: String, $cursorsOnly: Boolean!, $filter: ProgramFilter) {
    centre(id: $id) { programs(first: $first, after: $after, filter: $filter) { ${connection('ProgramFields')} } }
  }
  ${PROGRAM_FIELDS}
`

/**
 * Centres with how many programs are delivered at each and the ids of the first 100: enough to
 * count service_at_locations, find which centres a page of them falls in, and find one by id.
 */
export const CENTRE_LINKS_PAGE = /* GraphQL */ `
  query HsdsCentreLinks($first: Int, $after: String, $programFilter: ProgramFilter) {
    centres(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id programs(first: 100, filter: $programFilter) { totalCount edges { node { id } } } } }
    }
  }
`

/** Centres with how many programs are delivered at each: enough to count and place service_at_locations. */
export const CENTRE_LINK_COUNTS_PAGE = /* GraphQL */ `
  query HsdsCentreLinkCounts($first: Int, $after: String, $programFilter: ProgramFilter) {
    centres(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id programs(first: 0, filter: $programFilter) { totalCount } } }
    }
  }
`

export interface GraphCentreLinks {
  id: string
  programs: { totalCount: number; edges?: { node: { id: string } }[] } | null
}

const PAYLOAD = 'userErrors { code field message }'

export const MUTATIONS = {
  createOrganisation: `mutation HsdsCreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } ${PAYLOAD} } }`,
  updateOrganisation: `mutation HsdsUpdateOrganisation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { id } ${PAYLOAD} } }`,
  createCentre: `mutation HsdsCreateCentre($input: CreateCentreInput!) { createCentre(input: $input) { centre { id } ${PAYLOAD} } }`,
  updateCentre: `mutation HsdsUpdateCentre($input: UpdateCentreInput!) { updateCentre(input: $input) { centre { id } ${PAYLOAD} } }`,
  closeCentre: `mutation HsdsCloseCentre($input: CloseCentreInput!) { closeCentre(input: $input) { centre { id } ${PAYLOAD} } }`,
  reopenCentre: `mutation HsdsReopenCentre($input: ReopenCentreInput!) { reopenCentre(input: $input) { centre { id } ${PAYLOAD} } }`,
  createProgram: `mutation HsdsCreateProgram($input: CreateProgramInput!) { createProgram(input: $input) { program { id } ${PAYLOAD} } }`,
  updateProgram: `mutation HsdsUpdateProgram($input: UpdateProgramInput!) { updateProgram(input: $input) { program { id } ${PAYLOAD} } }`,
  closeProgram: `mutation HsdsCloseProgram($input: CloseProgramInput!) { closeProgram(input: $input) { program { id } ${PAYLOAD} } }`,
  reopenProgram: `mutation HsdsReopenProgram($input: ReopenProgramInput!) { reopenProgram(input: $input) { program { id } ${PAYLOAD} } }`,
} as const

/** Lookups of many entities by id in one operation (aliased root fields; each subgraph batches them). */
export function byIdsDocument(field: 'organisation' | 'centre' | 'program', ids: string[]): { document: string; variables: Record<string, string> } {
  const fragment = { organisation: ['OrganisationFields', ORGANISATION_FIELDS], centre: ['CentreFields', CENTRE_FIELDS], program: ['ProgramFields', PROGRAM_FIELDS] }[field]
  const variables = Object.fromEntries(ids.map((id, i) => [`v${i}`, id]))
  const fields = ids.map((_, i) => `r${i}: ${field}(id: $v${i}) { ...${fragment[0]} }`).join(' ')
  const declarations = ids.map((_, i) => `$v${i}: ID!`).join(', ')
  return { document: `query HsdsLookup(${declarations}) { ${fields} } ${fragment[1]}`, variables }
}
