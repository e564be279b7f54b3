import { describe, expect, it } from 'vitest'
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql'
import { DAYS_OF_WEEK, INCOME_BANDS, VULNERABILITY_FLAGS, valueTypeDefs } from '../src/index.js'

describe('shared value types', () => {
  it('renders each named enum with its values in order, every one described', () => {
    const document = parse(valueTypeDefs('IncomeBand', 'VulnerabilityFlag', 'DayOfWeek'))
    const enums = document.definitions.filter((definition): definition is EnumTypeDefinitionNode => definition.kind === Kind.ENUM_TYPE_DEFINITION)
    expect(enums.map((type) => type.name.value)).toEqual(['IncomeBand', 'VulnerabilityFlag', 'DayOfWeek'])
    expect(enums.map((type) => type.values!.map((value) => value.name.value))).toEqual([[...INCOME_BANDS], [...VULNERABILITY_FLAGS], [...DAYS_OF_WEEK]])
    for (const type of enums) {
      expect(type.description?.value).toBeTruthy()
      for (const value of type.values!) expect(value.description?.value, `${type.name.value}.${value.name.value}`).toBeTruthy()
    }
  })

  it('renders only the enums asked for', () => {
    expect(valueTypeDefs('DayOfWeek')).not.toContain('IncomeBand')
    expect(valueTypeDefs()).toBe('')
  })
})
