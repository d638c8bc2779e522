import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readNumber } from './number-value.ts'

// The number shape before it was made linear: the same language, read with quantifiers that
// share runs of digits (quadratic to reject a long one), which is harmless on short texts.
const oldShape = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

function oldReadNumber(value: string): number | undefined {
  return oldShape.test(value.trim()) ? Number(value) : undefined
}

/** Texts of at most 30 characters, mostly made of the pieces of numbers, so that many are numbers. */
const arbNumberText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('0', '1', '7', '12', '.', 'e', 'E', '+', '-') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(' ', '\t', 'x', '1e', '.5', 'e-3', ',', '_', 'Infinity'),
      },
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join('').slice(0, 30))

describe('readNumber (oracle: the regular expression it replaced)', () => {
  it('reads the same numbers from texts built of number pieces', () => {
    fc.assert(
      fc.property(arbNumberText, (text) => {
        expect(readNumber(text)).toStrictEqual(oldReadNumber(text))
      }),
    )
  })

  it('reads the same numbers from any short text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        expect(readNumber(text)).toStrictEqual(oldReadNumber(text))
      }),
    )
  })
})
