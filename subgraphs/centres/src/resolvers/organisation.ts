import { isId, parsePage, type PageArgs } from '@nanum/subgraph-kit'
import type { OrganisationRow } from '../db/tables.js'
import type { Context } from '../context.js'

export const Organisation = {
  __resolveReference: (reference: { id: string }, ctx: Context) =>
    isId(reference.id) ? ctx.loaders.organisation.load(reference.id.toLowerCase()) : null,

  parentOrganisation: (organisation: OrganisationRow, _: unknown, ctx: Context) =>
    organisation.parentOrganisationId ? ctx.loaders.organisation.load(organisation.parentOrganisationId) : null,

  childOrganisations: (organisation: OrganisationRow, args: PageArgs, ctx: Context) =>
    ctx.loaders.childrenOfOrganisation(parsePage(args, ['text', 'id'])).load(organisation.id),

  contacts: (organisation: OrganisationRow, _: unknown, ctx: Context) => ctx.loaders.contactsOfOrganisation.load(organisation.id),

  centres: (organisation: OrganisationRow, args: PageArgs, ctx: Context) =>
    ctx.loaders.centresOfOrganisation(parsePage(args, ['text', 'id'])).load(organisation.id),
}
