import fc from 'fast-check'
import { describe, it } from 'vitest'
import { naiveWildcardMatch } from '../testing/index.ts'
import { globTokens, searchGlobs } from './glob-search.ts'

/** Patterns over two letters, so that a brute-force search can try every short text. */
const arbPattern = fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 6 })

/** Every text over `a`, `b` and a third letter no pattern names, up to `length` characters. */
function* textsUpTo(length: number): Generator<string> {
  let layer = ['']
  yield ''
  for (let size = 1; size <= length; size++) {
    layer = layer.flatMap((text) => [`${text}a`, `${text}b`, `${text}z`])
    yield* layer
  }
}

describe('searchGlobs', () => {
  it('agrees with brute-force enumeration over a small alphabet (oracle: naive matcher)', () => {
    fc.assert(
      fc.property(
        fc.array(arbPattern, { minLength: 1, maxLength: 3 }),
        fc.array(arbPattern, { maxLength: 3 }),
        (must, mustNot) => {
          const fits = (text: string) =>
            must.every((pattern) => naiveWildcardMatch(pattern, text)) &&
            !mustNot.some((pattern) => naiveWildcardMatch(pattern, text))
          const answer = searchGlobs({
            must: must.map(globTokens),
            mustNot: mustNot.map(globTokens),
          })
          // a text the search gives must fit; a text the enumeration finds must be found, and
          // none shorter than the one given
          let shortest: string | undefined
          for (const text of textsUpTo(7)) {
            if (fits(text)) {
              shortest = text
              break
            }
          }
          if (answer.kind === 'unknown') return false
          if (answer.kind === 'none') return shortest === undefined
          return (
            fits(answer.text) && (shortest === undefined || shortest.length === answer.text.length)
          )
        },
      ),
      { numRuns: 300 },
    )
  })
})
