import { z } from 'zod'
import { areaProblem } from '@nanum/areas'
import { isId, parseInput, unauthenticated, userError, type Caller, type UserError } from '@nanum/subgraph-kit'
import * as writes from '../db/writes.js'
import { donationItems, type DonationItemRow } from '../db/tables.js'
import { canManageFor } from '../rules/access.js'
import { normaliseSize, sizeProblem } from '../rules/taxonomy.js'
import type { Context } from '../context.js'

const CATEGORIES = donationItems.category.enumValues
const CONDITIONS = donationItems.condition.enumValues

const id = z.string().refine(isId, 'must be a UUID').transform((value) => value.toLowerCase())
const ageMonths = z.number().int().min(0, 'must be 0 or more').max(240, 'must be at most 240 (20 years)')
const photoUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:'
    } catch {
      return false
    }
  }, 'must be an https URL')

const itemFields = {
  title: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().trim().max(2000).nullish(),
  condition: z.enum(CONDITIONS),
  minAgeMonths: ageMonths.nullish(),
  maxAgeMonths: ageMonths.nullish(),
  size: z.string().trim().min(1).max(20).nullish(),
  quantity: z.number().int().min(1, 'must be at least 1').max(1000),
  photoUrls: z.array(photoUrl).max(10, 'at most 10 photos'),
  availableUntil: z.date().nullish(),
}

const listSchema = z.object({
  ...itemFields,
  category: z.enum(CATEGORIES),
  quantity: itemFields.quantity.nullish(),
  photoUrls: itemFields.photoUrls.nullish(),
  heldAtCentreId: id,
  district: z.string().trim().min(1),
  dong: z.string().trim().min(1).nullish(),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  donorOrganisationId: id.nullish(),
  individualDonor: z.object({ displayName: z.string().trim().min(1).max(100), contact: z.string().trim().max(200).nullish() }).nullish(),
})

const updateSchema = z.object({
  itemId: id,
  title: itemFields.title.optional(),
  description: itemFields.description,
  condition: itemFields.condition.nullish(),
  minAgeMonths: itemFields.minAgeMonths,
  maxAgeMonths: itemFields.maxAgeMonths,
  size: itemFields.size,
  quantity: itemFields.quantity.nullish(),
  photoUrls: itemFields.photoUrls.nullish(),
  availableUntil: itemFields.availableUntil,
})

const withdrawSchema = z.object({ itemId: id, reason: z.string().trim().max(500).nullish() })

const cleaningSchema = z
  .object({ itemId: id, cleanedByOrganisationId: id.nullish(), cleanedAt: z.date().nullish(), inspectedAt: z.date().nullish() })
  .refine((input) => input.cleanedAt != null || input.inspectedAt != null, { message: 'give cleanedAt or inspectedAt', path: ['cleanedAt'] })

export function requireUser(caller: Caller): asserts caller is Extract<Caller, { kind: 'user' }> {
  if (caller.kind !== 'user') throw unauthenticated('Sign in to change donations')
}

export const actorOf = (caller: Extract<Caller, { kind: 'user' }>) => ({ userId: caller.userId, organisationId: caller.organisationId })

/** Rules that span fields: the age range, the size convention, the donor, dates. */
function itemProblems(input: { category: DonationItemRow['category']; minAgeMonths?: number | null; maxAgeMonths?: number | null; size?: string | null; availableUntil?: Date | null }, now: Date): UserError[] {
  const problems: UserError[] = []
  if (input.minAgeMonths != null && input.maxAgeMonths != null && input.minAgeMonths > input.maxAgeMonths)
    problems.push(userError('INVALID_VALUE', ['input', 'maxAgeMonths'], 'must not be below minAgeMonths'))
  if (input.size != null) {
    const problem = sizeProblem(input.category, input.size)
    if (problem) problems.push(userError('INVALID_VALUE', ['input', 'size'], problem))
  }
  if (input.availableUntil != null && input.availableUntil <= now)
    problems.push(userError('INVALID_VALUE', ['input', 'availableUntil'], 'must be in the future'))
  return problems
}

/** Loads an item the caller may manage, or says why not. */
async function manageableItem(ctx: Context, itemId: string): Promise<{ item: DonationItemRow } | { userErrors: UserError[] }> {
  const item = await ctx.loaders.donationItem.load(itemId)
  if (!item) return { userErrors: [userError('NOT_FOUND', ['input', 'itemId'], 'no item has this id')] }
  if (!canManageFor(ctx.caller, item.intermediaryOrganisationId))
    return { userErrors: [userError('NOT_ALLOWED', ['input', 'itemId'], "only the intermediary organisation's INTERMEDIARY or ORG_ADMIN staff may change this item")] }
  return { item }
}

