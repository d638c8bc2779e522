import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { printPolicy } from '../print/index.ts'
import { arbWellFormedPolicy, stripRanges } from '../testing/index.ts'
import { parseJson } from './json/parse-json.ts'
import { toJsonValue } from './json/to-json-value.ts'
import { parsePolicy } from './parse-policy.ts'

function jsonParses(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** Inserts, deletes or replaces JSON punctuation at random places. */
const arbMutated = (base: fc.Arbitrary<string>) =>
  fc
    .tuple(
      base,
      fc.array(
        fc.tuple(fc.nat(), fc.constantFrom(',', '{', '}', '[', ']', '"', ':', '', '/', '\\', '\n')),
        { maxLength: 4 },
      ),
    )
    .map(([text, edits]) =>
      edits.reduce((current, [at, insert]) => {
        const position = at % (current.length + 1)
        return (
          current.slice(0, position) + insert + current.slice(position + (insert === '' ? 1 : 0))
        )
      }, text),
    )

const arbPolicyText = arbWellFormedPolicy.map(printPolicy)

describe('parseJson', () => {
  it('reads every JSON text as JSON.parse does, without diagnostics (oracle: JSON.parse)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(undefined, 0, 2, '\t', ' \r\n'),
        (value, indent) => {
          const text = JSON.stringify(value, null, indent)
          const result = parseJson(text)
          expect(result.diagnostics).toEqual([])
          expect(JSON.stringify(result.value && toJsonValue(result.value))).toBe(
            JSON.stringify(JSON.parse(text)),
          )
        },
      ),
    )
  })

  it('reports an error exactly when JSON.parse throws (oracle: JSON.parse)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), arbMutated(fc.jsonValue().map((value) => JSON.stringify(value)))),
        (text) => {
          const result = parseJson(text)
          return jsonParses(text) === (result.diagnostics.length === 0)
        },
      ),
    )
  })
})

describe('parsePolicy', () => {
  it('never throws, on any text (oracle: totality)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), arbMutated(arbPolicyText)),
        (text) => {
          const result = parsePolicy(text)
          return Array.isArray(result.diagnostics)
        },
      ),
    )
  })

  it('gives back the printed policy (oracle: round-trip)', () => {
    fc.assert(
      fc.property(arbWellFormedPolicy, (policy) => {
        const printed = printPolicy(policy)
        const reread = parsePolicy(printed)
        expect(reread.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual(
          [],
        )
        expect(stripRanges(reread.policy)).toEqual(stripRanges(policy))
        expect(printPolicy(reread.policy as NonNullable<typeof reread.policy>)).toBe(printed)
      }),
    )
  })

  it('reads the same policy whatever the layout (oracle: round-trip)', () => {
    fc.assert(
      fc.property(
        arbWellFormedPolicy,
        fc.constantFrom('', '\r\n', '\n\t\t', ' \n   '),
        (policy, layout) => {
          // The printer writes raw line breaks only between tokens, never inside strings.
          const relaid = printPolicy(policy).replace(/\n */g, layout)
          expect(stripRanges(parsePolicy(relaid).policy)).toEqual(stripRanges(policy))
        },
      ),
    )
  })
})
