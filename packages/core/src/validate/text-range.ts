import type { Located, Position, SourceRange } from '../model/index.ts'

function shift(position: Position, by: number): Position {
  return { line: position.line, column: position.column + by, offset: position.offset + by }
}

/** Whether a string value is written on one line, without escapes, between two quotes. */
function writtenPlainly(value: Located<string>, text: string): boolean {
  const { range } = value
  const written = text.slice(range.start.offset + 1, range.end.offset - 1)
  return written === value.value && range.start.line === range.end.line
}

/**
 * The range of the characters `start` to `end` of a string value, inside its quotes, when the
 * value is written on one line without escapes, so that a finding can point at the account ID
 * of an ARN rather than at the whole ARN. Otherwise the range of the whole value.
 */
export function rangeWithin(
  value: Located<string>,
  text: string,
  start: number,
  end: number,
): SourceRange {
  const { range } = value
  if (!writtenPlainly(value, text)) return range
  return { start: shift(range.start, 1 + start), end: shift(range.start, 1 + end) }
}

/**
 * The edit that writes `replacement` in place of the characters `start` to `end` of a string
 * value. Where the characters cannot be located in the text (the value holds escapes such as
 * `\/` or `\t`), the whole value is written again as a JSON string, quotes included, so that
 * the edit never leaves a half-replaced escape or a value without quotes.
 */
export function editWithin(
  value: Located<string>,
  text: string,
  start: number,
  end: number,
  replacement: string,
): { readonly range: SourceRange; readonly newText: string } {
  if (writtenPlainly(value, text)) {
    return { range: rangeWithin(value, text, start, end), newText: replacement }
  }
  const rewritten = value.value.slice(0, start) + replacement + value.value.slice(end)
  return { range: value.range, newText: JSON.stringify(rewritten) }
}

/** An empty range at a position, for edits that insert. */
export function insertionAt(position: Position): SourceRange {
  return { start: position, end: position }
}
