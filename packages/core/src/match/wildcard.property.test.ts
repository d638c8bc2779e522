import fc from 'fast-check'
import { describe, it } from 'vitest'
import { arbPatternAndText, arbText, naiveWildcardMatch } from '../testing/index.ts'
import { compileWildcard, matchesWildcard, matchesWildcardIn, wildcardMatch } from './wildcard.ts'

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

  it('matches a part of a text in place as it matches the part cut out (oracle: slice)', () => {
    fc.assert(
      fc.property(arbPatternAndText(), arbText(4), arbText(4), ([pattern, text], before, after) => {
        const compiled = compileWildcard(pattern)
        const whole = `${before}${text}${after}`
        const from = before.length
        return (
          matchesWildcardIn(compiled, whole, from, from + text.length) ===
          matchesWildcard(compiled, text)
        )
      }),
    )
  })
})
