import fc from 'fast-check'
import { describe, it } from 'vitest'
import { arbPatternAndText, naiveWildcardMatch } from '../testing/index.ts'
import { wildcardMatch } from './wildcard.ts'

describe('wildcardMatch', () => {
  it('agrees with the naive table matcher (oracle: naive) on texts made from the pattern', () => {
    fc.assert(
      fc.property(arbPatternAndText(), ([pattern, text]) => {
        return wildcardMatch(pattern, text) === naiveWildcardMatch(pattern, text)
      }),
    )
  })

  it('matches every text made from the pattern without mutation (oracle: construction)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '/', '*', '?'), maxLength: 10 }).chain((pattern) =>
          fc.tuple(
            fc.constant(pattern),
            fc
              .tuple(
                ...[...pattern].map((symbol) =>
                  symbol === '*'
                    ? fc.string({ maxLength: 3 })
                    : symbol === '?'
                      ? fc.string({ minLength: 1, maxLength: 1 })
                      : fc.constant(symbol),
                ),
              )
              .map((parts) => parts.join('')),
          ),
        ),
        ([pattern, text]) => wildcardMatch(pattern, text),
      ),
    )
  })
})
