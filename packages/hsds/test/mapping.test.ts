/** The pure parts of the HSDS view: ids, pages, record collection, comparison, cleaning. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { derivedId, isUuid, serviceAtLocationId } from '../src/ids.js'
import { pageObject, parsePageRequest } from '../src/page.js'
import { collectRecords, kindOf } from '../src/records.js'
import { holds } from '../src/import.js'
import { cleanPhoneNumber } from '../src/from-hsds.js'
import { HsdsProblem } from '../src/problem.js'

const examples = new URL('../../../../shared/hsds/examples/', import.meta.url)
const example = (name: string) => JSON.parse(readFileSync(new URL(name, examples), 'utf8'))

describe('derived ids', () => {
  it('are stable version 5 UUIDs that differ by input', () => {
    const a = serviceAtLocationId('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001')
    expect(a).toBe(serviceAtLocationId('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001'))
    expect(a).not.toBe(serviceAtLocationId('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002'))
    expect(isUuid(a)).toBe(true)
    expect(a[14]).toBe('5')
    expect(derivedId('phone', 'x', 0)).not.toBe(derivedId('phone', 'x', 1))
  })
})

describe('page requests and page objects', () => {
  it('defaults, bounds and names the parameter at fault', () => {
    expect(parsePageRequest(new URLSearchParams())).toEqual({ page: 1, perPage: 50 })
    expect(parsePageRequest(new URLSearchParams('page=3&per_page=100'))).toEqual({ page: 3, perPage: 100 })
    for (const [query, parameter] of [['per_page=101', 'per_page'], ['page=0', 'page'], ['page=1.5', 'page'], ['page=102&per_page=100', 'page']]) {
      try {
        parsePageRequest(new URLSearchParams(query))
        expect.unreachable(query)
      } catch (error) {
        expect(error).toBeInstanceOf(HsdsProblem)
        expect((error as HsdsProblem).parameter).toBe(parameter)
      }
    }
  })

  it('describes the last page, an empty list and a page past the end', () => {
    expect(pageObject(5, { page: 3, perPage: 2 }, ['e'])).toEqual({ total_items: 5, total_pages: 3, page_number: 3, size: 1, first_page: false, last_page: true, empty: false, contents: ['e'] })
    expect(pageObject(0, { page: 1, perPage: 10 }, [])).toMatchObject({ total_pages: 1, first_page: true, last_page: true, empty: true })
    expect(pageObject(5, { page: 9, perPage: 2 }, [])).toMatchObject({ total_pages: 3, last_page: true, empty: true, size: 0 })
  })
})

describe('collecting records from any HSDS document', () => {
  it('recognises each kind of object on its own', () => {
    expect(kindOf(example('service_full.json'))).toBe('services')
    expect(kindOf(example('organization_full.json'))).toBe('organizations')
    expect(kindOf(example('location.json'))).toBe('locations')
    expect(kindOf(example('service_at_location_full.json'))).toBe('service_at_locations')
    expect(kindOf(example('taxonomy_term.json'))).toBe('taxonomy_terms')
    expect(kindOf(example('taxonomy.json'))).toBe('taxonomies')
  })

  it('unnests a full service: its organization, its service_at_locations and their locations', () => {
    const records = collectRecords(example('service_full.json'))
    expect(records.services.map((s) => s.id)).toEqual(['ac148810-d857-441c-9679-408f346de14b'])
    expect(records.organizations.map((o) => o.id)).toEqual(['d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610'])
    expect(records.service_at_locations[0].service_id).toBe('ac148810-d857-441c-9679-408f346de14b')
    expect(records.locations.length).toBeGreaterThan(0)
  })

  it('reads page objects and the tabular form, nesting child rows into their parents', () => {
    expect(collectRecords(example('service_list.json')).services).toHaveLength(1)
    const tabular = collectRecords(example('tabular.json'))
    expect(tabular.organizations).toHaveLength(1)
    expect(tabular.locations[0].addresses[0].address_1).toBe('1-30 Main Street')
    expect(tabular.services[0].required_documents).toHaveLength(1)
    expect(tabular.service_at_locations).toHaveLength(1)
    expect(collectRecords(example('base.json')).unrecognised).toHaveLength(1)
  })

  it('keeps one copy of an object nested in several places', () => {
    const organization = { id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', name: 'Org', description: 'x' }
    const records = collectRecords([
      { id: '11111111-1111-4111-8111-111111111111', name: 'A', status: 'active', organization },
      { id: '22222222-2222-4222-8222-222222222222', name: 'B', status: 'active', organization: { ...organization, email: 'a@b.kr' } },
    ])
    expect(records.organizations).toEqual([{ ...organization, email: 'a@b.kr' }])
  })
})

describe('comparing an input with what the graph holds', () => {
  it('ignores fields the input leaves out and list order', () => {
    expect(holds({ name: 'a', phones: [{ number: '1' }, { number: '2' }] }, { name: 'a', email: 'x', phones: [{ number: '2', description: null }, { number: '1', description: null }] })).toBe(true)
    expect(holds({ name: 'a' }, { name: 'b' })).toBe(false)
    expect(holds({ phones: [{ number: '1', description: 'x' }] }, { phones: [{ number: '1', description: null }] })).toBe(false)
    expect(holds({ address: { district: '서대문구' } }, { address: { district: '서대문구', city: '서울특별시' } })).toBe(true)
  })
})

describe('cleaning phone numbers', () => {
  it('keeps digits, spaces and dashes', () => {
    expect(cleanPhoneNumber('"+44 1234 234567"')).toBe('+44 1234 234567')
    expect(cleanPhoneNumber('(02) 330-1114')).toBe('02 330-1114')
    expect(cleanPhoneNumber('call us')).toBeUndefined()
  })
})
