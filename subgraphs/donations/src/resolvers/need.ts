import { isId } from '@nanum/subgraph-kit'
import type { ItemEventRow, MatchRow, NeedRow } from '../db/tables.js'
import type { Context } from '../context.js'

export const Need = {
  __resolveReference: (reference: { id: string }, ctx: Context) => (isId(reference.id) ? ctx.loaders.need.load(reference.id.toLowerCase()) : null),
  household: (need: NeedRow) => ({ __typename: 'Household', id: need.householdId }),
  recordedBy: (need: NeedRow) => ({ id: need.recordedByOrganisationId }),
}

export const Match = {
  __resolveReference: (reference: { id: string }, ctx: Context) => (isId(reference.id) ? ctx.loaders.match.load(reference.id.toLowerCase()) : null),
  item: (match: MatchRow, _: unknown, ctx: Context) => ctx.loaders.donationItem.load(match.itemId),
  need: (match: MatchRow, _: unknown, ctx: Context) => ctx.loaders.need.load(match.needId),
  household: (match: MatchRow) => ({ __typename: 'Household', id: match.householdId }),
}

export const ItemEvent = {
  match: (event: ItemEventRow, _: unknown, ctx: Context) => (event.matchId ? ctx.loaders.match.load(event.matchId) : null),
  actor: (event: ItemEventRow) => (event.actorOrganisationId ? { id: event.actorOrganisationId } : null),
}
