import type { Located, Position, SourceRange } from '../model/index.ts'

function shift(position: Position, by: number): Position {
  return { line: position.line, column: position.column + by, offset: position.offset + by }
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
  const written = text.slice(range.start.offset + 1, range.end.offset - 1)
  if (written !== value.value || range.start.line !== range.end.line) return range
  return { start: shift(range.start, 1 + start), end: shift(range.start, 1 + end) }
}

/** The range of a string value without its quotes, or the whole value when that cannot be told. */
export function contentRange(value: Located<string>, text: string): SourceRange {
  return rangeWithin(value, text, 0, value.value.length)
}

/** An empty range at a position, for edits that insert. */
export function insertionAt(position: Position): SourceRange {
  return { start: position, end: position }
}
