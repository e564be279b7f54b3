import { isId } from '@nanum/subgraph-kit'
import type { CentreRow } from '../db/tables.js'
import type { ListedCentre } from '../db/queries.js'
import { hhmm, isOpenAt } from '../rules/opening.js'
import { seoulMoment } from '@nanum/locale'
import { residentsPerWorker } from '../rules/staffing.js'
import type { Context } from '../context.js'

export const Centre = {
  __resolveReference: (reference: { id: string }, ctx: Context) =>
    isId(reference.id) ? ctx.loaders.centre.load(reference.id.toLowerCase()) : null,

  organisation: (centre: CentreRow, _: unknown, ctx: Context) => ctx.loaders.organisation.load(centre.organisationId),

  address: (centre: CentreRow) => ({
    address1: centre.address,
    city: centre.city,
    district: centre.district,
    dong: centre.dong,
    postalCode: centre.postalCode,
    administrativeDongCode: centre.administrativeDongCode,
  }),

  /** Only rows listed through a `near` filter carry a distance. */
  distanceKm: (centre: CentreRow | ListedCentre) =>
    'distanceMetres' in centre && centre.distanceMetres !== null ? centre.distanceMetres / 1000 : null,

  openingHours: async (centre: CentreRow, _: unknown, ctx: Context) =>
    (await ctx.loaders.openingHoursOfCentre.load(centre.id)).map((hours) => ({ day: hours.day, opens: hhmm(hours.opens), closes: hhmm(hours.closes) })),

  hoursExceptions: async (centre: CentreRow, args: { from?: string | null }, ctx: Context) =>
    (await ctx.loaders.hoursExceptionsOfCentre.load(centre.id))
      .filter((exception) => !args.from || exception.date >= args.from)
      .map((exception) => ({
        ...exception,
        opens: exception.opens && hhmm(exception.opens),
        closes: exception.closes && hhmm(exception.closes),
      })),

  isOpen: async (centre: CentreRow, args: { at?: Date | null }, ctx: Context) => {
    const [weekly, exceptions] = await Promise.all([
      ctx.loaders.openingHoursOfCentre.load(centre.id),
      ctx.loaders.hoursExceptionsOfCentre.load(centre.id),
    ])
    return isOpenAt(centre, weekly, exceptions, seoulMoment(args.at ?? new Date()))
  },

  residentsPerWorker: (centre: CentreRow) => residentsPerWorker(centre),
}
