/**
 * Validation of the directory mutations' inputs. Each problem becomes an INVALID_VALUE user error
 * whose path names the field (`["input", "openingHours", "2", "closes"]`), through the kit's
 * parseInput. Update inputs distinguish an omitted field (unchanged) from null (cleared).
 */
import { z } from 'zod'
import { areaProblem, findDistrict } from '@nanum/areas'
import { isId } from '@nanum/subgraph-kit'
import { isLanguageCode } from '@nanum/locale'

const id = z.string().refine(isId, 'is not a valid id (expected a UUID)').transform((value) => value.toLowerCase())
const requiredText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
/** Optional free text: blank counts as absent. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : value === undefined ? undefined : null))

const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{1,19}$/, 'must be a telephone number of digits, spaces and dashes, e.g. 02-330-1114')
const email = z.string().trim().pipe(z.email('must be an e-mail address'))
const website = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, 'must be an http(s) URL, e.g. https://www.sdm.go.kr')

const phones = z
  .array(
    z.object({
      number: phoneNumber,
      kind: z.enum(['MAIN', 'FAX', 'MOBILE', 'HOTLINE']).nullish().transform((kind) => kind ?? 'MAIN'),
      description: optionalText(200).transform((value) => value ?? null),
    }),
  )
  .max(20, 'must have at most 20 numbers')

const contacts = z
  .array(
    z.object({
      name: requiredText(100),
      role: optionalText(100).transform((value) => value ?? null),
      department: optionalText(100).transform((value) => value ?? null),
      phone: phoneNumber.nullish().transform((value) => value ?? null),
      email: email.nullish().transform((value) => value ?? null),
    }),
  )
  .max(50, 'must have at most 50 contacts')

const organisationFields = {
  alternateName: optionalText(200),
  description: optionalText(2000),
  parentOrganisationId: id.nullish(),
  registrationId: optionalText(50),
  website: website.nullish(),
  email: email.nullish(),
}

const sector = z.enum(['PUBLIC', 'PRIVATE', 'NONPROFIT'])
const organisationKind = z.string() as z.ZodType<import('../db/tables.js').OrganisationRow['kind']>

export const createOrganisationInput = z.object({
  id: id.nullish(),
  name: requiredText(200),
  sector,
  kind: organisationKind,
  ...organisationFields,
  phones: phones.nullish().transform((value) => value ?? []),
  contacts: contacts.nullish().transform((value) => value ?? []),
})

export const updateOrganisationInput = z.object({
  id,
  name: requiredText(200).optional(),
  sector: sector.optional(),
  kind: organisationKind.optional(),
  ...organisationFields,
  phones: phones.optional(),
  contacts: contacts.optional(),
})

const CLOCK_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/
const clockTime = z.string().regex(CLOCK_TIME, 'must be a time of day as HH:MM, 00:00 to 24:00')
// zod still runs an object's refinements when a field failed: compare only well-formed times.
const isClockTime = (value: string | null) => value !== null && CLOCK_TIME.test(value)
const days = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const

const openingHours = z
  .array(
    z
      .object({ day: z.enum(days), opens: clockTime, closes: clockTime })
      .superRefine((hours, ctx) => {
        if (isClockTime(hours.opens) && isClockTime(hours.closes) && hours.opens >= hours.closes)
          ctx.addIssue({ code: 'custom', path: ['closes'], message: 'must be later than opens' })
      }),
  )
  .max(50, 'must have at most 50 intervals')
  .superRefine((intervals, ctx) => {
    intervals.forEach((hours, i) => {
      const wellFormed = (entry: typeof hours) => isClockTime(entry.opens) && isClockTime(entry.closes) && entry.opens < entry.closes
      if (!wellFormed(hours)) return
      const overlapping = intervals.findIndex(
        (other, j) => j < i && wellFormed(other) && other.day === hours.day && other.opens < hours.closes && hours.opens < other.closes,
      )
      if (overlapping >= 0)
        ctx.addIssue({ code: 'custom', path: [i, 'opens'], message: `overlaps the ${hours.day} interval at index ${overlapping}` })
    })
  })

const hoursExceptions = z
  .array(
    z
      .object({
        date: z.string(),
        isClosed: z.boolean(),
        opens: clockTime.nullish().transform((value) => value ?? null),
        closes: clockTime.nullish().transform((value) => value ?? null),
        reason: optionalText(200).transform((value) => value ?? null),
      })
      .superRefine((exception, ctx) => {
        for (const field of ['opens', 'closes'] as const) {
          if (exception.isClosed && exception[field] !== null)
            ctx.addIssue({ code: 'custom', path: [field], message: 'must be omitted when isClosed is true' })
          if (!exception.isClosed && exception[field] === null)
            ctx.addIssue({ code: 'custom', path: [field], message: 'is required unless isClosed is true' })
        }
        if (isClockTime(exception.opens) && isClockTime(exception.closes) && exception.opens! >= exception.closes!)
          ctx.addIssue({ code: 'custom', path: ['closes'], message: 'must be later than opens' })
      }),
  )
  .max(400, 'must have at most 400 dates')
  .superRefine((exceptions, ctx) => {
    exceptions.forEach((exception, i) => {
      if (exceptions.findIndex((other) => other.date === exception.date) < i)
        ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `${exception.date} is listed twice` })
    })
  })

const address = z
  .object({
    address1: requiredText(300),
    city: optionalText(100),
    district: requiredText(50),
    dong: optionalText(50),
    postalCode: z.string().regex(/^\d{5}$/, 'must be a 5-digit postal code').nullish(),
    administrativeDongCode: z.string().regex(/^\d{10}$/, 'must be a 10-digit administrative dong code (행정동 코드)').nullish(),
  })
  .superRefine((value, ctx) => {
    const problem = areaProblem(value.district, value.dong)
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message })
  })
  .transform((value) => ({ ...value, city: value.city ?? findDistrict(value.district)?.city ?? null }))

const count = z.number().int().min(0, 'must not be negative')
const latitude = z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90')
const longitude = z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180')

const languages = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .refine(isLanguageCode, 'must be an ISO 639-1 language code, e.g. ko or en'),
  )
  .max(50, 'must have at most 50 languages')
  .transform((codes) => [...new Set(codes)])
const facilities = z.array(z.string() as z.ZodType<import('../db/tables.js').Facility>).transform((list) => [...new Set(list)])
const centreKind = z.string() as z.ZodType<import('../db/tables.js').CentreKind>

const centreFields = {
  alternateName: optionalText(200),
  description: optionalText(2000),
  latitude: latitude.nullish(),
  longitude: longitude.nullish(),
  residentsServed: count.nullish(),
  welfareWorkers: count.nullish(),
  visitingNurses: count.nullish(),
}

export const createCentreInput = z
  .object({
    id: id.nullish(),
    organisationId: id,
    name: requiredText(200),
    kind: centreKind,
    address,
    ...centreFields,
    phones: phones.nullish().transform((value) => value ?? []),
    languages: languages.nullish().transform((value) => value ?? []),
    facilities: facilities.nullish().transform((value) => value ?? []),
    openingHours: openingHours.nullish().transform((value) => value ?? []),
    hoursExceptions: hoursExceptions.nullish().transform((value) => value ?? []),
  })
  .superRefine((centre, ctx) => {
    const problem = coordinatesProblem(centre.latitude ?? null, centre.longitude ?? null)
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message })
  })

export const updateCentreInput = z.object({
  id,
  organisationId: id.optional(),
  name: requiredText(200).optional(),
  kind: centreKind.optional(),
  address: address.optional(),
  ...centreFields,
  phones: phones.optional(),
  languages: languages.optional(),
  facilities: facilities.optional(),
  openingHours: openingHours.optional(),
  hoursExceptions: hoursExceptions.optional(),
})

export const closeCentreInput = z.object({
  id,
  reason: requiredText(500),
  permanently: z.boolean().nullish().transform((value) => value ?? false),
})

export const reopenCentreInput = z.object({ id })

/** A centre has both coordinates or neither; checked again on updates against the stored values. */
export function coordinatesProblem(latitude: number | null, longitude: number | null): { field: 'latitude' | 'longitude'; message: string } | null {
  if (latitude === null && longitude !== null) return { field: 'latitude', message: 'is required when longitude is given' }
  if (longitude === null && latitude !== null) return { field: 'longitude', message: 'is required when latitude is given' }
  return null
}
