import { describe, expect, it } from 'vitest'
import { conditionOperators, operatorNames } from './operators.ts'

describe('the condition operator registry', () => {
  it('has one row for every operator AWS documents, and no other', () => {
    expect([...conditionOperators.keys()].sort()).toEqual([...operatorNames].sort())
  })

  it('gives every operator its words, for one value and for several', () => {
    for (const operator of conditionOperators.values()) {
      expect(operator.words.one, operator.name).not.toBe('')
      expect(operator.words.many, operator.name).not.toBe('')
    }
  })

  it('names a negated operator with Not, and only those', () => {
    for (const operator of conditionOperators.values()) {
      expect(operator.negated, operator.name).toBe(operator.name.includes('Not'))
    }
  })
})
