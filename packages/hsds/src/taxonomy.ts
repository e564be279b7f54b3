import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql'
import { derivedId } from './ids.js'

/**
 * Our enums published as HSDS taxonomies. HSDS links an object to a term through an `attribute`
 * (`link_entity` + `taxonomy_term_id`). A term's `code` is the enum value itself and its
 * description the value's description in the schema: the terms are read from the supergraph SDL
 * so they never drift from the graph. Ids are derived from the taxonomy key and the code, so they
 * are stable across releases and instances (never rename a key).
 */
export interface Vocabulary {
  /** Stable key, part of every derived id. */
  key: string
  /** The GraphQL enum the terms mirror. */
  enumName: string
  name: string
  description: string
}

export const PROGRAM_CATEGORY: Vocabulary = {
  key: 'program-category',
  enumName: 'ProgramCategory',
  name: 'Nanum program categories',
  description: 'The area of need a program (HSDS service) serves, following the life-cycle services of the seed initiatives, from marriage to funeral.',
}
export const LIFE_STAGE: Vocabulary = { key: 'life-stage', enumName: 'LifeStage', name: 'Nanum life stages', description: 'The stages of life a program is meant for.' }
export const TARGET_GROUP: Vocabulary = { key: 'target-group', enumName: 'TargetGroup', name: 'Nanum target groups', description: 'The groups of residents a program is meant for.' }
export const ORGANISATION_KIND: Vocabulary = { key: 'organisation-kind', enumName: 'OrganisationKind', name: 'Nanum organisation kinds', description: 'What kind of body an organisation is.' }
export const SECTOR: Vocabulary = { key: 'sector', enumName: 'Sector', name: 'Nanum sectors', description: 'Which side of the public-private partnership an organisation is on.' }
export const CENTRE_KIND: Vocabulary = { key: 'centre-kind', enumName: 'CentreKind', name: 'Nanum centre kinds', description: 'What kind of place a centre (HSDS location) is.' }

export const CENTRE_STATUS: Vocabulary = { key: 'centre-status', enumName: 'CentreStatus', name: 'Nanum centre statuses', description: 'Whether a centre (HSDS location) is open for service at all; HSDS locations have no status field.' }

export const VOCABULARIES: readonly Vocabulary[] = [PROGRAM_CATEGORY, LIFE_STAGE, TARGET_GROUP, ORGANISATION_KIND, SECTOR, CENTRE_KIND, CENTRE_STATUS]

export const TAXONOMY_VERSION = '1'
export const TAXONOMY_URI_BASE = 'https://nanum.example/taxonomies'

export const taxonomyId = (vocabulary: Vocabulary) => derivedId('taxonomy', vocabulary.key)
export const termId = (vocabulary: Vocabulary, code: string) => derivedId('taxonomy_term', vocabulary.key, code)

export interface HsdsTaxonomy {
  id: string
  name: string
  description: string
  uri: string
  version: string
}

export interface HsdsTaxonomyTerm {
  id: string
  code: string
  name: string
  description: string
  taxonomy: string
  taxonomy_id: string
  language: string
  term_uri: string
  taxonomy_detail?: HsdsTaxonomy
}

/** ELDERLY_CARE → "Elderly care". */
export const humanise = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ')

export function toHsdsTaxonomy(vocabulary: Vocabulary): HsdsTaxonomy {
  return {
    id: taxonomyId(vocabulary),
    name: vocabulary.name,
    description: vocabulary.description,
    uri: `${TAXONOMY_URI_BASE}/${vocabulary.key}`,
    version: TAXONOMY_VERSION,
  }
}

/** The vocabularies' terms as the current supergraph defines them. */
export class Taxonomies {
  private readonly terms = new Map<Vocabulary, { code: string; description: string }[]>()
  private readonly byTermId = new Map<string, { vocabulary: Vocabulary; code: string }>()
  private readonly enumValues = new Map<string, Map<string, string>>()

  constructor(supergraphSdl: string) {
    const enums = new Map<string, EnumTypeDefinitionNode>()
    for (const definition of parse(supergraphSdl).definitions)
      if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
        enums.set(definition.name.value, definition)
        this.enumValues.set(definition.name.value, new Map((definition.values ?? []).map((v) => [v.name.value, v.description?.value ?? humanise(v.name.value)])))
      }
    for (const vocabulary of VOCABULARIES) {
      const values = (enums.get(vocabulary.enumName)?.values ?? []).map((value) => ({
        code: value.name.value,
        description: value.description?.value ?? humanise(value.name.value),
      }))
      this.terms.set(vocabulary, values)
      for (const { code } of values) this.byTermId.set(termId(vocabulary, code), { vocabulary, code })
    }
  }

  /** The schema's description of an enum value (any enum), e.g. a facility; the humanised code when absent. */
  describe(enumName: string, value: string): string {
    return this.enumValues.get(enumName)?.get(value) ?? humanise(value)
  }

  /** Values of any enum of the schema. */
  valuesOf(enumName: string): string[] {
    return [...(this.enumValues.get(enumName)?.keys() ?? [])]
  }

  /** Vocabularies whose enum exists in the current schema. */
  vocabularies(): Vocabulary[] {
    return VOCABULARIES.filter((vocabulary) => this.terms.get(vocabulary)!.length > 0)
  }

  codes(vocabulary: Vocabulary): string[] {
    return this.terms.get(vocabulary)!.map((t) => t.code)
  }

  has(vocabulary: Vocabulary, code: string): boolean {
    return this.terms.get(vocabulary)!.some((t) => t.code === code)
  }

  term(vocabulary: Vocabulary, code: string, withDetail = false): HsdsTaxonomyTerm {
    const found = this.terms.get(vocabulary)!.find((t) => t.code === code)
    return {
      id: termId(vocabulary, code),
      code,
      name: humanise(code),
      description: found?.description ?? humanise(code),
      taxonomy: vocabulary.name,
      taxonomy_id: taxonomyId(vocabulary),
      language: 'en',
      term_uri: `${TAXONOMY_URI_BASE}/${vocabulary.key}/${code}`,
      ...(withDetail ? { taxonomy_detail: toHsdsTaxonomy(vocabulary) } : {}),
    }
  }

  allTerms(): HsdsTaxonomyTerm[] {
    return this.vocabularies().flatMap((vocabulary) => this.codes(vocabulary).map((code) => this.term(vocabulary, code)))
  }

  findTerm(id: string) {
    return this.byTermId.get(id.toLowerCase())
  }

  findTaxonomy(id: string) {
    return this.vocabularies().find((vocabulary) => taxonomyId(vocabulary) === id.toLowerCase())
  }

  /**
   * Resolves a term an imported document links to: by our term id, else by code within a
   * taxonomy that names itself ours. Foreign taxonomies (e.g. Open Eligibility) resolve to nothing.
   */
  resolve(vocabulary: Vocabulary, term: { id?: unknown; code?: unknown; taxonomy?: unknown; taxonomy_id?: unknown }): string | undefined {
    if (typeof term.id === 'string') {
      const found = this.findTerm(term.id)
      if (found?.vocabulary === vocabulary) return found.code
    }
    const ours = term.taxonomy_id === taxonomyId(vocabulary) || term.taxonomy === vocabulary.name || term.taxonomy === vocabulary.key
    if (ours && typeof term.code === 'string' && this.has(vocabulary, term.code)) return term.code
    return undefined
  }
}
