import type { Position } from '../../model/index.ts'

/**
 * The position of an offset, counted character by character (lines end at `\n`, `\r\n` or a
 * lone `\r`): a slow, obviously right oracle for the parser's line index.
 */
export function naivePosition(text: string, offset: number): Position {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++
      lineStart = index + 1
    }
  }
  return { line, column: offset - lineStart + 1, offset }
}
