import { z } from 'zod'
import { parseEnv } from '@nanum/subgraph-kit'

/**
 * The consent port: what the donations subgraph needs to know about a household, asked of the
 * households subgraph, which owns the household and its consents and applies its own access
 * rules. Recording a need is a mutation, and federation cannot feed another subgraph's fields into
 * a mutation (`@requires` works on entity fields only), so this one check is a server-to-server
 * call: `_entities` on the households subgraph with the caller's own identity, so the households
 * subgraph decides exactly as it would for the caller.
 */
export interface HouseholdFacts {
  id: string
  /** Until when the household's consent to DONATION_MATCHING with the caller's organisation holds; null: no active consent. */
  donationMatchingConsentUntil: Date | null
  district: string | null
  dong: string | null
  /** 0–100, the households subgraph's documented vulnerability score; null when not given. */
  vulnerabilityScore: number | null
}

export type FactsLookup =
  | { ok: true; facts: HouseholdFacts | null }
  | { ok: false; reason: 'UNREACHABLE' | 'CONSENT_FIELD_MISSING' }

const configSchema = z.object({ HOUSEHOLDS_URL: z.url().default('http://127.0.0.1:4004/graphql') })

/** Read at each call (a cheap parse), so a process can learn the URL after it started. */
export const householdsUrl = (env: NodeJS.ProcessEnv = process.env) => parseEnv(configSchema, env).HOUSEHOLDS_URL

/**
 * The fields asked of the households subgraph; it answers them under its own access rules for the
 * caller (a household the caller may not see comes back null).
 */
export const HOUSEHOLD_FACTS_QUERY = `query DonationsHouseholdFacts($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Household { id district dong donationMatchingConsentUntil vulnerabilityScore }
  }
}`

/** Asks as the caller: their own Authorization header is forwarded, so households applies its rules to them. */
export async function householdFacts(authorization: string | undefined, householdId: string): Promise<FactsLookup> {
  const lookup = await householdsFacts(authorization, [householdId])
  return lookup.ok ? { ok: true, facts: lookup.facts.get(householdId) ?? null } : lookup
}

/** The same for many households in one call (one `_entities` request, however many). */
export async function householdsFacts(
  authorization: string | undefined,
  householdIds: readonly string[],
): Promise<{ ok: true; facts: Map<string, HouseholdFacts> } | { ok: false; reason: 'UNREACHABLE' | 'CONSENT_FIELD_MISSING' }> {
  let body: { data?: { _entities?: (Record<string, unknown> | null)[] }; errors?: { message: string; extensions?: { code?: string } }[] }
  try {
    const response = await fetch(householdsUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: HOUSEHOLD_FACTS_QUERY, variables: { representations: householdIds.map((id) => ({ __typename: 'Household', id })) } }),
      signal: AbortSignal.timeout(5_000),
    })
    body = (await response.json()) as typeof body
  } catch {
    return { ok: false, reason: 'UNREACHABLE' }
  }
  if (body.errors?.some((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) return { ok: false, reason: 'CONSENT_FIELD_MISSING' }
  const entities = body.data?._entities
  if (!entities) return { ok: false, reason: 'UNREACHABLE' }
  const facts = new Map<string, HouseholdFacts>()
  entities.forEach((entity, index) => {
    if (!entity) return
    const until = typeof entity.donationMatchingConsentUntil === 'string' ? new Date(entity.donationMatchingConsentUntil) : null
    facts.set(householdIds[index], {
      id: householdIds[index],
      donationMatchingConsentUntil: until && !Number.isNaN(until.getTime()) ? until : null,
      district: typeof entity.district === 'string' ? entity.district : null,
      dong: typeof entity.dong === 'string' ? entity.dong : null,
      vulnerabilityScore: typeof entity.vulnerabilityScore === 'number' ? entity.vulnerabilityScore : null,
    })
  })
  return { ok: true, facts }
}

/**
 * The households among `householdIds` whose DONATION_MATCHING consent for the caller's
 * organisation holds right now. Asked again before every reservation, so a revoked consent stops
 * matching at once rather than when the copy taken at recording time expires. Unreachable:
 * nobody (no reservation without a confirmed consent).
 */
export async function householdsWithActiveConsent(authorization: string | undefined, householdIds: readonly string[], now = new Date()): Promise<Set<string>> {
  if (!householdIds.length) return new Set()
  const lookup = await householdsFacts(authorization, [...new Set(householdIds)])
  if (!lookup.ok) return new Set()
  return new Set([...lookup.facts.values()].filter((f) => f.donationMatchingConsentUntil && f.donationMatchingConsentUntil > now).map((f) => f.id))
}

/** The port's one question, as the issue names it: may this caller's organisation match goods for this household now? */
export async function hasDonationMatchingConsent(authorization: string | undefined, householdId: string, now = new Date()): Promise<boolean> {
  const lookup = await householdFacts(authorization, householdId)
  return lookup.ok && lookup.facts?.donationMatchingConsentUntil != null && lookup.facts.donationMatchingConsentUntil > now
}
