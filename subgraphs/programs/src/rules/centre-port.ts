import { entitiesAsCaller, peerUrl, type PeerCaller, type PeerFailure } from '@nanum/subgraph-kit'

/**
 * Which organisation operates a centre, asked of the centres subgraph that owns centres: a
 * referral names its sending centre, which must be one of the sender's own.
 */
export type CentreLookup = { ok: true; organisationId: string | null } | PeerFailure

const centresUrl = () => peerUrl('centres', 'http://127.0.0.1:4001/graphql')

/** The organisation operating `centreId`; null when no centre has that id. */
export async function centreOperator(caller: PeerCaller, centreId: string): Promise<CentreLookup> {
  const lookup = await entitiesAsCaller(centresUrl(), caller, 'Centre', [centreId], 'organisation { id }')
  if (!lookup.ok) return lookup
  const organisation = lookup.data.get(centreId)?.organisation as { id?: unknown } | null | undefined
  return { ok: true, organisationId: typeof organisation?.id === 'string' ? organisation.id : null }
}
