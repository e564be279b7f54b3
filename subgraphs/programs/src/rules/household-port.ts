import { z } from 'zod'
import { parseEnv } from '@nanum/subgraph-kit'

/**
 * What the programs subgraph needs to know about households before a referral or enrollment,
 * asked of the households subgraph, which owns households and consents and applies its access
 * rules. Mutations cannot take `@requires` inputs, so this is a server-to-server `_entities` call
 * made with the caller's own Authorization header: households decides exactly as it would for
 * the caller (a household the caller may not see comes back null).
 */
export interface HouseholdView {
  /** Until when the household's REFERRAL consent for the caller's organisation holds; null: none. */
  referralConsentUntil: Date | null
}

export type HouseholdLookup = { ok: true; visible: Map<string, HouseholdView> } | { ok: false }

const configSchema = z.object({ HOUSEHOLDS_URL: z.url().default('http://127.0.0.1:4004/graphql') })

const householdsUrl = (env: NodeJS.ProcessEnv = process.env) => parseEnv(configSchema, env).HOUSEHOLDS_URL

const QUERY = `query ProgramsHouseholdView($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Household { id referralConsentUntil } }
}`

/** The households among `ids` the caller may see, with their referral consent; one request however many. */
export async function householdsAsCaller(authorization: string | undefined, ids: readonly string[]): Promise<HouseholdLookup> {
  let body: { data?: { _entities?: (Record<string, unknown> | null)[] } }
  try {
    const response = await fetch(householdsUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: QUERY, variables: { representations: ids.map((id) => ({ __typename: 'Household', id })) } }),
      signal: AbortSignal.timeout(5_000),
    })
    body = (await response.json()) as typeof body
  } catch {
    return { ok: false }
  }
  const entities = body.data?._entities
  if (!entities) return { ok: false }
  const visible = new Map<string, HouseholdView>()
  entities.forEach((entity, index) => {
    if (!entity) return
    const until = typeof entity.referralConsentUntil === 'string' ? new Date(entity.referralConsentUntil) : null
    visible.set(ids[index], { referralConsentUntil: until && !Number.isNaN(until.getTime()) ? until : null })
  })
  return { ok: true, visible }
}

const RECORD = `mutation ProgramsRecordReferralAccess($input: RecordReferralAccessInput!) {
  recordReferralAccess(input: $input) { referralAccess { until } userErrors { code message } }
}`
const END = `mutation ProgramsEndReferralAccess($input: EndReferralAccessInput!) {
  endReferralAccess(input: $input) { referralAccess { endedAt } userErrors { code message } }
}`

export type AccessChange = { ok: true } | { ok: false; code: string; message: string }

async function callHouseholds(authorization: string | undefined, query: string, input: Record<string, unknown>, field: string): Promise<AccessChange> {
  try {
    const response = await fetch(householdsUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables: { input } }),
      signal: AbortSignal.timeout(5_000),
    })
    const body = (await response.json()) as { data?: Record<string, { userErrors: { code: string; message: string }[] } | null> }
    const payload = body.data?.[field]
    if (!payload) return { ok: false, code: 'UNREACHABLE', message: 'The households service did not answer' }
    return payload.userErrors.length ? { ok: false, ...payload.userErrors[0] } : { ok: true }
  } catch {
    return { ok: false, code: 'UNREACHABLE', message: 'The households service cannot be reached' }
  }
}

/**
 * Tells the households subgraph, as the caller, that a referral lets the receiving organisation
 * see the household's COARSE facts until `until` (households caps it at the sender's consent):
 * the access rule's REFERRAL basis.
 */
export const recordReferralAccess = (authorization: string | undefined, input: { referralId: string; householdId: string; organisationId: string; until: Date }) =>
  callHouseholds(authorization, RECORD, { ...input, until: input.until.toISOString() }, 'recordReferralAccess')

/** Ends that grant (the referral was declined, cancelled or completed). */
export const endReferralAccess = (authorization: string | undefined, referralId: string) => callHouseholds(authorization, END, { referralId }, 'endReferralAccess')

const FACTS = `query ProgramsHouseholdFacts($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Household { district dong incomeBand vulnerabilityFlags members { age } } }
}`

/** The coarse facts eligibility needs, as the households subgraph shares them with the caller; null when it shares nothing. */
export async function householdFactsAsCaller(authorization: string | undefined, householdId: string): Promise<Record<string, unknown> | null> {
  try {
    const response = await fetch(householdsUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: FACTS, variables: { representations: [{ __typename: 'Household', id: householdId }] } }),
      signal: AbortSignal.timeout(5_000),
    })
    const body = (await response.json()) as { data?: { _entities?: (Record<string, unknown> | null)[] } }
    return body.data?._entities?.[0] ?? null
  } catch {
    return null
  }
}
