import DataLoader from 'dataloader'
import { toConnection, type Caller, type Connection, type Page, type PeerCaller, connectionLoader, groupLoader, loaderFamily, rowLoader, subgraphUnavailable } from '@nanum/subgraph-kit'
import type { Database } from '@nanum/db'
import * as queries from './db/queries.js'
import type { ProgramRow } from './db/tables.js'
import * as referralQueries from './db/referral-queries.js'
import type { ProgramCategoryGroup } from './rules/one-visit.js'
import { groupByCategory } from './rules/one-visit.js'
import { householdsAsCaller, type HouseholdView } from './rules/household-port.js'

export type ProgramsLoaders = ReturnType<typeof createLoaders>

const parentConnection = (
  fetch: (ids: readonly string[], page: Parameters<typeof queries.programsAtCentres>[3]) => Promise<queries.ProgramOfParentRow[]>,
  count: (ids: readonly string[]) => Promise<Map<string, number>>,
) => connectionLoader({ fetch, count, keyOf: (row) => row.parentId, cursorOf: queries.programCursor })

export function createLoaders({ db }: Database, _caller: Caller, peer: PeerCaller) {
  return {
    /** Households as the households subgraph shows them to the caller (null: not visible), one request per batch. */
    householdView: new DataLoader<string, HouseholdView | null>(async (ids) => {
      const lookup = await householdsAsCaller(peer, ids)
      if (!lookup.ok) throw subgraphUnavailable('The households service cannot be reached; household records are unavailable')
      return ids.map((id) => lookup.visible.get(id) ?? null)
    }),
    /** The request's "now", so that every `openNow` in one request asks about the same instant (and shares a batch). */
    now: new Date(),
    program: rowLoader((ids: readonly string[]) => queries.programsByIds(db, ids), (row) => row.id),
    referral: rowLoader((ids: readonly string[]) => referralQueries.referralsByIds(db, ids), (row) => row.id),
    transitionsOfReferral: groupLoader((ids: readonly string[]) => referralQueries.transitionsOfReferrals(db, ids), (row) => row.referralId),
    referralsOf: loaderFamily(({ parent, filter }: { parent: referralQueries.ReferralParent; filter: referralQueries.ReferralListFilter }) =>
      connectionLoader({
        fetch: (ids: readonly string[], page) => referralQueries.referralsOfParents(db, parent, ids, filter, page),
        count: (ids) => referralQueries.countReferralsOfParents(db, parent, ids, filter),
        keyOf: (row) => row[parent],
        cursorOf: referralQueries.referralCursor,
      }),
    ),
    enrollmentsOf: loaderFamily(({ parent, filter }: { parent: referralQueries.ReferralParent; filter: referralQueries.EnrollmentListFilter }) =>
      connectionLoader({
        fetch: (ids: readonly string[], page) => referralQueries.enrollmentsOfParents(db, parent, ids, filter, page),
        count: (ids) => referralQueries.countEnrollmentsOfParents(db, parent, ids, filter),
        keyOf: (row) => row[parent],
        cursorOf: referralQueries.enrollmentCursor,
      }),
    ),
    /** Programs a household may qualify for, per page, one pair of statements per batch of households. */
    eligibleProgramsOf: (() => {
      const keyOf = (key: referralQueries.EligibilityKey) => JSON.stringify(key)
      // Rows are matched to keys by position, so one household asked with different facts cannot mix.
      const byPosition = (keys: readonly referralQueries.EligibilityKey[]) => keys.map((key, i) => ({ ...key, householdId: String(i) }))
      const counts = new DataLoader<referralQueries.EligibilityKey, number, string>(
        async (keys) => {
          const byIndex = await referralQueries.countEligibleProgramsOf(db, byPosition(keys))
          return keys.map((_, i) => byIndex.get(String(i)) ?? 0)
        },
        { cacheKeyFn: keyOf },
      )
      return loaderFamily(
        (page: Page) =>
          new DataLoader<referralQueries.EligibilityKey, Connection<ProgramRow>, string>(
            async (keys) => {
              const rows = await referralQueries.eligibleProgramsOf(db, byPosition(keys), page)
              return keys.map((key, i) => toConnection(rows.filter((row) => row.parentId === String(i)), page, queries.programCursor, () => counts.load(key)))
            },
            { cacheKeyFn: keyOf },
          ),
      )
    })(),
    enrollment: rowLoader((ids: readonly string[]) => referralQueries.enrollmentsByIds(db, ids), (row) => row.id),
    centresOfProgram: groupLoader((ids: readonly string[]) => queries.centresOfPrograms(db, ids), (row) => row.programId),
    sessionsOfProgram: groupLoader((ids: readonly string[]) => queries.sessionsOfPrograms(db, ids), (row) => row.programId),
    programsOfOrganisation: loaderFamily((filter: queries.ProgramFilter) =>
      parentConnection(
        (ids, page) => queries.programsOfOrganisations(db, ids, filter, page),
        (ids) => queries.countProgramsOfOrganisations(db, ids, filter),
      ),
    ),
    programsAtCentre: loaderFamily((filter: queries.ProgramFilter) =>
      parentConnection(
        (ids, page) => queries.programsAtCentres(db, ids, filter, page),
        (ids) => queries.countProgramsAtCentres(db, ids, filter),
      ),
    ),
    /** One Visit brochures of every centre asked about in the request, one statement per batch. */
    oneVisit: loaderFamily(
      (perCategory: number) =>
        new DataLoader<queries.CentreArea, ProgramCategoryGroup[], string>(
          async (centres) => {
            const byCentre = new Map<string, queries.OneVisitRow[]>()
            for (const row of await queries.oneVisitPrograms(db, centres, perCategory)) {
              const rows = byCentre.get(row.centreId)
              if (rows) rows.push(row)
              else byCentre.set(row.centreId, [row])
            }
            return centres.map((centre) => groupByCategory(byCentre.get(centre.centreId) ?? [], perCategory))
          },
          { cacheKeyFn: (centre) => `${centre.centreId} ${centre.district} ${centre.dong ?? ''}` },
        ),
    ),
  }
}
