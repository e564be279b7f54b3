import { badUserInput, extendedEntity } from '@nanum/subgraph-kit'
import type { Context } from '../context.js'

const THIRTY_DAYS = 30 * 24 * 60 * 60 * 1000

/** Centres are owned by the centres subgraph; this one adds the outreach counts of the cases handled there. */
export const Centre = {
  // The representation carries the staff counts `outreach` @requires.
  __resolveReference: extendedEntity,

  outreach: async (centre: { id: string; welfareWorkers?: number | null; visitingNurses?: number | null }, args: { period?: { from: Date; to: Date } | null }, ctx: Context) => {
    if (ctx.caller.kind !== 'user') return null
    const to = args.period?.to ?? new Date()
    const from = args.period?.from ?? new Date(to.getTime() - THIRTY_DAYS)
    if (to <= from) throw badUserInput('period.to', 'must be after `from`')
    const { cases, visitRoles } = await ctx.loaders.centreOutreach({ from: from.toISOString(), to: to.toISOString() }).load(centre.id)
    const openCases = cases.filter((row) => row.status !== 'CLOSED').reduce((sum, row) => sum + row.n, 0)
    const staff = centre.welfareWorkers == null || centre.visitingNurses == null ? null : centre.welfareWorkers + centre.visitingNurses
    return {
      openCases,
      householdsPerWorker: staff ? Math.round((openCases / staff) * 100) / 100 : null,
      casesByStatus: cases.map((row) => ({ status: row.status, count: row.n })),
      visitsByRole: visitRoles.map((row) => ({ role: row.role, count: row.n })),
      completedVisits: visitRoles.reduce((sum, row) => sum + row.n, 0),
    }
  },
}
