import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { longestStringPath, minimiseText, stringAt, withStringAt } from './minimise.ts'

const far = () => performance.now() + 5000

describe('minimiseText', () => {
  it('finds the smallest text with a marker, by characters (oracle: the marker alone)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (before, after) => {
        const text = `${before}XYZ${after}`
        expect(minimiseText(text, (candidate) => candidate.includes('XYZ'), far())).toBe('XYZ')
      }),
      { numRuns: 200 },
    )
  })

  it('removes members of a JSON text while the property holds', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'a:b', Resource: '*' },
        { Effect: 'Deny', Action: 'x:Bad', Resource: 'arn:aws:s3:::bucket' },
      ],
    })
    const holds = (candidate: string) => candidate.includes('x:Bad')
    expect(minimiseText(text, holds, far())).toBe('x:Bad')
  })

  it('never gives a longer text, and stops at the deadline', () => {
    const text = 'a'.repeat(5000)
    expect(minimiseText(text, () => true, performance.now() - 1)).toBe(text)
    expect(minimiseText(text, () => false, far())).toBe(text)
  })
})

describe('the longest string of a value', () => {
  it('is found, read and replaced along its path', () => {
    const value = { a: ['x', { b: 'longest one' }], c: 'mid' }
    const path = longestStringPath(value)
    expect(path).toEqual(['a', 1, 'b'])
    expect(stringAt(value, path ?? [])).toBe('longest one')
    expect(withStringAt(value, path ?? [], 'z')).toEqual({ a: ['x', { b: 'z' }], c: 'mid' })
    expect(value.a[1]).toEqual({ b: 'longest one' })
  })
})
