import fc from 'fast-check'
import { describe, it } from 'vitest'
import { arbPatternAndText, naiveWildcardMatch } from '../testing/index.ts'
import { actionMatch } from './action-pattern.ts'

/** Flips the case of characters chosen by the mask. */
function remix(text: string, mask: readonly boolean[]): string {
  return [...text]
    .map((symbol, index) => (mask[index] ? symbol.toUpperCase() : symbol.toLowerCase()))
    .join('')
}

describe('actionMatch', () => {
  it('ignores case on both sides (oracle: naive matcher on lower-cased input)', () => {
    fc.assert(
      fc.property(
        arbPatternAndText(fc.constantFrom('connect:', 'Connect:', 'CONNECT:')),
        fc.array(fc.boolean(), { maxLength: 32 }),
        fc.array(fc.boolean(), { maxLength: 32 }),
        ([pattern, action], patternMask, actionMask) => {
          const expected = naiveWildcardMatch(pattern.toLowerCase(), action.toLowerCase())
          return actionMatch(remix(pattern, patternMask), remix(action, actionMask)) === expected
        },
      ),
    )
  })
})
