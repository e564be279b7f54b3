import { canManageOrganisation, hasRole, parseInput, userError, type UserError } from '@nanum/subgraph-kit'
import type { CentreRow, OrganisationRow } from '../db/tables.js'
import * as writes from '../db/writes.js'
import { isSelfOrDescendant } from '../db/queries.js'
import { requireSignedIn } from '../rules/access.js'
import {
  closeCentreInput,
  coordinatesProblem,
  createCentreInput,
  createOrganisationInput,
  reopenCentreInput,
  updateCentreInput,
  updateOrganisationInput,
} from '../rules/directory-input.js'
import type { Context } from '../context.js'

type Input = { input: unknown }
type OrganisationPayload = { organisation: OrganisationRow | null; userErrors: UserError[] }
type CentrePayload = { centre: CentreRow | null; userErrors: UserError[] }

const organisationFailed = (...userErrors: UserError[]): OrganisationPayload => ({ organisation: null, userErrors })
const centreFailed = (...userErrors: UserError[]): CentrePayload => ({ centre: null, userErrors })

const notAllowedToManage = (field: string[] | null) =>
  userError('NOT_ALLOWED', field, "Only the operating organisation's ORG_ADMIN or a SYSTEM_ADMIN may change its centres")

/** Address input as the centres table's columns. */
const addressColumns = (address: { address1: string; city: string | null; district: string; dong?: string | null; postalCode?: string | null; administrativeDongCode?: string | null }) => ({
  address: address.address1,
  city: address.city,
  district: address.district,
  dong: address.dong ?? null,
  postalCode: address.postalCode ?? null,
  administrativeDongCode: address.administrativeDongCode ?? null,
})

/** After a write, later fields of the same request must see the new rows, not what a loader cached. */
function forgetCentre(ctx: Context, row: CentreRow) {
  ctx.loaders.centre.clear(row.id).prime(row.id, row)
  ctx.loaders.openingHoursOfCentre.clear(row.id)
  ctx.loaders.hoursExceptionsOfCentre.clear(row.id)
}

function forgetOrganisation(ctx: Context, row: OrganisationRow) {
  ctx.loaders.organisation.clear(row.id).prime(row.id, row)
  ctx.loaders.contactsOfOrganisation.clear(row.id)
}

/** PostgreSQL's unique_violation (23505), possibly wrapped by drizzle as the error's cause. */
const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && ((error as { code?: string }).code === '23505' || isUniqueViolation((error as { cause?: unknown }).cause))

