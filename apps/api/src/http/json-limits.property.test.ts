import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scanJsonBytes, shapeProblem } from './json-limits.ts'

const reservedKey = fc.constantFrom('__proto__', 'constructor', 'prototype')
const key = fc.oneof(fc.string({ maxLength: 4 }), reservedKey)

/** JSON values with reserved keys among the others (`fc.jsonValue` builds them as own keys). */
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.integer(), fc.string({ maxLength: 6 }), fc.boolean(), fc.constant(null)),
    fc.array(tie('node'), { maxLength: 5 }),
    fc.dictionary(key, tie('node'), { maxKeys: 5 }),
  ),
})).node

/** The value's JSON written in one of the ways a client may write it. */
const written = fc
  .tuple(value, fc.constantFrom('compact', 'indented', 'escaped'))
  .map(([node, style]) => {
    const text = JSON.stringify(node, null, style === 'indented' ? 2 : undefined)
    // every letter and underscore inside strings as a \u escape: the same value to JSON.parse
    const escaped =
      style === 'escaped'
        ? text.replace(/"(?:[^"\\]|\\.)*"/g, (literal) =>
            literal.replace(
              /[A-Za-z_]/g,
              (letter) => `\\u${letter.charCodeAt(0).toString(16).padStart(4, '0')}`,
            ),
          )
        : text
    return { node, text: escaped }
  })

describe('scanJsonBytes, as a property', () => {
  it('is never wrong to skip the shape walk: not suspect means shapeProblem finds nothing', () => {
    fc.assert(
      fc.property(written, fc.integer({ min: 1, max: 6 }), ({ node, text }, maxItems) => {
        expect(JSON.parse(text)).toEqual(node)
        const scan = scanJsonBytes(Buffer.from(text), 64, maxItems)
        if (!scan.shapeSuspect) expect(shapeProblem(JSON.parse(text), maxItems)).toBeUndefined()
      }),
      { numRuns: 2000 },
    )
  })

  it('finds the same excess nesting whatever the item limit', () => {
    fc.assert(
      fc.property(
        written,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        ({ text }, maxItems, maxDepth) => {
          expect(scanJsonBytes(Buffer.from(text), maxDepth, maxItems).tooDeepAt).toBe(
            scanJsonBytes(Buffer.from(text), maxDepth, Number.POSITIVE_INFINITY).tooDeepAt,
          )
        },
      ),
    )
  })
})
