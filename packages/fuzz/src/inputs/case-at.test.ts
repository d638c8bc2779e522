import { describe, expect, it } from 'vitest'
import { encode } from '../report/encode.ts'
import { loadBases } from './bases.ts'
import { caseAt, defaultCaseOptions } from './case-at.ts'
import { families } from './fuzz-case.ts'
import { sizeClasses, sizeClassOf, sizeOf } from './size.ts'

const bases = loadBases(0)

describe('caseAt', () => {
  it('makes the same input from the same seed and index, and another from another index', () => {
    for (let index = 0; index < 50; index++) {
      const once = JSON.stringify(encode(caseAt(3, index, bases)))
      expect(JSON.stringify(encode(caseAt(3, index, bases)))).toBe(once)
      expect(JSON.stringify(encode(caseAt(4, index, bases)))).not.toBe(once)
    }
  })

  it('draws every family, every kind of input and every size class in 1,500 inputs', () => {
    const seenFamilies = new Set<string>()
    const kinds = new Set<string>()
    const classes = new Set<string>()
    for (let index = 0; index < 1500; index++) {
      const input = caseAt(1, index, bases, defaultCaseOptions)
      seenFamilies.add(input.family)
      kinds.add(input.kind)
      classes.add(sizeClassOf(sizeOf(input)))
    }
    expect([...seenFamilies].sort()).toEqual([...families].sort())
    expect([...kinds].sort()).toEqual(['call', 'match', 'policy', 'request', 'sample', 'set'])
    expect([...classes].sort()).toEqual(sizeClasses.map((sizeClass) => sizeClass.name).sort())
  })
})

describe('size classes', () => {
  it.each([
    [6144, 'managed'],
    [6145, 'inline'],
    [10_240, 'inline'],
    [20_480, '20k'],
    [20_481, 'larger'],
  ])('%i characters are %s', (size, name) => {
    expect(sizeClassOf(size)).toBe(name)
  })
})
