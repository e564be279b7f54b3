import { badUserInput, extendedEntity, parsePage, type PageArgs } from '@nanum/subgraph-kit'
import { parseProgramFilter, type ProgramFilterArgs } from '../rules/program-filter.js'
import type { Context } from '../context.js'

/** A centre reference; `district` and `dong` come with it when the gateway resolves `oneVisit` (@requires). */
interface CentreReference {
  id: string
  district?: string | null
  dong?: string | null
}

const DEFAULT_PER_CATEGORY = 10
const MAX_PER_CATEGORY = 100

/** Centres are owned by the centres subgraph; this one adds the programs delivered at or available around them. */
export const Centre = {
  __resolveReference: (reference: CentreReference) => extendedEntity(reference),

  programs: (centre: CentreReference, args: PageArgs & { filter?: ProgramFilterArgs | null }, ctx: Context) =>
    ctx.loaders
      .programsAtCentre(parseProgramFilter(args.filter, 'filter', ctx.loaders.now))(parsePage(args, ['text', 'id']))
      .load(centre.id),

  oneVisit: (centre: CentreReference, args: { firstPerCategory?: number | null }, ctx: Context) => {
    const perCategory = args.firstPerCategory ?? DEFAULT_PER_CATEGORY
    if (!Number.isInteger(perCategory) || perCategory < 0 || perCategory > MAX_PER_CATEGORY)
      throw badUserInput('firstPerCategory', `must be between 0 and ${MAX_PER_CATEGORY} (got ${perCategory})`)
    // Without the centre's district (a caller bypassing the gateway's @requires) there is no area to ask about.
    if (!centre.district) return null
    return ctx.loaders.oneVisit(perCategory).load({ centreId: centre.id, district: centre.district, dong: centre.dong ?? null })
  },
}
