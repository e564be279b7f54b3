import { connectionLoader, groupLoader, rowLoader } from '@nanum/subgraph-kit'
import type { Database } from '@nanum/db'
import * as queries from './db/queries.js'

export type CentresLoaders = ReturnType<typeof createLoaders>

export function createLoaders({ db }: Database) {
  return {
    organisation: rowLoader((ids: readonly string[]) => queries.organisationsByIds(db, ids), (row) => row.id),
    centre: rowLoader((ids: readonly string[]) => queries.centresByIds(db, ids), (row) => row.id),
    contactsOfOrganisation: groupLoader((ids: readonly string[]) => queries.contactsOfOrganisations(db, ids), (row) => row.organisationId),
    openingHoursOfCentre: groupLoader((ids: readonly string[]) => queries.openingHoursOfCentres(db, ids), (row) => row.centreId),
    hoursExceptionsOfCentre: groupLoader((ids: readonly string[]) => queries.hoursExceptionsOfCentres(db, ids), (row) => row.centreId),
    centresOfOrganisation: connectionLoader({
      fetch: (ids: readonly string[], page) => queries.centresOfOrganisations(db, ids, page),
      count: (ids) => queries.countCentresOfOrganisations(db, ids),
      keyOf: (row) => row.organisationId,
      cursorOf: queries.centreCursor,
    }),
    childrenOfOrganisation: connectionLoader({
      fetch: (ids: readonly string[], page) => queries.childrenOfOrganisations(db, ids, page),
      count: (ids) => queries.countChildrenOfOrganisations(db, ids),
      keyOf: (row) => row.parentOrganisationId!,
      cursorOf: queries.organisationCursor,
    }),
  }
}
