// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the reference's `${Name}` notation, not templates
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readConditionKeyName } from './condition-key-name.ts'
import { replaceVariables, variableSpans } from './variable-spans.ts'

// The global regular expression the scanner replaced, quadratic on `${` repeated with no `}`
// and harmless on short texts.
const variablePattern = /\$\{([^}]*)\}/g

/** Texts of at most 30 characters made mostly of the characters that make or break a variable. */
const arbText = fc
  .array(fc.constantFrom('$', '{', '}', '${', 'a', 'Id', '/', ':', ' '), { maxLength: 20 })
  .map((pieces) => pieces.join('').slice(0, 30))

describe('variableSpans (oracle: the global regular expression it replaced)', () => {
  it('finds the variables the expression finds, where it finds them', () => {
    fc.assert(
      fc.property(fc.oneof(arbText, fc.string({ maxLength: 30 })), (text) => {
        const expected = [...text.matchAll(variablePattern)].map((match) => ({
          start: match.index,
          end: match.index + match[0].length,
          name: match[1],
        }))
        expect(variableSpans(text)).toEqual(expected)
      }),
    )
  })

  it('replaces them as the expression does', () => {
    fc.assert(
      fc.property(arbText, fc.constantFrom('', '*'), (text, by) => {
        expect(replaceVariables(text, by)).toBe(text.replace(variablePattern, by))
      }),
    )
  })

  it('splits condition key names as the expression did', () => {
    fc.assert(
      fc.property(arbText, (name) => {
        const pieces = name.toLowerCase().split(/\$\{[^}]*\}/g)
        expect(readConditionKeyName(name)).toEqual(
          pieces.length === 1 ? { name, exact: pieces[0] } : { name, pieces },
        )
      }),
    )
  })
})