export const itemMutations = {
  listDonationItem: async (_: unknown, args: { input: unknown }, ctx: Context) => {
    requireUser(ctx.caller)
    const parsed = parseInput(listSchema, args.input)
    if (!parsed.ok) return { item: null, userErrors: parsed.userErrors }
    const input = parsed.value
    const now = new Date()
    const problems = itemProblems(input, now)
    const area = areaProblem(input.district, input.dong)
    if (area) problems.push(userError('INVALID_VALUE', ['input', area.field], area.message))
    if (input.donorOrganisationId && input.individualDonor)
      problems.push(userError('INVALID_VALUE', ['input', 'individualDonor'], 'give either donorOrganisationId or individualDonor, not both'))
    if ((input.latitude == null) !== (input.longitude == null))
      problems.push(userError('INVALID_VALUE', ['input', input.latitude == null ? 'latitude' : 'longitude'], 'give both latitude and longitude, or neither'))
    if (problems.length) return { item: null, userErrors: problems }
    if (!ctx.caller.roles.some((role) => role === 'INTERMEDIARY' || role === 'ORG_ADMIN' || role === 'SYSTEM_ADMIN'))
      return { item: null, userErrors: [userError('NOT_ALLOWED', null, 'only INTERMEDIARY or ORG_ADMIN staff may list items')] }
    const quantity = input.quantity ?? 1
    const item = await writes.listItem(ctx.database.db, actorOf(ctx.caller), {
      title: input.title,
      description: input.description ?? null,
      category: input.category,
      condition: input.condition,
      minAgeMonths: input.minAgeMonths ?? null,
      maxAgeMonths: input.maxAgeMonths ?? null,
      size: input.size != null ? normaliseSize(input.size) : null,
      quantity,
      quantityAvailable: quantity,
      photoUrls: input.photoUrls ?? [],
      heldAtCentreId: input.heldAtCentreId,
      district: input.district,
      dong: input.dong ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      donorOrganisationId: input.donorOrganisationId ?? null,
      donorDisplayName: input.individualDonor?.displayName ?? null,
      donorContact: input.individualDonor?.contact ?? null,
      intermediaryOrganisationId: ctx.caller.organisationId,
      availableUntil: input.availableUntil ?? null,
    })
    return { item, userErrors: [] }
  },

  updateDonationItem: async (_: unknown, args: { input: unknown }, ctx: Context) => {
    requireUser(ctx.caller)
    const parsed = parseInput(updateSchema, args.input)
    if (!parsed.ok) return { item: null, userErrors: parsed.userErrors }
    const { itemId, ...changes } = parsed.value
    const found = await manageableItem(ctx, itemId)
    if ('userErrors' in found) return { item: null, ...found }
    const { item } = found
    const merged = {
      category: item.category,
      minAgeMonths: changes.minAgeMonths !== undefined ? changes.minAgeMonths : item.minAgeMonths,
      maxAgeMonths: changes.maxAgeMonths !== undefined ? changes.maxAgeMonths : item.maxAgeMonths,
      size: changes.size ?? null,
      availableUntil: changes.availableUntil ?? null,
    }
    const problems = itemProblems(merged, new Date())
    if (problems.length) return { item: null, userErrors: problems }
    if (['WITHDRAWN', 'EXPIRED', 'HANDED_OVER'].includes(item.status))
      return { item: null, userErrors: [userError('CONFLICT', ['input', 'itemId'], `a ${item.status} item can no longer be changed`)] }
    const set: Partial<typeof donationItems.$inferInsert> = {}
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue
      if ((key === 'title' || key === 'condition' || key === 'quantity' || key === 'photoUrls') && value === null) continue
      ;(set as Record<string, unknown>)[key] = key === 'size' && typeof value === 'string' ? normaliseSize(value) : value
    }
    const result = await writes.updateItem(ctx.database.db, actorOf(ctx.caller), itemId, set, 'UPDATED')
    if (!result.ok)
      return { item: null, userErrors: [userError('CONFLICT', ['input', 'quantity'], `${result.promised} pieces are already reserved, allocated or handed over`)] }
    return { item: result.item, userErrors: [] }
  },

  withdrawDonationItem: async (_: unknown, args: { input: unknown }, ctx: Context) => {
    requireUser(ctx.caller)
    const parsed = parseInput(withdrawSchema, args.input)
    if (!parsed.ok) return { item: null, userErrors: parsed.userErrors }
    const found = await manageableItem(ctx, parsed.value.itemId)
    if ('userErrors' in found) return { item: null, ...found }
    const result = await writes.withdrawItem(ctx.database.db, actorOf(ctx.caller), parsed.value.itemId, parsed.value.reason ?? null, new Date())
    if (!result.ok) return { item: null, userErrors: [userError('CONFLICT', ['input', 'itemId'], `a ${result.status} item cannot be withdrawn`)] }
    return { item: result.item, userErrors: [] }
  },

  recordCleaning: async (_: unknown, args: { input: unknown }, ctx: Context) => {
    requireUser(ctx.caller)
    const parsed = parseInput(cleaningSchema, args.input)
    if (!parsed.ok) return { item: null, userErrors: parsed.userErrors }
    const { itemId, ...cleaning } = parsed.value
    const now = new Date()
    const problems: UserError[] = []
    for (const field of ['cleanedAt', 'inspectedAt'] as const)
      if (cleaning[field] && cleaning[field] > now) problems.push(userError('INVALID_VALUE', ['input', field], 'must not be in the future'))
    if (problems.length) return { item: null, userErrors: problems }
    const found = await manageableItem(ctx, itemId)
    if ('userErrors' in found) return { item: null, ...found }
    const set: Partial<typeof donationItems.$inferInsert> = {}
    if (cleaning.cleanedByOrganisationId !== undefined) set.cleanedByOrganisationId = cleaning.cleanedByOrganisationId
    if (cleaning.cleanedAt != null) set.cleanedAt = cleaning.cleanedAt
    if (cleaning.inspectedAt != null) set.inspectedAt = cleaning.inspectedAt
    const result = await writes.updateItem(ctx.database.db, actorOf(ctx.caller), itemId, set, 'CLEANED')
    return { item: result.ok ? result.item : null, userErrors: [] }
  },
}
