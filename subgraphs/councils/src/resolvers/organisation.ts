import { extendedEntity, parsePage, type PageArgs } from '@nanum/subgraph-kit'
import type { Context } from '../context.js'

/** Organisations are owned by the centres subgraph; this one only adds their council seats. */
export const Organisation = {
  __resolveReference: extendedEntity,

  councilMemberships: (organisation: { id: string }, args: PageArgs, ctx: Context) =>
    ctx.loaders.membershipsOfOrganisation(parsePage(args, ['date', 'id'])).load(organisation.id),
}
