import { describe, expect, it } from 'vitest'
import { operatorMeaning, operatorSpellings, readOperator } from './operators.ts'

describe('readOperator', () => {
  it('reads the set qualifier, the operator and IfExists', () => {
    expect(readOperator('ForAnyValue:StringLikeIfExists')).toEqual({
      written: 'ForAnyValue:StringLikeIfExists',
      name: 'StringLike',
      family: 'String',
      qualifier: 'ForAnyValue',
      ifExists: true,
    })
    expect(readOperator('NotIpAddress')).toMatchObject({ family: 'IpAddress', ifExists: false })
  })

  it.each([
    'stringequals',
    'ForSomeValues:StringEquals',
    'IfExists',
    'StringEqual',
    ':StringEquals',
    '',
  ])('reads %j as no operator, as AWS does', (written) => {
    expect(readOperator(written)).toBeUndefined()
  })
})

describe('operatorMeaning', () => {
  it('says what the operator asks, with what the qualifier and IfExists change', () => {
    const meaning = (written: string) => {
      const operator = readOperator(written)
      return operator === undefined ? undefined : operatorMeaning(operator)
    }
    expect(meaning('StringEquals')).toBe(
      "The request's value is one of the policy values (case-sensitive)",
    )
    expect(
      meaning('ForAllValues:StringLike')?.startsWith("Every one of the request's values matches"),
    ).toBe(true)
    expect(meaning('ForAllValues:StringLike')).toContain('also true when the request has no value')
    expect(meaning('ArnLikeIfExists')).toContain('also true when the request does not have the key')
    expect(
      meaning('ForAnyValue:StringEquals')?.startsWith("At least one of the request's values"),
    ).toBe(true)
  })
})

describe('operatorSpellings', () => {
  it('offers each operator plain, with IfExists and with each qualifier, Null alone', () => {
    const written = operatorSpellings.map((spelling) => spelling.written)
    expect(new Set(written).size).toBe(written.length)
    expect(written).toContain('Null')
    expect(written).not.toContain('NullIfExists')
    expect(written).not.toContain('ForAnyValue:Null')
    // 27 operators: each but Null in six spellings, Null in one
    expect(written).toHaveLength(26 * 6 + 1)
    for (const spelling of operatorSpellings)
      expect(readOperator(spelling.written)).toEqual(spelling)
  })
})
