import { entitiesAsCaller, peerInstant, peerUrl, type PeerCaller } from '@nanum/subgraph-kit'

/**
 * The consent port: what the donations subgraph needs to know about a household, asked of the
 * households subgraph, which owns the household and its consents and applies its own access
 * rules. Recording a need is a mutation, and federation cannot feed another subgraph's fields into
 * a mutation (`@requires` works on entity fields only), so this one check is a server-to-server
 * `_entities` call as the caller (the kit's `entitiesAsCaller`).
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

export type FactsLookup = { ok: true; facts: HouseholdFacts | null } | { ok: false; reason: 'UNREACHABLE' | 'SCHEMA_MISMATCH' }

const householdsUrl = () => peerUrl('households', 'http://127.0.0.1:4004/graphql')

/** Asks as the caller (a household the caller may not see comes back null). */
export async function householdFacts(caller: PeerCaller, householdId: string): Promise<FactsLookup> {
  const lookup = await householdsFacts(caller, [householdId])
  return lookup.ok ? { ok: true, facts: lookup.facts.get(householdId) ?? null } : lookup
}

/** The same for many households in one call (one `_entities` request, however many). */
export async function householdsFacts(
  caller: PeerCaller,
  householdIds: readonly string[],
): Promise<{ ok: true; facts: Map<string, HouseholdFacts> } | { ok: false; reason: 'UNREACHABLE' | 'SCHEMA_MISMATCH' }> {
  const lookup = await entitiesAsCaller(householdsUrl(), caller, 'Household', householdIds, 'id district dong donationMatchingConsentUntil vulnerabilityScore')
  if (!lookup.ok) return lookup
  const facts = new Map<string, HouseholdFacts>()
  for (const [id, entity] of lookup.data)
    facts.set(id, {
      id,
      donationMatchingConsentUntil: peerInstant(entity.donationMatchingConsentUntil),
      district: typeof entity.district === 'string' ? entity.district : null,
      dong: typeof entity.dong === 'string' ? entity.dong : null,
      vulnerabilityScore: typeof entity.vulnerabilityScore === 'number' ? entity.vulnerabilityScore : null,
    })
  return { ok: true, facts }
}

/**
 * The households among `householdIds` whose DONATION_MATCHING consent for the caller's
 * organisation holds right now. Asked again before every reservation, so a revoked consent stops
 * matching at once rather than when the copy taken at recording time expires. Unreachable:
 * nobody (no reservation without a confirmed consent).
 */
export async function householdsWithActiveConsent(caller: PeerCaller, householdIds: readonly string[], now = new Date()): Promise<Set<string>> {
  if (!householdIds.length) return new Set()
  const lookup = await householdsFacts(caller, [...new Set(householdIds)])
  if (!lookup.ok) return new Set()
  return new Set([...lookup.facts.values()].filter((f) => f.donationMatchingConsentUntil && f.donationMatchingConsentUntil > now).map((f) => f.id))
}
