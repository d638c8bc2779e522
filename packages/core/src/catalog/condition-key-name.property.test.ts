// biome-ignore-all lint/suspicious/noTemplateCurlyInString: key names in the reference's notation, not templates
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { matchesConditionKeyName, readConditionKeyName } from './condition-key-name.ts'

/** A key name of the reference from a small alphabet, variable parts (`${V}`) included. */
const arbKeyName = fc
  .array(fc.constantFrom('a', 'b', 'B', '/', ':', '${V}'), { maxLength: 6 })
  .map((pieces) => pieces.join(''))

/** A name as a policy might write it: the key with its variables filled in, maybe changed. */
const arbWritten = (name: string): fc.Arbitrary<string> => {
  const filled = fc
    .tuple(
      ...name
        .split(/(\$\{V\})/)
        .map((piece) =>
          piece === '${V}'
            ? fc.string({ unit: fc.constantFrom('a', 'b', '/', 'V'), maxLength: 3 })
            : fc.constant(piece),
        ),
    )
    .map((pieces) => pieces.join(''))
  return fc.oneof(
    filled,
    filled.map((text) => text.toUpperCase()),
    fc.tuple(filled, fc.nat(), fc.constantFrom('', 'a', '/')).map(([text, at, insert]) => {
      const position = text.length === 0 ? 0 : at % (text.length + 1)
      return text.slice(0, position) + insert + text.slice(position + (insert ? 0 : 1))
    }),
  )
}

/** The oracle: the name as a case-insensitive regular expression, each variable as `.+`. */
function regexOf(name: string): RegExp {
  const source = name
    .split(/\$\{V\}/)
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.+')
  return new RegExp(`^${source}$`, 'is')
}

describe('matchesConditionKeyName', () => {
  it('agrees with a regular expression in which each variable part is `.+` (oracle: naive)', () => {
    fc.assert(
      fc.property(
        arbKeyName.chain((name) => fc.tuple(fc.constant(name), arbWritten(name))),
        ([name, written]) =>
          matchesConditionKeyName(readConditionKeyName(name), written) ===
          regexOf(name).test(written),
      ),
    )
  })
})
