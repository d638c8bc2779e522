import fc from 'fast-check'
import { describe, it } from 'vitest'
import { arbText } from '../testing/index.ts'
import { isArnText, textAt } from './text-at.ts'

describe('textAt', () => {
  it('says what startsWith says, at any position (oracle: startsWith)', () => {
    fc.assert(
      fc.property(arbText(), arbText(6), fc.integer({ min: -2, max: 20 }), (text, piece, at) => {
        const expected = at >= 0 && text.startsWith(piece, at) && at <= text.length
        return textAt(text, piece, at) === expected
      }),
    )
  })

  it('reads `arn:` as startsWith does (oracle: startsWith)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'arn', 'arn:', 'arn:a', 'ARN:', 'xarn:'),
        arbText(4),
        (head, rest) => {
          const text = head + rest
          return isArnText(text) === text.startsWith('arn:')
        },
      ),
    )
  })
})
