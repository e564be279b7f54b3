import { DAYS_OF_WEEK, INCOME_BANDS, VULNERABILITY_FLAGS } from '@nanum/vocabulary'
import { z } from 'zod'
import { areaProblem } from '@nanum/areas'
import { isId, userError, type UserError } from '@nanum/subgraph-kit'
import {
  APPLICATION_METHODS,
  FUNDINGS,
  LIFE_STAGES,
  PROGRAM_CATEGORIES,
  TARGET_GROUPS,
  type NewProgramRow,
  type ProgramRow,
} from '../db/tables.js'
import type { ProgramChanges, ProgramLinks } from '../db/queries.js'
import { isLanguageCode } from '@nanum/locale'

/**
 * Validation of the program mutations' input. Each problem carries the path of its field from
 * `input` (zod issue paths), so a client can show the message beside the field. Ids of
 * organisations and centres must be well-formed but are not looked up: they belong to the centres
 * subgraph, which this one never reads.
 */

const id = z
  .string()
  .refine(isId, { message: 'is not a valid id (expected a UUID)' })
  .transform((value) => value.toLowerCase())
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
const age = z.int('must be a whole number').min(0, 'must be 0 or more').max(150, 'must be 150 or less')
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM (00:00 to 23:59)')
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, `must have at most ${max} entries`)
    .transform((list) => [...new Set(list)] as z.infer<T>[])

const serviceArea = z
  .object({ district: z.string().trim(), dong: z.string().trim().nullish() })
  .superRefine((area, ctx) => {
    const problem = areaProblem(area.district, area.dong)
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message })
  })
  .transform((area) => ({ district: area.district, dong: area.dong || null }))

const eligibility = z
  .object({
    minAge: age.nullish(),
    maxAge: age.nullish(),
    maxIncomeBand: z.enum(INCOME_BANDS).nullish(),
    residencyRequired: z.boolean().nullish(),
    requiredHouseholdFlags: uniqueList(z.enum(VULNERABILITY_FLAGS), 10).nullish(),
    requiredDocuments: z.array(text(200)).max(20, 'must have at most 20 entries').nullish(),
    description: text(1000).nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.minAge != null && value.maxAge != null && value.maxAge < value.minAge)
      ctx.addIssue({ code: 'custom', path: ['maxAge'], message: `must not be below minAge (${value.minAge})` })
  })

const session = z
  .object({ day: z.enum(DAYS_OF_WEEK), opens: localTime, closes: localTime })
  .superRefine((value, ctx) => {
    if (value.closes <= value.opens) ctx.addIssue({ code: 'custom', path: ['closes'], message: `must be after opens (${value.opens})` })
  })

const schedule = z
  .object({ sessions: z.array(session).max(50, 'must have at most 50 sessions').nullish(), description: text(1000).nullish() })
  .superRefine((value, ctx) => {
    const seen = new Set<string>()
    value.sessions?.forEach((s, i) => {
      const key = `${s.day} ${s.opens}`
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['sessions', i], message: `repeats the session starting ${s.day} ${s.opens}` })
      seen.add(key)
    })
  })

const programFields = {
  name: text(200),
  alternateName: text(200).nullish(),
  description: text(5000),
  category: z.enum(PROGRAM_CATEGORIES),
  lifeStages: uniqueList(z.enum(LIFE_STAGES), LIFE_STAGES.length),
  targetGroups: uniqueList(z.enum(TARGET_GROUPS), TARGET_GROUPS.length),
  coProviderIds: uniqueList(id, 20),
  funding: z.enum(FUNDINGS),
  centreIds: uniqueList(id, 200),
  serviceArea: z.array(serviceArea).max(100, 'must have at most 100 areas'),
  eligibility: eligibility.nullish(),
  cost: z.int('must be a whole number of KRW').min(0, 'must be 0 or more').nullish(),
  costDescription: text(500).nullish(),
  schedule: schedule.nullish(),
  howToApply: uniqueList(z.enum(APPLICATION_METHODS), APPLICATION_METHODS.length),
  applicationUrl: z
    .string()
    .trim()
    .max(500)
    .refine((value) => /^https?:\/\/\S+$/.test(value), 'must be an http or https URL')
    .nullish(),
  applicationPhone: z
    .string()
    .trim()
    .regex(/^[0-9+][0-9 ()-]{2,19}$/, 'must be a telephone number, e.g. 02-2155-6114')
    .nullish(),
  languages: uniqueList(
    z
      .string()
      .trim()
      .refine(isLanguageCode, 'must be an ISO 639-1 code in lower case, e.g. "ko"'),
    20,
  ),
  startDate: z.string().nullish(),
  endDate: z.string().nullish(),
}

function checkDates(value: { startDate?: string | null; endDate?: string | null }, ctx: z.RefinementCtx) {
  if (value.startDate && value.endDate && value.endDate < value.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: `must not be before startDate (${value.startDate})` })
}

export const createProgramInput = z
  .object({
    id: id.nullish(),
    providerId: id,
    ...programFields,
    lifeStages: programFields.lifeStages.nullish(),
    targetGroups: programFields.targetGroups.nullish(),
    coProviderIds: programFields.coProviderIds.nullish(),
    funding: programFields.funding.nullish(),
    centreIds: programFields.centreIds.nullish(),
    serviceArea: programFields.serviceArea.nullish(),
    howToApply: programFields.howToApply.nullish(),
    languages: programFields.languages.nullish(),
    capacity: z.int('must be a whole number').min(0, 'must be 0 or more').nullish(),
  })
  .superRefine(checkDates)

