import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkSchemaChange } from '../scripts/schema-check-run.js'
import { centresSubgraph } from '@nanum/centres'
import { programsSubgraph } from '@nanum/programs'

/** The check a partner runs before deploying a new version of its subgraph's schema. */
describe('schema check', () => {
  const folder = mkdtempSync(join(tmpdir(), 'nanum-schema-'))
  const edited = (name: string, schemaPath: string, edit: (sdl: string) => string) => {
    const path = join(folder, `${name}.graphql`)
    const before = readFileSync(schemaPath, 'utf8')
    const after = edit(before)
    expect(after).not.toBe(before)
    writeFileSync(path, after)
    return { [name]: path }
  }

  it('finds nothing to say about the committed schemas', async () => {
    const result = await checkSchemaChange()
    expect(result).toMatchObject({ composes: true, breaking: [], dangerous: [], safe: [] })
  })

  it('tells a breaking change (a field clients use removed) from a safe one (a field added)', async () => {
    const renamed = edited('centres', centresSubgraph.schemaPath, (sdl) =>
      sdl.replace('  """The organisation that operates the centre."""\n  organisation: Organisation!', '  """The organisation that operates the centre."""\n  operator: Organisation!'),
    )
    const result = await checkSchemaChange(renamed)
    if (!result.composes) throw new Error(result.errors.join('\n'))
    expect(result.breaking.map((change) => change.path)).toEqual(['Centre.organisation'])
    expect(result.safe.map((change) => change.path)).toContain('Centre.operator')
  })

  it('reports a change that no longer composes, naming the problem', async () => {
    const clashing = edited('programs', programsSubgraph.schemaPath, (sdl) =>
      sdl.replace(/(type Household @key\(fields: "id"\) \{[\s\S]*?)district: String! @external/, '$1district: Int! @external'),
    )
    const result = await checkSchemaChange(clashing)
    expect(result.composes).toBe(false)
    if (result.composes) return
    expect(result.errors.join('\n')).toMatch(/Household\.district/)
  })
})
