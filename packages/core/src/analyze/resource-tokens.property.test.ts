import fc from 'fast-check'
import { describe, it } from 'vitest'
import { resourceMatch } from '../match/index.ts'
import type { GlobToken } from './glob-search.ts'
import { searchGlobs } from './glob-search.ts'
import { resourceTokens } from './resource-tokens.ts'

/** Whether tokens match a text, position by position: the naive reading of `GlobToken`. */
function naiveTokensMatch(tokens: readonly GlobToken[], text: string): boolean {
  let row: boolean[] = Array.from({ length: text.length + 1 }, (_, j) => j === 0)
  for (const token of tokens) {
    const fits = (c: string) =>
      token.kind === 'literal' ? c === token.character : !(token.except ?? '').includes(c)
    const next: boolean[] = [token.kind === 'run' && (row[0] ?? false)]
    for (let j = 1; j <= text.length; j++) {
      const c = text[j - 1] ?? ''
      next[j] =
        token.kind === 'run'
          ? (row[j] ?? false) || ((next[j - 1] ?? false) && fits(c))
          : (row[j - 1] ?? false) && fits(c)
    }
    row = next
  }
  return row[text.length] ?? false
}

/** ARN-like texts and patterns over a few characters, colons included. */
const part = (unit: fc.Arbitrary<string>) => fc.string({ unit, maxLength: 3 })
const textCharacter = fc.constantFrom('a', 'b', ':', '/')
const patternCharacter = fc.constantFrom('a', 'b', ':', '/', '*', '?')
const arnLike = (unit: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.array(part(unit), { minLength: 1, maxLength: 7 }).map((parts) => `arn:${parts.join(':')}`),
    part(unit),
  )

describe('resourceTokens', () => {
  it('match the texts the evaluator matches (oracle: the matcher itself)', () => {
    fc.assert(
      fc.property(arnLike(patternCharacter), arnLike(textCharacter), (pattern, text) => {
        return naiveTokensMatch(resourceTokens(pattern), text) === resourceMatch(pattern, text)
      }),
      { numRuns: 2000 },
    )
  })

  it('give witnesses the evaluator matches', () => {
    fc.assert(
      fc.property(arnLike(patternCharacter), (pattern) => {
        const answer = searchGlobs({ must: [resourceTokens(pattern)], mustNot: [] })
        return answer.kind === 'text' && resourceMatch(pattern, answer.text)
      }),
    )
  })
})
