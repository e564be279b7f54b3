import { describe, expect, it } from 'vitest'
import { database, newId, subgraphGql } from '../../../tests/helpers.js'
import { listPrograms, searchProgramsQuery } from '../src/db/queries.js'
import { parseProgramFilter } from '../src/rules/program-filter.js'
import { names, PROGRAMS, programsDb, seedPrograms, uniquePrefix } from './seed.js'

describe('program search', () => {
  async function seedCatalogue() {
    const provider = newId()
    const prefix = uniquePrefix()
    await seedPrograms([
      { name: `${prefix} 방문간호`, alternateName: 'Visiting Nurse Care', description: 'Nurses visit older people at home.', providerOrganisationId: provider },
      { name: `${prefix} 어르신 도시락`, alternateName: 'Lunch Delivery', description: '간호사가 함께 방문합니다 (a nurse comes along).', providerOrganisationId: provider },
      { name: `${prefix} 임산부 교실`, alternateName: 'Prenatal Class', description: 'Classes for expectant mothers, 100% free.', providerOrganisationId: provider },
      { name: `${prefix} 휴면 간호 교실`, description: 'Closed nursing class.', providerOrganisationId: provider, status: 'INACTIVE' },
    ])
    const search = async (text: string, extra: Record<string, unknown> = {}) => {
      const response = await subgraphGql('programs', PROGRAMS, { filter: { providerId: provider, search: text }, ...extra })
      expect(response.errors).toBeUndefined()
      return { names: names(response.data.programs).map((name: string) => name.slice(prefix.length + 1)), connection: response.data.programs }
    }
    return { search, provider }
  }

  it('finds Korean and English words in names, alternate names and descriptions, most relevant first', async () => {
    const { search } = await seedCatalogue()
    expect((await search('간호')).names).toEqual(['방문간호', '어르신 도시락']) // name before description
    expect((await search('nurse')).names).toEqual(['방문간호', '어르신 도시락'])
    expect((await search('NURSE care')).names).toEqual(['방문간호']) // every word must appear
    expect((await search('  prenatal   ')).names).toEqual(['임산부 교실'])
    expect((await search('임산부')).names).toEqual(['임산부 교실'])
    expect((await search('100%')).names).toEqual(['임산부 교실'])
    expect((await search('10_%')).names).toEqual([]) // pattern characters are literal
    expect((await search('간호', { orderBy: 'NAME' })).names).toEqual(['방문간호', '어르신 도시락'])
    expect((await search('간호 교실')).names).toEqual([]) // the matching program is INACTIVE
  })

  it('pages through relevance-ordered results with cursors', async () => {
    const { search } = await seedCatalogue()
    const first = await search('nurse', { first: 1 })
    expect(first.names).toEqual(['방문간호'])
    expect(first.connection).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } })
    const second = await search('nurse', { first: 1, after: first.connection.pageInfo.endCursor })
    expect(second.names).toEqual(['어르신 도시락'])
    expect(second.connection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true })

    const nameCursor = (await search('nurse', { first: 1, orderBy: 'NAME' })).connection.pageInfo.endCursor
    const mixed = await subgraphGql('programs', PROGRAMS, { filter: { search: 'nurse' }, after: nameCursor })
    expect(mixed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } })
  })

  /**
   * The plans of a search's page (by name and by relevance). The test tables are small, so
   * PostgreSQL would rather scan them (or walk the name index); forbidding both shows which index
   * serves the search condition itself. The bench (bench/search.ts) shows the plans PostgreSQL
   * picks on its own on 100,000 programs.
   */
  async function searchPlans(search: string) {
    return database('programs').sql.begin(async (tx) => {
      await tx`set local enable_seqscan = off`
      await tx`set local enable_indexscan = off`
      const explain = async (query: { toSQL(): { sql: string; params: unknown[] } }) => {
        const { sql, params } = query.toSQL()
        const rows = await tx.unsafe(`explain ${sql}`, params as never[])
        return rows.map((row) => row['QUERY PLAN']).join('\n')
      }
      const filter = { ...parseProgramFilter({ search }), statuses: null }
      return [
        await explain(listPrograms(programsDb(), filter, { limit: 20, after: null })),
        await explain(searchProgramsQuery(programsDb(), filter, search, { limit: 20, after: null })),
      ]
    })
  }

  it('serves the search from the trigram index', async () => {
    for (const plan of await searchPlans('방문간호 nurse')) expect(plan).toContain('programs_search_trgm_idx')
  })

  it('finds two-syllable Korean words inside sentences from the index of syllable pairs', async () => {
    const provider = newId()
    const prefix = uniquePrefix()
    await seedPrograms([
      { name: `${prefix} 어르신 방문`, description: '어르신 댁을 찾아가 간호와 말벗을 함께 합니다.', providerOrganisationId: provider },
      // 간 and 호, but never side by side.
      { name: `${prefix} 어르신 간식`, description: '간식과 호박죽을 나누며 안부를 여쭙니다.', providerOrganisationId: provider },
    ])
    const search = async (text: string) => {
      const response = await subgraphGql('programs', PROGRAMS, { filter: { providerId: provider, search: text } })
      expect(response.errors).toBeUndefined()
      return { names: names(response.data.programs), totalCount: response.data.programs.totalCount }
    }
    expect(await search('간호')).toEqual({ names: [`${prefix} 어르신 방문`], totalCount: 1 })
    expect(await search('간식 호박')).toEqual({ names: [`${prefix} 어르신 간식`], totalCount: 1 })
    expect(await search('어르신 간호')).toEqual({ names: [`${prefix} 어르신 방문`], totalCount: 1 }) // beside a trigram word

    for (const plan of await searchPlans('간호')) expect(plan).toContain('programs_search_bigrams_idx')
    for (const plan of await searchPlans('간식 호박')) expect(plan).toContain('programs_search_bigrams_idx')
    // Beside a word trigrams can serve, the two-syllable word is only checked (see filter-sql.ts).
    for (const plan of await searchPlans('어르신 간호')) expect(plan).not.toContain('programs_search_bigrams_idx')
  })
})
