import { isId, parsePage, type PageArgs } from '@nanum/subgraph-kit'
import type { OrganisationRow } from '../db/tables.js'
import type { Context } from '../context.js'

export const Organisation = {
  __resolveReference: (reference: { id: string }, ctx: Context) =>
    isId(reference.id) ? ctx.loaders.organisation.load(reference.id.toLowerCase()) : null,

  centres: (organisation: OrganisationRow, args: PageArgs, ctx: Context) =>
    ctx.loaders.centresOfOrganisation(parsePage(args, ['text', 'id'])).load(organisation.id),
}
