import { operatorSpellings, readOperatorSpelling } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { operatorMeaning } from './operators.ts'

describe('operatorMeaning', () => {
  it('says what the operator asks, with what the qualifier and IfExists change', () => {
    const meaning = (written: string) => {
      const operator = readOperatorSpelling(written)
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

  it('has a meaning for every spelling core offers', () => {
    for (const spelling of operatorSpellings) expect(operatorMeaning(spelling)).toMatch(/^\S.* \S/)
  })
})