export const Mutation = {
  async createOrganisation(_: unknown, args: Input, ctx: Context): Promise<OrganisationPayload> {
    requireSignedIn(ctx.caller)
    const parsed = parseInput(createOrganisationInput, args.input)
    if (!parsed.ok) return organisationFailed(...parsed.userErrors)
    const { contacts, id: requestedId, ...fields } = parsed.value
    if (requestedId && (await ctx.loaders.organisation.load(requestedId)))
      return organisationFailed(userError('CONFLICT', ['input', 'id'], 'An organisation already has this id'))
    if (fields.parentOrganisationId && !(await ctx.loaders.organisation.load(fields.parentOrganisationId)))
      return organisationFailed(userError('NOT_FOUND', ['input', 'parentOrganisationId'], 'No organisation has this id'))
    if (!hasRole(ctx.caller, 'SYSTEM_ADMIN')) return organisationFailed(userError('NOT_ALLOWED', null, 'Only a SYSTEM_ADMIN may add organisations'))
    const row = await writes.createOrganisation(ctx.database.db, requestedId ? { ...fields, id: requestedId } : fields, contacts).catch((error) => {
      // Someone created the same id between the check and the insert.
      if (requestedId && isUniqueViolation(error)) return null
      throw error
    })
    if (!row) return organisationFailed(userError('CONFLICT', ['input', 'id'], 'An organisation already has this id'))
    forgetOrganisation(ctx, row)
    return { organisation: row, userErrors: [] }
  },

  async updateOrganisation(_: unknown, args: Input, ctx: Context): Promise<OrganisationPayload> {
    requireSignedIn(ctx.caller)
    const parsed = parseInput(updateOrganisationInput, args.input)
    if (!parsed.ok) return organisationFailed(...parsed.userErrors)
    const { id, contacts, ...fields } = parsed.value
    const existing = await ctx.loaders.organisation.load(id)
    if (!existing) return organisationFailed(userError('NOT_FOUND', ['input', 'id'], 'No organisation has this id'))
    const parentId = fields.parentOrganisationId
    if (parentId) {
      if (!(await ctx.loaders.organisation.load(parentId)))
        return organisationFailed(userError('NOT_FOUND', ['input', 'parentOrganisationId'], 'No organisation has this id'))
      if (await isSelfOrDescendant(ctx.database.db, id, parentId))
        return organisationFailed(
          userError('INVALID_VALUE', ['input', 'parentOrganisationId'], 'must not be the organisation itself or one of the organisations under it'),
        )
    }
    if (!canManageOrganisation(ctx.caller, id))
      return organisationFailed(userError('NOT_ALLOWED', null, "Only the organisation's ORG_ADMIN or a SYSTEM_ADMIN may change it"))
    const row = await writes.updateOrganisation(ctx.database.db, id, fields, contacts)
    if (!row) return organisationFailed(userError('NOT_FOUND', ['input', 'id'], 'No organisation has this id'))
    forgetOrganisation(ctx, row)
    return { organisation: row, userErrors: [] }
  },

  async createCentre(_: unknown, args: Input, ctx: Context): Promise<CentrePayload> {
    requireSignedIn(ctx.caller)
    const parsed = parseInput(createCentreInput, args.input)
    if (!parsed.ok) return centreFailed(...parsed.userErrors)
    const { address, openingHours, hoursExceptions, id: requestedId, ...fields } = parsed.value
    if (requestedId && (await ctx.loaders.centre.load(requestedId))) return centreFailed(userError('CONFLICT', ['input', 'id'], 'A centre already has this id'))
    if (!(await ctx.loaders.organisation.load(fields.organisationId)))
      return centreFailed(userError('NOT_FOUND', ['input', 'organisationId'], 'No organisation has this id'))
    if (!canManageOrganisation(ctx.caller, fields.organisationId)) return centreFailed(notAllowedToManage(['input', 'organisationId']))
    const row = await writes
      .createCentre(ctx.database.db, { ...fields, ...addressColumns(address), ...(requestedId ? { id: requestedId } : {}) }, openingHours, hoursExceptions)
      .catch((error) => {
        if (requestedId && isUniqueViolation(error)) return null
        throw error
      })
    if (!row) return centreFailed(userError('CONFLICT', ['input', 'id'], 'A centre already has this id'))
    forgetCentre(ctx, row)
    return { centre: row, userErrors: [] }
  },

  async updateCentre(_: unknown, args: Input, ctx: Context): Promise<CentrePayload> {
    requireSignedIn(ctx.caller)
    const parsed = parseInput(updateCentreInput, args.input)
    if (!parsed.ok) return centreFailed(...parsed.userErrors)
    const { id, address, openingHours, hoursExceptions, ...fields } = parsed.value
    const existing = await ctx.loaders.centre.load(id)
    if (!existing) return centreFailed(userError('NOT_FOUND', ['input', 'id'], 'No centre has this id'))
    const coordinates = coordinatesProblem(
      fields.latitude === undefined ? existing.latitude : fields.latitude,
      fields.longitude === undefined ? existing.longitude : fields.longitude,
    )
    if (coordinates) return centreFailed(userError('INVALID_VALUE', ['input', coordinates.field], coordinates.message))
    const moving = fields.organisationId !== undefined && fields.organisationId !== existing.organisationId
    if (moving && !(await ctx.loaders.organisation.load(fields.organisationId!)))
      return centreFailed(userError('NOT_FOUND', ['input', 'organisationId'], 'No organisation has this id'))
    if (!canManageOrganisation(ctx.caller, existing.organisationId)) return centreFailed(notAllowedToManage(['input', 'id']))
    if (moving && !canManageOrganisation(ctx.caller, fields.organisationId!)) return centreFailed(notAllowedToManage(['input', 'organisationId']))
    const row = await writes.updateCentre(
      ctx.database.db,
      id,
      { ...fields, ...(address ? addressColumns(address) : {}) },
      openingHours,
      hoursExceptions,
    )
    if (!row) return centreFailed(userError('NOT_FOUND', ['input', 'id'], 'No centre has this id'))
    forgetCentre(ctx, row)
    return { centre: row, userErrors: [] }
  },

  async closeCentre(_: unknown, args: Input, ctx: Context): Promise<CentrePayload> {
    requireSignedIn(ctx.caller)
    const parsed = parseInput(closeCentreInput, args.input)
    if (!parsed.ok) return centreFailed(...parsed.userErrors)
    const { id, reason, permanently } = parsed.value
    const existing = await ctx.loaders.centre.load(id)
    if (!existing) return centreFailed(userError('NOT_FOUND', ['input', 'id'], 'No centre has this id'))
    if (!canManageOrganisation(ctx.caller, existing.organisationId)) return centreFailed(notAllowedToManage(['input', 'id']))
    const status = permanently ? 'CLOSED' : 'TEMPORARILY_CLOSED'
    // A closed centre may be closed for good; a centre closed for good is not closed "for now" again.
    const row = await writes.changeCentreStatus(ctx.database.db, id, permanently ? ['ACTIVE', 'TEMPORARILY_CLOSED'] : ['ACTIVE'], status, reason)
    if (!row) return centreFailed(userError('CONFLICT', ['input', 'id'], `The centre is already ${permanently ? 'closed for good' : 'closed'}`))
    forgetCentre(ctx, row)
    return { centre: row, userErrors: [] }
  },

  async reopenCentre(_: unknown, args: Input, ctx: Context): Promise<CentrePayload> {
    requireSignedIn(ctx.caller)
    const parsed = parseInput(reopenCentreInput, args.input)
    if (!parsed.ok) return centreFailed(...parsed.userErrors)
    const existing = await ctx.loaders.centre.load(parsed.value.id)
    if (!existing) return centreFailed(userError('NOT_FOUND', ['input', 'id'], 'No centre has this id'))
    if (!canManageOrganisation(ctx.caller, existing.organisationId)) return centreFailed(notAllowedToManage(['input', 'id']))
    const row = await writes.changeCentreStatus(ctx.database.db, existing.id, ['TEMPORARILY_CLOSED', 'CLOSED'], 'ACTIVE', null)
    if (!row) return centreFailed(userError('CONFLICT', ['input', 'id'], 'The centre is already open'))
    forgetCentre(ctx, row)
    return { centre: row, userErrors: [] }
  },
}
