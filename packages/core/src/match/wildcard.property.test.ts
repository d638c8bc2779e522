// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in patterns, not templates
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbPatternAndText, arbText, naiveWildcardMatch } from '../testing/index.ts'
import {
  compileWildcard,
  literalQuestionMark,
  literalStar,
  matchesWildcard,
  matchesWildcardIn,
  wildcardMatch,
  wildcardWork,
} from './wildcard.ts'

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

describe('wildcardWork', () => {
  /** Fills a pattern's variables as the evaluator does: values literal, `${*}` and `${?}` too. */
  function fill(pattern: string, value: string): string {
    let filled = ''
    for (let at = 0; at < pattern.length; ) {
      const close = pattern.startsWith('${', at) ? pattern.indexOf('}', at) : -1
      if (close < 0) {
        filled += pattern[at]
        at++
        continue
      }
      const body = pattern.slice(at + 2, close)
      filled +=
        body === '*'
          ? literalStar
          : body === '?'
            ? literalQuestionMark
            : body === '$'
              ? '$'
              : value.replaceAll('*', literalStar).replaceAll('?', literalQuestionMark)
      at = close + 1
    }
    return filled
  }

  it('bounds the pieces the matcher compares by character, however the variables are filled (oracle: compileWildcard)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('a', 'b', '/', '*', '?', '${x}', '${*}', '${?}', '${$}'), {
            maxLength: 14,
          })
          .map((parts) => parts.join('')),
        fc.string({ unit: fc.constantFrom('a', '*', '?', 'b'), maxLength: 6 }),
        (pattern, value) => {
          const work = wildcardWork(pattern)
          const compiled = compileWildcard(fill(pattern, value))
          let compared = 0
          compiled.middle.forEach((piece, index) => {
            if (compiled.middleHasQuestionMark[index]) compared += piece.length
          })
          const holdsWildcard = value.includes('*') || value.includes('?')
          const bound =
            work.chars +
            work.variables * value.length +
            (holdsWildcard ? work.filledChars + work.filledVariables * value.length : 0)
          return compared <= bound
        },
      ),
    )
  })

  it('is nothing for a pattern whose middle pieces a native search finds', () => {
    for (const pattern of [
      '*',
      'arn:aws:s3:::bucket/*',
      '*/home/*',
      'a?b',
      'a?b*',
      '*a?b',
      'connect:*',
    ]) {
      expect(wildcardWork(pattern)).toEqual({
        chars: 0,
        variables: 0,
        filledChars: 0,
        filledVariables: 0,
      })
    }
  })

  it('counts a middle piece with `?`, and one a variable fills, apart', () => {
    expect(wildcardWork('arn:aws:s3:::*/users/????/*')).toEqual({
      chars: 12,
      variables: 0,
      filledChars: 0,
      filledVariables: 0,
    })
    expect(wildcardWork('arn:aws:s3:::*/${aws:username}/*')).toEqual({
      chars: 0,
      variables: 0,
      filledChars: 17,
      filledVariables: 1,
    })
    // a star inside a variable is not one of the pattern's stars, and fills a literal star
    expect(wildcardWork('*a${*}b*')).toEqual({
      chars: 6,
      variables: 1,
      filledChars: 0,
      filledVariables: 0,
    })
  })
})
