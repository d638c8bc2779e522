import { parser } from '@lezer/json'
import { describe, expect, it } from 'vitest'
import { documentReader } from './document-text.ts'
import { decodeString, indexAt, pathOf, stringsOf, valueAt } from './syntax.ts'

const text =
  '{"Statement": [{"Action": ["a", "b", 3]}, {"Action": "c", "Action": "d"}], "Version": "x"}'
const tree = parser.parse(text)
const reader = documentReader(text)

describe('decodeString', () => {
  it('decodes escapes, and reads a string that does not decode as written', () => {
    expect(decodeString('"a\\"b\\u0041"')).toBe('a"bA')
    expect(decodeString('"a\\u00"')).toBe('a\\u00')
    expect(decodeString('"open')).toBe('open')
    expect(decodeString('"')).toBe('')
  })
})

describe('valueAt', () => {
  it('follows names and indices, reading the last of properties given twice', () => {
    expect(stringsOf(valueAt(tree, reader, ['Statement', 0, 'Action']), reader)).toEqual(['a', 'b'])
    expect(stringsOf(valueAt(tree, reader, ['Statement', 1, 'Action']), reader)).toEqual(['d'])
    expect(valueAt(tree, reader, ['Statement', 0, 'Action', 2])?.name).toBe('Number')
  })

  it('is undefined where the document has nothing', () => {
    expect(valueAt(tree, reader, ['Statement', 2])).toBeUndefined()
    expect(valueAt(tree, reader, ['Statement', 'Action'])).toBeUndefined()
    expect(valueAt(tree, reader, ['Version', 0])).toBeUndefined()
    expect(valueAt(parser.parse(''), documentReader(''), [])).toBeUndefined()
  })

  it('gives back the path it was given, through pathOf', () => {
    for (const path of [['Statement', 1, 'Action'], ['Statement', 0, 'Action', 1], ['Version']]) {
      const node = valueAt(tree, reader, path)
      expect(node && pathOf(node, reader)).toEqual(path)
    }
  })
})

describe('indexAt', () => {
  it('counts the commas before a position, and an element not followed by one yet', () => {
    const array = parser.parse('["a", "b" "c"]').topNode.firstChild
    expect(array?.name).toBe('Array')
    if (array === null || array === undefined) return
    expect(indexAt(array, 1)).toBe(0)
    expect(indexAt(array, 6)).toBe(1)
    expect(indexAt(array, 10)).toBe(2)
  })
})