// Omitted keeps a value; null is accepted only where the field is nullable.
export const updateProgramInput = z
  .object({
    id,
    name: programFields.name.optional(),
    alternateName: programFields.alternateName,
    description: programFields.description.optional(),
    category: programFields.category.optional(),
    lifeStages: programFields.lifeStages.optional(),
    targetGroups: programFields.targetGroups.optional(),
    coProviderIds: programFields.coProviderIds.optional(),
    funding: programFields.funding.optional(),
    centreIds: programFields.centreIds.optional(),
    serviceArea: programFields.serviceArea.optional(),
    eligibility: programFields.eligibility,
    cost: programFields.cost,
    costDescription: programFields.costDescription,
    schedule: programFields.schedule,
    howToApply: programFields.howToApply.optional(),
    applicationUrl: programFields.applicationUrl,
    applicationPhone: programFields.applicationPhone,
    languages: programFields.languages.optional(),
    startDate: programFields.startDate,
    endDate: programFields.endDate,
  })
  .superRefine(checkDates)

export const closeProgramInput = z.object({
  id,
  status: z.enum(['TEMPORARILY_CLOSED', 'INACTIVE']),
  reason: text(500),
})

export const reopenProgramInput = z.object({ id })

export const setProgramCapacityInput = z
  .object({
    id,
    capacity: z.int('must be a whole number').min(0, 'must be 0 or more').nullish(),
    seatsTaken: z.int('must be a whole number').min(0, 'must be 0 or more').nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.capacity != null && value.seatsTaken != null && value.seatsTaken > value.capacity)
      ctx.addIssue({ code: 'custom', path: ['seatsTaken'], message: `must not be above capacity (${value.capacity})` })
  })

export type CreateProgramInput = z.infer<typeof createProgramInput>
export type UpdateProgramInput = z.infer<typeof updateProgramInput>

type ProgramFields = Partial<Omit<CreateProgramInput, 'providerId' | 'id'>>

/** The columns and links a validated input sets; fields absent from the input are left out. */
export function programChanges(input: ProgramFields): { changes: ProgramChanges; links: ProgramLinks } {
  const changes: ProgramChanges = {}
  const links: ProgramLinks = {}
  const set = <K extends keyof ProgramChanges>(key: K, value: ProgramChanges[K] | undefined) => {
    if (value !== undefined) changes[key] = value
  }
  set('name', input.name)
  set('alternateName', input.alternateName)
  set('description', input.description)
  set('category', input.category)
  set('lifeStages', input.lifeStages ?? undefined)
  set('targetGroups', input.targetGroups ?? undefined)
  set('coProviderOrganisationIds', input.coProviderIds ?? undefined)
  set('funding', input.funding ?? undefined)
  set('serviceAreas', input.serviceArea ?? undefined)
  set('cost', input.cost)
  set('costDescription', input.costDescription)
  set('capacity', input.capacity)
  set('howToApply', input.howToApply ?? undefined)
  set('applicationUrl', input.applicationUrl)
  set('applicationPhone', input.applicationPhone)
  set('languages', input.languages ?? undefined)
  set('startDate', input.startDate)
  set('endDate', input.endDate)
  // Eligibility and schedule are replaced whole: what the new value omits is cleared.
  if (input.eligibility !== undefined) {
    const e = input.eligibility ?? {}
    Object.assign(changes, {
      minAge: e.minAge ?? null,
      maxAge: e.maxAge ?? null,
      maxIncomeBand: e.maxIncomeBand ?? null,
      residencyRequired: e.residencyRequired ?? false,
      requiredHouseholdFlags: e.requiredHouseholdFlags ?? [],
      requiredDocuments: e.requiredDocuments ?? [],
      eligibilityDescription: e.description ?? null,
    } satisfies ProgramChanges)
  }
  if (input.schedule !== undefined) {
    changes.scheduleDescription = input.schedule?.description ?? null
    links.sessions = input.schedule?.sessions ?? []
  }
  if (input.centreIds != null) links.centreIds = input.centreIds
  return { changes, links }
}

/** Problems that only show against the stored program: dates changed on one side only. */
export function updateProblems(stored: ProgramRow, input: UpdateProgramInput): UserError[] {
  const startDate = input.startDate !== undefined ? input.startDate : stored.startDate
  const endDate = input.endDate !== undefined ? input.endDate : stored.endDate
  if (startDate && endDate && endDate < startDate) {
    const field = input.endDate !== undefined ? 'endDate' : 'startDate'
    return [userError('INVALID_VALUE', ['input', field], `the program would end (${endDate}) before it starts (${startDate})`)]
  }
  return []
}

/** The row of a new program. */
export function newProgramRow(input: CreateProgramInput, id: string): NewProgramRow & { id: string } {
  const { changes } = programChanges(input)
  return {
    ...changes,
    id,
    name: input.name,
    description: input.description,
    category: input.category,
    providerOrganisationId: input.providerId,
  }
}
