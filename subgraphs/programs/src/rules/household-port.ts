import { callPeer, entitiesAsCaller, peerInstant, peerUrl, type PeerCaller, type PeerFailure, type PeerResult } from '@nanum/subgraph-kit'

/**
 * What the programs subgraph needs to know about households, asked of the households subgraph,
 * which owns households and consents and applies its access rules. These are server-to-server
 * calls made as the caller (the kit's peer calls): households decides exactly as it would for the
 * caller, and a household the caller may not see comes back absent. Nothing here trusts a
 * representation a client could have written.
 */
export type AccessBasis = 'HANDLING_ORGANISATION' | 'ASSIGNED_VISIT' | 'CONSENT' | 'REFERRAL'

export interface HouseholdView {
  /** Why the caller sees the household (never empty: an invisible household has no view). */
  accessBasis: readonly AccessBasis[]
  /** Until when the household's REFERRAL consent for the caller's organisation holds; null: none. */
  referralConsentUntil: Date | null
}

export type HouseholdLookup = { ok: true; visible: Map<string, HouseholdView> } | PeerFailure

const householdsUrl = () => peerUrl('households', 'http://127.0.0.1:4004/graphql')

const ACCESS_BASES: readonly AccessBasis[] = ['HANDLING_ORGANISATION', 'ASSIGNED_VISIT', 'CONSENT', 'REFERRAL']
const isAccessBasis = (value: unknown): value is AccessBasis => ACCESS_BASES.includes(value as AccessBasis)

/** The households among `ids` the caller may see, with why and their referral consent; one request however many. */
export async function householdsAsCaller(caller: PeerCaller, ids: readonly string[]): Promise<HouseholdLookup> {
  const lookup = await entitiesAsCaller(householdsUrl(), caller, 'Household', ids, 'id accessBasis referralConsentUntil')
  if (!lookup.ok) return lookup
  const visible = new Map<string, HouseholdView>()
  for (const [id, entity] of lookup.data) {
    const accessBasis = Array.isArray(entity.accessBasis) ? entity.accessBasis.filter(isAccessBasis) : []
    if (accessBasis.length) visible.set(id, { accessBasis, referralConsentUntil: peerInstant(entity.referralConsentUntil) })
  }
  return { ok: true, visible }
}

/** The coarse facts eligibility needs, as the households subgraph shares them with the caller (absent: it shares nothing). */
export async function householdFactsAsCaller(caller: PeerCaller, householdId: string): Promise<PeerResult<Record<string, unknown> | null>> {
  const lookup = await entitiesAsCaller(householdsUrl(), caller, 'Household', [householdId], 'district dong incomeBand vulnerabilityFlags members { age }')
  return lookup.ok ? { ok: true, data: lookup.data.get(householdId) ?? null } : lookup
}

export type AccessChange = { ok: true } | { ok: false; code: string; message: string }

const RECORD = `mutation ProgramsRecordReferralAccess($input: RecordReferralAccessInput!) {
  recordReferralAccess(input: $input) { userErrors { code message } }
}`
const END = `mutation ProgramsEndReferralAccess($input: EndReferralAccessInput!) {
  endReferralAccess(input: $input) { userErrors { code message } }
}`

async function changeAccess(caller: PeerCaller, mutation: string, field: string, input: Record<string, unknown>): Promise<AccessChange> {
  const result = await callPeer<Record<string, { userErrors: { code: string; message: string }[] } | null>>(householdsUrl(), caller, mutation, { input })
  const payload = result.ok ? result.data[field] : null
  if (!payload) return { ok: false, code: 'UNREACHABLE', message: 'The households service cannot be reached' }
  return payload.userErrors.length ? { ok: false, ...payload.userErrors[0] } : { ok: true }
}

/**
 * Tells the households subgraph, as the caller, that a referral lets the receiving organisation
 * see the household's COARSE facts until `until` (households caps it at the sender's consent, and
 * ends it when that consent is revoked): the access rule's REFERRAL basis.
 */
export const recordReferralAccess = (caller: PeerCaller, input: { referralId: string; householdId: string; organisationId: string; until: Date }) =>
  changeAccess(caller, RECORD, 'recordReferralAccess', { ...input, until: input.until.toISOString() })

/** Ends that grant (the referral was declined, cancelled or completed). */
export const endReferralAccess = (caller: PeerCaller, referralId: string) => changeAccess(caller, END, 'endReferralAccess', { referralId })
