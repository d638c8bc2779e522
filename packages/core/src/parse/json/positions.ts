import type { Position, SourceRange } from '../../model/index.ts'

/** Turns offsets into line/column positions, one binary search per lookup. */
export interface PositionMap {
  position(offset: number): Position
  range(start: number, end: number): SourceRange
}

/** Lines end at `\n`, `\r\n` or a lone `\r`, as editors count them. */
export function createPositionMap(text: string): PositionMap {
  const lineStarts = [0]
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
