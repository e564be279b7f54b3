import { describe, expect, it } from 'vitest'
import { insertCentres } from '../subgraphs/centres/src/db/queries.js'
import { database, gql, newId, tokenFor } from './helpers.js'
import { seedHousehold, seedOrganisation } from './fixtures.js'

describe('households per worker', () => {
  it('is combined by the gateway from the households subgraph (open cases) and the centres subgraph (staff)', async () => {
    const org = await seedOrganisation()
    const centre = newId()
    await insertCentres(database('centres').db, [
      { id: centre, name: '홍제3동 주민센터', kind: 'WELFARE_HUB', organisationId: org, district: '서대문구', dong: '홍제3동', address: '1 Test-ro', welfareWorkers: 3, visitingNurses: 1 },
    ])
    for (let i = 0; i < 6; i++) await seedHousehold(org, centre)

    const response = await gql(
      `query ($id: ID!) { centre(id: $id) { welfareWorkers visitingNurses outreach { openCases householdsPerWorker } } }`,
      { id: centre },
      { token: await tokenFor({ org, roles: ['ORG_ADMIN'] }) },
    )
    expect(response.errors).toBeUndefined()
    expect(response.data.centre).toEqual({ welfareWorkers: 3, visitingNurses: 1, outreach: { openCases: 6, householdsPerWorker: 1.5 } })
  })
})
