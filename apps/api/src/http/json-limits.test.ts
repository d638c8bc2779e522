import { describe, expect, it } from 'vitest'
import { excessNesting, jsonPointer, lineAndColumn, shapeProblem } from './json-limits.ts'

describe('excessNesting', () => {
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
  ])('%s (at most %i deep)', (text, max, offset) => {
    expect(excessNesting(text, max)).toBe(offset)
  })

  it('stops at the first level too deep, without recursion', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(excessNesting(text, 32)).toBe(32)
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
