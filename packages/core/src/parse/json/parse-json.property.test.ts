import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SourceRange } from '../../model/index.ts'
import { orderedFrom } from '../../print/ordered-json.ts'
import {
  arbJsonLikeText,
  arbMutated,
  naivePosition,
  writeWithRandomLayout,
} from '../testing/index.ts'
import { parseJson } from './parse-json.ts'
import type { JsonNode } from './syntax.ts'

/** The value as `JSON.parse` builds it: plain objects, the last of a repeated name winning. */
function asJsonParseWould(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const result = {}
      for (const member of node.members) {
        Object.defineProperty(result, member.key, {
          value: asJsonParseWould(member.value),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      return result
    }
    case 'array':
      return node.items.map(asJsonParseWould)
    case 'null':
      return null
    default:
      return node.value
  }
}

function jsonParse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) }
  } catch {
    return undefined
  }
}

/** Every range in the result: the nodes', their names', the diagnostics'. */
function rangesOf(value: JsonNode | undefined): SourceRange[] {
  const ranges: SourceRange[] = []
  const pending = value === undefined ? [] : [value]
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    ranges.push(node.range)
    if (node.kind === 'array') pending.push(...node.items)
    if (node.kind === 'object') {
      for (const member of node.members) {
        ranges.push(member.keyRange)
        pending.push(member.value)
      }
    }
  }
  return ranges
}

const arbCodeUnitText = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 16,
})

const arbAnyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  arbCodeUnitText,
  arbJsonLikeText,
  arbMutated(fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value, null, 1))),
)

describe('parseJson', () => {
  it('reads any JSON value, in any layout, as JSON.parse does and without a diagnostic (oracle: JSON.parse)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer(), (json, seed) => {
        const text = writeWithRandomLayout(orderedFrom(JSON.parse(JSON.stringify(json))), seed)
        const { value, diagnostics } = parseJson(text)
        expect(diagnostics).toEqual([])
        expect(value && asJsonParseWould(value)).toEqual(JSON.parse(text))
      }),
    )
  })

  it('reports an error exactly when JSON.parse throws, and else reads the same value (oracle: JSON.parse)', () => {
    fc.assert(
      fc.property(arbAnyText, (text) => {
        const expected = jsonParse(text)
        const { value, diagnostics } = parseJson(text)
        if (expected === undefined) {
          expect(diagnostics.length).toBeGreaterThan(0)
        } else {
          expect(diagnostics).toEqual([])
          expect(value && asJsonParseWould(value)).toEqual(expected.value)
        }
      }),
    )
  })

  it('never throws, and locates everything inside the text (oracle: naive line count)', () => {
    fc.assert(
      fc.property(arbAnyText, (text) => {
        const { value, diagnostics } = parseJson(text)
        const ranges = [...rangesOf(value), ...diagnostics.map((diagnostic) => diagnostic.range)]
        for (const { start, end } of ranges) {
          expect(0 <= start.offset && start.offset <= end.offset && end.offset <= text.length).toBe(
            true,
          )
          expect(start).toEqual(naivePosition(text, start.offset))
          expect(end).toEqual(naivePosition(text, end.offset))
        }
      }),
    )
  })
})
