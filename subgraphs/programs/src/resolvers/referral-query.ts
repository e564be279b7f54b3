import { badUserInput, isId, parsePage, toConnection, unauthenticated } from '@nanum/subgraph-kit'
import * as referralQueries from '../db/referral-queries.js'
import { actsForReferrals } from '../rules/referral-lifecycle.js'
import { expireDue } from './referral-mutations.js'
import { referralFilter, type ReferralListArgs } from './referral.js'
import type { Context } from '../context.js'


const emptyConnection = { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: 0 }

async function list(side: 'to' | 'from', args: ReferralListArgs, ctx: Context) {
  const page = parsePage(args, ['timestamp', 'id'])
  const caller = ctx.caller
  if (!actsForReferrals(caller)) return emptyConnection
  await expireDue(ctx)
  const filter = referralFilter(args.filter)
  const rows = await referralQueries.referralsOfOrganisation(ctx.database.db, side, caller.organisationId, filter, page)
  return toConnection(rows, page, referralQueries.referralCursor, () => referralQueries.countReferralsOfOrganisation(ctx.database.db, side, caller.organisationId, filter))
}

export const ReferralQuery = {
  referral: async (_: unknown, args: { id: string }, ctx: Context) => {
    const caller = ctx.caller
    if (!isId(args.id) || !actsForReferrals(caller)) return null
    await expireDue(ctx)
    const referral = await ctx.loaders.referral.load(args.id.toLowerCase())
    return referral && [referral.fromOrganisationId, referral.toOrganisationId].includes(caller.organisationId) ? referral : null
  },
  referralMetrics: async (_: unknown, args: { from: Date; to: Date; groupBy: referralQueries.MetricsGrouping }, ctx: Context) => {
    const caller = ctx.caller
    if (caller.kind !== 'user') throw unauthenticated('Sign in to read referral figures')
    if (!(args.from < args.to)) throw badUserInput('to', 'must be after from')
    await expireDue(ctx)
    const everyone = caller.roles.some((role) => role === 'SYSTEM_ADMIN' || role === 'COUNCIL_MEMBER')
    const rows = await referralQueries.referralMetrics(ctx.database.db, args, args.groupBy, everyone ? null : caller.organisationId)
    return rows.map(({ key, ...figures }) => ({
      ...figures,
      organisation: args.groupBy === 'ORGANISATION' || args.groupBy === 'SENDING_ORGANISATION' ? { id: key } : null,
      program: args.groupBy === 'PROGRAM' ? () => ctx.loaders.program.load(key) : null,
      month: args.groupBy === 'MONTH' ? key : null,
    }))
  },
  referralInbox: (_: unknown, args: ReferralListArgs, ctx: Context) => list('to', args, ctx),
  sentReferrals: (_: unknown, args: ReferralListArgs, ctx: Context) => list('from', args, ctx),
}
