import type { SourceRange } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { renderSnippet, splitLines } from './snippet.ts'
import { createStyle } from './style.ts'

const plain = createStyle(false)
const same = (text: string) => text

function range(
  startLine: number,
  startColumn: number,
  endLine: number,
  endColumn: number,
): SourceRange {
  // offsets are not read by the snippet
  return {
    start: { line: startLine, column: startColumn, offset: 0 },
    end: { line: endLine, column: endColumn, offset: 0 },
  }
}

describe('splitLines', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r, as the parser counts them', () => {
    expect(splitLines('a\nb\r\nc\rd')).toEqual(['a', 'b', 'c', 'd'])
  })
})

describe('renderSnippet', () => {
  it.each([
    [
      'a range on one line',
      ['{', '  "Resource": "*",', '}'],
      range(2, 18, 2, 19),
      ['  2 |   "Resource": "*",', '    |                  ^'],
    ],
    [
      'an empty range: one caret where text would be inserted',
      ['{"Version": "2012-10-17"'],
      range(1, 25, 1, 25),
      ['  1 | {"Version": "2012-10-17"', '    |                         ^'],
    ],
    [
      'a range over several lines: underlined to the end of its first line',
      ['{', '  "Statement": {', '  }', '}'],
      range(2, 16, 3, 4),
      ['  2 |   "Statement": {', '    |                ^ (to line 3)'],
    ],
    [
      'tabs: shown as four spaces, carets moved as far',
      ['\t"Effect": "Alow"'],
      range(1, 12, 1, 18),
      ['  1 |     "Effect": "Alow"', '    |               ^^^^^^'],
    ],
    [
      'control characters: shown as symbols, one column each',
      ['"a\u001b[2Jb"'],
      range(1, 2, 1, 8),
      ['  1 | "a\u241b[2Jb"', '    |  ^^^^^^'],
    ],
    ['a surrogate pair: one column', ['"😀x"'], range(1, 4, 1, 5), ['  1 | "😀x"', '    |   ^']],
    [
      'line numbers of several digits widen the gutter',
      [...Array.from({ length: 11 }, () => ''), 'x'],
      range(12, 1, 12, 2),
      ['  12 | x', '     | ^'],
    ],
  ])('%s', (_, lines, where, expected) => {
    expect(renderSnippet(lines, where, same, plain)).toEqual(expected)
  })

  it('cuts a long line around the range, with an ellipsis on each cut side', () => {
    const line = `${'a'.repeat(150)}XYZ${'b'.repeat(150)}`
    const [source, carets] = renderSnippet([line], range(1, 151, 1, 154), same, plain)
    expect(source).toBe(`  1 | …${'a'.repeat(40)}XYZ${'b'.repeat(57)}…`)
    expect(carets).toBe(`    | ${' '.repeat(41)}^^^`)
  })

  it('shows nothing for a range that is not in the text', () => {
    expect(renderSnippet(['{}'], range(0, 0, 0, 0), same, plain)).toEqual([])
    expect(renderSnippet(['{}'], range(5, 1, 5, 2), same, plain)).toEqual([])
  })

  it('paints the carets', () => {
    const [, carets] = renderSnippet(['abc'], range(1, 2, 1, 3), (text) => `<${text}>`, plain)
    expect(carets).toBe('    |  <^>')
  })
})
