/**
 * Seeds cross-subgraph test data through each subgraph's own insert queries (each subgraph's
 * rows go into its own schema), with fresh ids so tests never depend on each other.
 */
import { insertCentres, insertOrganisations } from '../subgraphs/centres/src/db/queries.js'
import { insertProgramCentres, insertPrograms } from '../subgraphs/programs/src/db/queries.js'
import { insertDonationItems } from '../subgraphs/donations/src/db/queries.js'
import { insertConsents, insertHouseholdMembers, insertHouseholds } from '../subgraphs/households/src/db/queries.js'
import { insertCouncilMemberships, insertCouncils } from '../subgraphs/councils/src/db/queries.js'
import { database, newId } from './helpers.js'

export async function seedOrganisation(name = `Org ${newId().slice(0, 8)}`) {
  const id = newId()
  await insertOrganisations(database('centres').db, [{ id, name, sector: 'PUBLIC', kind: 'DISTRICT_OFFICE' }])
  return id
}

export async function seedCentres(organisationId: string, count: number, district = `test-gu-${newId().slice(0, 8)}`) {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    name: `Centre ${String(i).padStart(3, '0')}`,
    kind: 'COMMUNITY_SERVICE_CENTRE' as const,
    organisationId,
    district,
    dong: `dong-${i % 7}`,
    address: `${i} Test-ro`,
  }))
  await insertCentres(database('centres').db, rows)
  return { district, ids: rows.map((row) => row.id) }
}

export async function seedProgram(providerOrganisationId: string, centreIds: string[], name = `Program ${newId().slice(0, 8)}`) {
  const id = newId()
  await insertPrograms(database('programs').db, [{ id, name, description: 'A test program', category: 'CHILDCARE', providerOrganisationId }])
  await insertProgramCentres(database('programs').db, centreIds.map((centreId) => ({ programId: id, centreId })))
  return id
}

export async function seedDonationItem(heldAtCentreId: string, donorOrganisationId: string | null = null, title = 'Stroller') {
  const id = newId()
  await insertDonationItems(database('donations').db, [{ id, title, category: 'STROLLER', condition: 'GOOD', heldAtCentreId, donorOrganisationId }])
  return id
}

export async function seedHousehold(handlingOrganisationId: string, handlingCentreId: string) {
  const id = newId()
  await insertHouseholds(database('households').db, [
    { id, district: '세종시', dong: '도담동', incomeBand: 'NEAR_POOR', vulnerabilityFlags: ['SINGLE_PARENT', 'INFANT'], handlingOrganisationId, handlingCentreId },
  ])
  await insertHouseholdMembers(database('households').db, [
    { id: newId(), householdId: id, birthYear: 1994, relation: 'HEAD' },
    { id: newId(), householdId: id, birthYear: 2026, relation: 'CHILD' },
  ])
  return id
}

export async function seedCouncil(memberOrganisationIds: string[], name = `Council ${newId().slice(0, 8)}`) {
  const id = newId()
  await insertCouncils(database('councils').db, [
    { id, name, description: 'A test council', district: '서초구', kind: 'REGIONAL_COUNCIL', establishedOn: '2016-03-01' },
  ])
  await insertCouncilMemberships(
    database('councils').db,
    memberOrganisationIds.map((organisationId, i) => ({ id: newId(), councilId: id, organisationId, role: i === 0 ? 'CHAIR' : 'MEMBER', joinedOn: '2016-03-01' })),
  )
  return id
}

/**
 * A household (handled by another organisation) that has consented to `organisationId` matching
 * donated goods for it: what the donations subgraph asks the households subgraph before reserving.
 */
export async function seedHouseholdConsentingTo(organisationId: string, expiresAt = new Date(Date.now() + 365 * 86_400_000)) {
  const handling = newId()
  const household = await seedHousehold(handling, newId())
  await insertConsents(database('households').db, [
    { householdId: household, organisationId, purposes: ['DONATION_MATCHING'], categories: ['COARSE'], expiresAt, recordedByUserId: 'test', recordedByOrganisationId: handling },
  ])
  return household
}
