import type { Position, SourceRange } from '../../model/index.ts'

/** Turns UTF-16 offsets into line and column positions. */
export interface PositionMap {
  position(offset: number): Position
  range(start: number, end: number): SourceRange
}

/**
 * Indexes where lines start, in one pass, so that each lookup is a binary search. Lines end at
 * `\n`, `\r\n` or a lone `\r`, as editors count them; columns count UTF-16 code units from 1.
 */
export function createPositionMap(given: string): PositionMap {
  const lineStarts = [0]
  // what is not text has one line, and every offset is on it
  const text = typeof given === 'string' ? given : ''
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) lineStarts.push(index + 1)
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) lineStarts.push(index + 1)
  }
  function position(offset: number): Position {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((lineStarts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1, offset }
  }
  return { position, range: (start, end) => ({ start: position(start), end: position(end) }) }
}

/**
 * The lines of a text as positions count them: `\n`, `\r\n` and a lone `\r` end a line, so that
 * line `n` of a range is `sourceLines(text)[n - 1]`. What is not text has no lines.
 */
export function sourceLines(text: string): string[] {
  return typeof text === 'string' ? text.split(/\r\n|\r|\n/) : []
}
