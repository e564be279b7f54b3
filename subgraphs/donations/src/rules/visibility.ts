import type { Caller } from '@nanum/subgraph-kit'
import type { DonationItemStatus } from '../db/tables.js'

/**
 * Which donation items a caller may see: `statuses` lists the visible statuses, or is null when
 * every status is visible. Anonymous callers read the public directory of goods, so they see only
 * items still AVAILABLE; any authenticated caller (any role, any organisation) sees every status,
 * as intermediaries need reserved and allocated items to do their work.
 *
 * Queries apply this as a WHERE condition (see `visibleItems` in db/queries.ts), never by
 * filtering rows afterwards, so page sizes and totalCount stay correct.
 */
export interface ItemVisibility {
  statuses: readonly DonationItemStatus[] | null
}

export function itemVisibility(caller: Caller): ItemVisibility {
  return caller.kind === 'anonymous' ? { statuses: ['AVAILABLE'] } : { statuses: null }
}
