import type { GraphQLResolveInfo } from 'graphql'
import { areaProblem } from '@nanum/areas'
import { badUserInput, forbidden, parseId, parsePage, toConnection, type PageArgs } from '@nanum/subgraph-kit'
import * as queries from '../db/queries.js'
import { householdListScope, isHandlingStaffWith, requireSignedIn, VISIT_PLANNER_ROLES } from '../rules/access.js'
import { withAccess } from '../loaders.js'
import type { Context } from '../context.js'
import { visibleOrNull } from './guard.js'

const reader = (ctx: Context): queries.Reader => {
  requireSignedIn(ctx.caller)
  const caller = ctx.caller as Extract<Context['caller'], { kind: 'user' }>
  return { userId: caller.userId, organisationId: caller.organisationId }
}

export const Query = {
  household: async (_: unknown, args: { id: string }, ctx: Context, info: GraphQLResolveInfo) => {
    requireSignedIn(ctx.caller)
    return visibleOrNull(ctx, await ctx.loaders.household.load(parseId(args.id)), info)
  },

  households: async (_: unknown, args: PageArgs & { filter?: queries.HouseholdFilter | null }, ctx: Context) => {
    const scope = householdListScope(ctx.caller)
    const page = parsePage(args, ['timestamp', 'id'])
    const filter = { ...args.filter }
    if (filter.handlingCentreId) filter.handlingCentreId = parseId(filter.handlingCentreId, 'filter.handlingCentreId')
    const rows = withAccess(ctx.caller, await queries.listHouseholds(ctx.database.db, scope, filter, page, reader(ctx)))
    return toConnection(rows, page, queries.householdCursor, () => queries.countHouseholds(ctx.database.db, scope, filter))
  },

  myUpcomingVisits: async (_: unknown, args: PageArgs, ctx: Context) => {
    const me = reader(ctx)
    const page = parsePage(args, ['timestamp', 'id'])
    const rows = await queries.upcomingVisitsOf(ctx.database.db, me, page)
    return toConnection(rows, page, queries.visitCursor, () => queries.countUpcomingVisitsOf(ctx.database.db, me))
  },

  overdueMonitoringVisits: async (_: unknown, args: PageArgs & { neverVisitedForDays?: number | null }, ctx: Context) => {
    const me = reader(ctx)
    if (!isHandlingStaffWith(ctx.caller, me.organisationId, VISIT_PLANNER_ROLES))
      throw forbidden('Overdue visits are for the CASEWORKER, NURSE and ORG_ADMIN roles')
    const days = args.neverVisitedForDays ?? 30
    if (!Number.isInteger(days) || days < 1 || days > 3650) throw badUserInput('neverVisitedForDays', `must be between 1 and 3650 (got ${days})`)
    const page = parsePage(args, ['timestamp', 'id'])
    const rows = withAccess(ctx.caller, await queries.listOverdueMonitoring(ctx.database.db, me.organisationId, days, page, me))
    return toConnection(rows, page, queries.householdCursor, () => queries.countOverdueMonitoring(ctx.database.db, me.organisationId, days))
  },

  outreachStatistics: async (
    _: unknown,
    args: { filter: { district: string; dong?: string | null; period: { from: Date; to: Date } } },
    ctx: Context,
  ) => {
    requireSignedIn(ctx.caller)
    const { district, dong, period } = args.filter
    const problem = areaProblem(district, dong)
    if (problem) throw badUserInput(`filter.${problem.field}`, problem.message)
    if (period.to <= period.from) throw badUserInput('filter.period.to', 'must be after `from`')
    const figures = await queries.outreachStatistics(ctx.database.db, { district, dong, ...period })
    const moved = (status: string) => figures.transitions.find((row) => row.status === status)?.n ?? 0
    return {
      district,
      dong: dong ?? null,
      discovered: figures.discovered.reduce((sum, row) => sum + row.n, 0),
      discoveredBySource: figures.discovered.map((row) => ({ source: row.source, count: row.n })),
      assessed: moved('ASSESSED'),
      supported: moved('SUPPORTED'),
      monitored: moved('MONITORING'),
      closed: moved('CLOSED'),
      visitsByRole: figures.visitRoles.map((row) => ({ role: row.role, count: row.n })),
    }
  },
}
