import { describe, expect, it } from 'vitest'
import type { SourceRange } from '../../model/index.ts'
import { parseJson } from './parse-json.ts'
import type { JsonNode } from './syntax.ts'
import { toJsonValue } from './to-json-value.ts'

const where = ({ start, end }: SourceRange) =>
  `${start.line}:${start.column}-${end.line}:${end.column}`

const codes = (text: string) => parseJson(text).diagnostics.map((diagnostic) => diagnostic.code)
const read = (text: string) => {
  const { value } = parseJson(text)
  return value && toJsonValue(value)
}

describe('parseJson', () => {
  it('locates every node, names included, across lines', () => {
    const { value, diagnostics } = parseJson('{\n  "a": [1.50, "x\\ty"],\r\n  "b": null\n}')
    expect(diagnostics).toEqual([])
    if (value?.kind !== 'object') throw new Error('expected an object')
    expect(where(value.range)).toBe('1:1-4:2')
    const [a, b] = value.members
    expect(a?.key).toBe('a')
    expect(where(a?.keyRange as SourceRange)).toBe('2:3-2:6')
    expect(where(a?.value.range as SourceRange)).toBe('2:8-2:22')
    if (a?.value.kind !== 'array') throw new Error('expected an array')
    expect(a.value.items).toMatchObject([
      { kind: 'number', value: 1.5, raw: '1.50' },
      { kind: 'string', value: 'x\ty' },
    ])
    expect(a.value.items.map((item) => where(item.range))).toEqual(['2:9-2:13', '2:15-2:21'])
    expect(where(b?.keyRange as SourceRange)).toBe('3:3-3:6')
    expect(b?.value).toMatchObject({ kind: 'null' })
    expect(value.range.end.offset).toBe(39)
  })

  it('counts columns in UTF-16 code units', () => {
    const { value } = parseJson('["😀", 1]')
    if (value?.kind !== 'array') throw new Error('expected an array')
    expect(value.items.map((item) => where(item.range))).toEqual(['1:2-1:6', '1:8-1:9'])
  })

  it('decodes every escape, surrogate pairs and lone surrogates included', () => {
    expect(read('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\\ud800"')).toBe(
      '"\\/\b\f\n\r\t\u00e9😀\ud800',
    )
  })

  it('inserts a missing comma, ignores a trailing one', () => {
    expect(read('[1 2 "a" {} [],]')).toEqual([1, 2, 'a', {}, []])
    expect(codes('[1 2 "a" {} [],]')).toEqual([
      'missing-comma',
      'missing-comma',
      'missing-comma',
      'missing-comma',
      'trailing-comma',
    ])
    expect(read('{"a":1 "b":2,}')).toEqual({ a: 1, b: 2 })
  })

  it('closes a string left open at the end of its line, before a final comma', () => {
    const text = '{\n "a": "one,\n "b": "two"\n}'
    expect(read(text)).toEqual({ a: 'one', b: 'two' })
    expect(codes(text)).toEqual(['unterminated-string'])
  })

  it('reads strings in typographic or single quotes as strings', () => {
    expect(read("{“a”: ‘b’, 'c': \"d”}")).toEqual({ a: 'b', c: 'd' })
    expect(codes("{“a”: ‘b’, 'c': \"d”}")).toEqual([
      'invalid-character',
      'invalid-character',
      'invalid-character',
      'invalid-character',
    ])
    // A typographic quote inside a well-closed string is just a character.
    expect(read('"“a”"')).toBe('“a”')
  })

  it('reads unquoted names and miscased literals as meant', () => {
    expect(read('{a: True, 1: NULL, b: FALSE}')).toEqual({ a: true, 1: null, b: false })
    expect(codes('{a: True}')).toEqual(['unexpected-token', 'unexpected-token'])
  })

  it('reads what number-like text means, and reports it', () => {
    expect(read('[01, +1, .5, 1., 0x10, -0]')).toEqual([1, 1, 0.5, 1, 16, -0])
    expect(codes('[01, +1, .5, 1., 0x10, -0]')).toEqual([
      'invalid-number',
      'invalid-number',
      'invalid-number',
      'invalid-number',
      'invalid-number',
    ])
    expect(codes('[-, 1e, 1e+, 2012-10-17, Infinity]')).toEqual([
      'invalid-number',
      'invalid-number',
      'invalid-number',
      'invalid-number',
      'invalid-number',
    ])
  })

  it('skips what cannot stand where it is, reporting each run once', () => {
    expect(read('[1, @#%, 2, x y, 3]')).toEqual([1, 2, 3])
    expect(codes('[1, @#%, 2, x y, 3]')).toEqual(['unexpected-character', 'unexpected-token'])
    expect(read('{"a": 1, {"nested": true}, "b": 2}')).toEqual({ a: 1, b: 2 })
    expect(read('{"a": : 1}')).toEqual({ a: 1 })
    expect(read('{"a": 1, x, "b": 2}')).toEqual({ a: 1, b: 2 })
    expect(codes('{"a": 1, x, "b": 2}')).toEqual(['unexpected-token'])
  })

  it('leaves a closer of the other kind to the container waiting for it', () => {
    const { value, diagnostics } = parseJson('[{"a": 1]')
    expect(value && toJsonValue(value)).toEqual([{ a: 1 }])
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'expected `}` to close the `{` at line 1, column 2, found `]`',
    ])
    expect(read('{"a": [1}')).toEqual({ a: [1] })
    // With no container waiting for it, a stray closer is skipped.
    expect(read('{"a": 1]}')).toEqual({ a: 1 })
  })

  it('closes what is open at the end, in one report', () => {
    const { value, diagnostics } = parseJson('{"a": [1, {"b": ')
    expect(value && toJsonValue(value)).toEqual({ a: [1, {}] })
    expect(diagnostics.map((diagnostic) => [diagnostic.message, where(diagnostic.range)])).toEqual([
      ['unexpected end of text: expected a value, then `}]}`', '1:16-1:16'],
    ])
  })

  it('reports text after the document once, from where it starts to the end', () => {
    const { diagnostics } = parseJson('{} {"a": ]\n x')
    expect(diagnostics.map((diagnostic) => [diagnostic.code, where(diagnostic.range)])).toEqual([
      ['trailing-content', '1:4-2:3'],
    ])
  })

  it('reads 128 levels and skips deeper ones, in linear time', () => {
    expect(codes(`${'['.repeat(128)}${']'.repeat(128)}`)).toEqual([])
    const { value, diagnostics } = parseJson(`${'['.repeat(129)}1${']'.repeat(129)}, 2`)
    expect(diagnostics.map((diagnostic) => [diagnostic.code, where(diagnostic.range)])).toEqual([
      ['nesting-too-deep', '1:129-1:130'],
      ['trailing-content', '1:260-1:263'],
    ])
    let node: JsonNode | undefined = value
    for (let level = 1; level < 129; level++) {
      node = node?.kind === 'array' ? node.items[0] : undefined
    }
    expect(node).toMatchObject({ kind: 'null' })
    expect(where(node?.range as SourceRange)).toBe('1:129-1:132')
  })

  it('reports comments, and an empty text', () => {
    expect(codes('// a\n[1, /* b */ 2]')).toEqual(['comment', 'comment'])
    expect(codes(' /* */ ')).toEqual(['empty-document', 'comment'])
    expect(codes('')).toEqual(['empty-document'])
  })

  it('names pasted invisible characters', () => {
    expect(parseJson('\ufeff{}').diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'unexpected character U+FEFF (byte order mark: remove it)',
    ])
    expect(parseJson('[1,\u00a0\u00a02]').diagnostics.map((d) => d.message)).toEqual([
      'unexpected character U+00A0 (no-break space: use a plain space) and 1 more',
    ])
  })
})

describe('toJsonValue', () => {
  it('keeps `__proto__`, `constructor` and `prototype` as own data, without polluting', () => {
    const value = read('{"__proto__": {"polluted": 1}, "constructor": 2, "prototype": 3}')
    expect(Object.getPrototypeOf(value)).toBe(null)
    expect(Object.keys(value as object)).toEqual(['__proto__', 'constructor', 'prototype'])
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 1 })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps the first value of a repeated name, as the policy reader does', () => {
    expect(read('{"a": 1, "b": 2, "a": 3}')).toEqual({ a: 1, b: 2 })
  })
})
