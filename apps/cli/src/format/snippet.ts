import { type SourceRange, sourceLines } from '@connect-policy/core'
import type { Paint, Style } from './style.ts'

/** The lines of a text as the parser counts them (core's `sourceLines`). */
export const splitLines = sourceLines

const tabWidth = 4
/** How many columns of a source line are shown: the policies of the original printing are one line each. */
const maxWidth = 100
/** How many columns are kept before the range when a long line is cut. */
const leadingContext = 40

/**
 * How one UTF-16 code unit of a source line is shown. Control characters, C1 controls and
 * bidirectional overrides are replaced, so that a policy file can neither move the cursor nor
 * reorder what the terminal shows; a tab becomes spaces so that the carets line up.
 */
function cellsOf(line: string): string[] {
  const cells: string[] = []
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index)
    const next = line.charCodeAt(index + 1)
    if (code === 9) cells.push(' '.repeat(tabWidth))
    else if (code < 32) cells.push(String.fromCharCode(0x2400 + code))
    else if (code === 0x7f) cells.push('\u2421')
    else if ((code >= 0x80 && code <= 0x9f) || (code >= 0x202a && code <= 0x202e))
      cells.push('\ufffd')
    else if (code >= 0x2066 && code <= 0x2069) cells.push('\ufffd')
    else if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cells.push(line.slice(index, index + 2), '')
      index++
    } else cells.push(line.charAt(index))
  }
  return cells
}

function width(cells: readonly string[]): number {
  let total = 0
  for (const cell of cells) total += cell === '' ? 0 : [...cell].length
  return total
}

/**
 * The source line where `range` starts, with the range underlined by carets, behind a gutter
 * that holds the line number. A range over several lines is underlined to the end of its first
 * line; a long line is cut around the range. Nothing for a range that is not in the text.
 */
export function renderSnippet(
  lines: readonly string[],
  range: SourceRange,
  paint: Paint,
  style: Style,
): string[] {
  const line = lines[range.start.line - 1]
  if (line === undefined) return []
  const cells = cellsOf(line)
  const start = Math.min(Math.max(range.start.column - 1, 0), cells.length)
  const sameLine = range.end.line === range.start.line
  const end = Math.max(
    start,
    sameLine ? Math.min(range.end.column - 1, cells.length) : cells.length,
  )
  let begin = 0
  let stop = cells.length
  if (width(cells) > maxWidth) {
    begin = Math.max(0, start - leadingContext)
    stop = Math.min(cells.length, begin + maxWidth)
  }
  const before = begin > 0 ? '…' : ''
  const after = stop < cells.length ? '…' : ''
  const shown = before + cells.slice(begin, stop).join('') + after
  const offset = before.length + width(cells.slice(begin, start))
  const carets = '^'.repeat(Math.max(1, width(cells.slice(start, Math.min(end, stop)))))
  const more = sameLine ? '' : ` ${style.dim(`(to line ${range.end.line})`)}`
  const number = String(range.start.line)
  const gutter = ' '.repeat(number.length)
  return [
    `  ${style.dim(`${number} |`)} ${shown.trimEnd()}`,
    `  ${style.dim(`${gutter} |`)} ${' '.repeat(offset)}${paint(carets)}${more}`,
  ]
}
