import { badUserInput, forbidden, parseId, toConnection, unauthenticated, type PageArgs } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import { donationMetrics } from '../db/metrics.js'
import { parseCreatedPage, parseItemFilter, parseItemPage, parseNeedFilter, parseSuggestionCount } from '../arguments.js'
import { itemVisibility } from '../rules/visibility.js'
import { canManageFor, needVisibility } from '../rules/access.js'
import { suggestItemsForNeed, suggestNeedsForItem } from '../matching/index.js'
import { loadMatchingData, toMatchItem, toMatchNeed } from '../matching-run.js'
import { matchingRules } from './matching-rules.js'
import type { Context } from '../context.js'

function requireNeedVisibility(ctx: Context) {
  const visibility = needVisibility(ctx.caller)
  if (!visibility) throw unauthenticated('Sign in to see needs')
  return visibility
}

const managingOrganisation = (ctx: Context) => (ctx.caller.kind === 'user' && !ctx.caller.roles.includes('SYSTEM_ADMIN') ? ctx.caller.organisationId : null)

export const Query = {
  donationItem: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.donationItem.load(parseId(args.id)),

  donationItems: async (_: unknown, args: PageArgs & { filter?: queries.DonationItemFilter | null }, ctx: Context) => {
    const page = parseItemPage(args)
    const filter = parseItemFilter(args.filter)
    const visibility = itemVisibility(ctx.caller)
    const rows = await queries.listDonationItems(ctx.database.db, filter, visibility, page)
    return toConnection(rows, page, queries.donationItemCursor, () => queries.countDonationItems(ctx.database.db, filter, visibility))
  },

  need: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.need.load(parseId(args.id)),

  needs: async (_: unknown, args: PageArgs & { filter?: queries.NeedFilter | null }, ctx: Context) => {
    const visibility = requireNeedVisibility(ctx)
    const page = parseCreatedPage(args)
    const filter = parseNeedFilter(args.filter)
    const rows = await queries.listNeeds(ctx.database.db, filter, visibility, page)
    return toConnection(rows, page, queries.needCursor, () => queries.countNeeds(ctx.database.db, filter, visibility))
  },

  match: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.match.load(parseId(args.id)),

  matchingRules: () => matchingRules(),

  matchSuggestionsForItem: async (_: unknown, args: { itemId: string; first?: number | null }, ctx: Context) => {
    const count = parseSuggestionCount(args.first)
    const item = await ctx.loaders.donationItem.load(parseId(args.itemId, 'itemId'))
    if (!item) return []
    if (!canManageFor(ctx.caller, item.intermediaryOrganisationId)) throw forbidden("Only the item's intermediary staff may see suggestions for it")
    const now = new Date()
    const data = await loadMatchingData(ctx.database, { organisationId: managingOrganisation(ctx) ?? item.intermediaryOrganisationId, itemId: item.id }, now)
    return suggestNeedsForItem(toMatchItem(item), data.needs, data.input)
      .slice(0, count)
      .map((suggestion) => ({ need: data.needRows.get(suggestion.candidate.id), score: suggestion.breakdown }))
  },

  matchSuggestionsForNeed: async (_: unknown, args: { needId: string; first?: number | null }, ctx: Context) => {
    const count = parseSuggestionCount(args.first)
    const need = await ctx.loaders.need.load(parseId(args.needId, 'needId'))
    if (!need) return []
    if (!canManageFor(ctx.caller, need.recordedByOrganisationId)) throw forbidden('Only staff of the recording organisation may see suggestions for this need')
    const now = new Date()
    const data = await loadMatchingData(ctx.database, { organisationId: managingOrganisation(ctx) ?? need.recordedByOrganisationId, needId: need.id }, now)
    return suggestItemsForNeed(toMatchNeed(need, now), data.items, data.input)
      .slice(0, count)
      .map((suggestion) => ({ item: data.itemRows.get(suggestion.candidate.id), score: suggestion.breakdown }))
  },

  donationMetrics: async (
    _: unknown,
    args: { filter?: { centreId?: string | null; category?: queries.DonationItemFilter['category']; from?: Date | null; to?: Date | null } | null },
    ctx: Context,
  ) => {
    if (ctx.caller.kind !== 'user') throw unauthenticated('Sign in to see donation metrics')
    const filter = args.filter ?? {}
    const centreId = filter.centreId != null ? parseId(filter.centreId, 'filter.centreId') : null
    if (filter.from && filter.to && filter.from >= filter.to) throw badUserInput('filter.to', 'must be after filter.from')
    const metrics = await donationMetrics(ctx.database, { organisationId: managingOrganisation(ctx), centreId, category: filter.category, from: filter.from, to: filter.to })
    return {
      ...metrics,
      byCentre: metrics.byCentre.map((row) => ({ centre: { id: row.centreId }, figures: row.figures })),
    }
  },
}
