import { arbAnyValue } from '@connect-policy/core/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decode, encode } from './encode.ts'

describe('encode and decode', () => {
  it('give back any value as fast-check writes it (oracle: round-trip through JSON text)', () => {
    fc.assert(
      fc.property(arbAnyValue, (value) => {
        const text = JSON.stringify(encode(value))
        expect(fc.stringify(decode(JSON.parse(text)))).toBe(fc.stringify(value))
      }),
      { numRuns: 1000 },
    )
  })

  it('write JSON values as they are', () => {
    const value = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['*'], n: 1 }] }
    expect(encode(value)).toEqual(value)
  })
})
