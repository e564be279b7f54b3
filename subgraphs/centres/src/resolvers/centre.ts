import { isId } from '@nanum/subgraph-kit'
import type { CentreRow } from '../db/tables.js'
import type { Context } from '../context.js'

export const Centre = {
  __resolveReference: (reference: { id: string }, ctx: Context) =>
    isId(reference.id) ? ctx.loaders.centre.load(reference.id.toLowerCase()) : null,

  organisation: (centre: CentreRow, _: unknown, ctx: Context) => ctx.loaders.organisation.load(centre.organisationId),
}
