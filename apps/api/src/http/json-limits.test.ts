import { describe, expect, it } from 'vitest'
import { jsonPointer, lineAndColumn, scanJsonBytes, shapeProblem } from './json-limits.ts'

describe('scanJsonBytes: nesting', () => {
  it.each([
    ['{}', 1, undefined],
    ['{"a": [1, {"b": []}]}', 4, undefined],
    ['{"a": [1, {"b": []}]}', 3, 16],
    ['{"a": [1, {"b": []}]}', 2, 10],
    ['[[[]]]', 2, 2],
    ['{"text": "[[[[[[{{{{"}', 1, undefined],
    ['{"text": "\\"[[[["}', 1, undefined],
    ['{"text": "\\\\", "a": [[]]}', 2, 21],
    ['"[[[["', 0, undefined],
    ['}}}}[', 1, undefined],
    // offsets are in bytes: é takes two
    ['{"é": [[]]}', 2, 8],
    ['{"\u00e9 ✓": "[", "a": [[]]}', 2, 22],
  ])('%s (at most %i deep)', (text, max, offset) => {
    expect(scanJsonBytes(Buffer.from(text), max, Number.POSITIVE_INFINITY).tooDeepAt).toBe(offset)
  })

  it('stops at the first level too deep, without recursion', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(scanJsonBytes(Buffer.from(text), 32, 1000).tooDeepAt).toBe(32)
  })
})

describe('scanJsonBytes: shape', () => {
  it.each([
    ['a small object', '{"a": [1, 2], "b": {"c": 3}}', 3, false],
    ['an array of as many items as allowed', '[1, 2, 3]', 3, false],
    ['an array of one item too many', '[1, 2, 3, 4]', 3, true],
    [
      'an object of one member too many, deep down',
      '{"a": {"b": 1, "c": 2, "d": 3, "e": 4}}',
      3,
      true,
    ],
    ['commas spread over sibling containers', '[[1, 2], [3, 4], [5, 6]]', 3, false],
    ['commas inside strings', '{"a": "1,2,3,4,5"}', 3, false],
    ['a reserved key', '{"__proto__": {}}', 3, true],
    ['a reserved word inside a value', '{"a": "the constructor"}', 3, true],
    ['an escape that could spell a reserved key', '{"\\u005f_proto__": 1}', 3, true],
  ])('%s', (_, text, maxItems, suspect) => {
    expect(scanJsonBytes(Buffer.from(text), 32, maxItems).shapeSuspect).toBe(suspect)
  })
})

describe('shapeProblem', () => {
  it.each([
    [{ a: [1, 2, 3] }, 3, undefined],
    [{ a: [1, 2, 3, 4] }, 3, { in: 'body', pointer: '/a', detail: 'has more than 3 items' }],
    [{ a: 1, b: 2, c: 3, d: 4 }, 3, { in: 'body', pointer: '', detail: 'has more than 3 members' }],
    [
      JSON.parse('{"a": {"__proto__": {"x": 1}}}'),
      10,
      {
        in: 'body',
        pointer: '/a/__proto__',
        detail: 'is a reserved name and cannot be used as a key',
      },
    ],
    [
      { list: [{ constructor: { prototype: {} } }] },
      10,
      {
        in: 'body',
        pointer: '/list/0/constructor',
        detail: 'is a reserved name and cannot be used as a key',
      },
    ],
    [
      { 'a/b': { '~': { prototype: 1 } } },
      10,
      expect.objectContaining({ pointer: '/a~1b/~0/prototype' }),
    ],
    ['just a string', 1, undefined],
    [null, 1, undefined],
  ])('%j (entries up to %i)', (value, max, expected) => {
    expect(shapeProblem(value, max)).toEqual(expected)
  })
})

describe('jsonPointer', () => {
  it.each([
    [[], ''],
    [['policies', 'identityPolicies', 0], '/policies/identityPolicies/0'],
    [['a/b', 'm~n'], '/a~1b/m~0n'],
  ])('%j', (path, pointer) => {
    expect(jsonPointer(path)).toBe(pointer)
  })
})

describe('lineAndColumn', () => {
  it.each([
    ['abc', 0, { line: 1, column: 1 }],
    ['abc', 2, { line: 1, column: 3 }],
    ['a\nbc', 3, { line: 2, column: 2 }],
    ['a\n', 2, { line: 2, column: 1 }],
  ])('%j at %i', (text, offset, expected) => {
    expect(lineAndColumn(text, offset)).toEqual(expected)
  })
})
