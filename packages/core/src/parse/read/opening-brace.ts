import type { SourceRange } from '../../model/index.ts'

/**
 * The `{` that opens an object: where the reader points when something is missing from it, so
 * that an editor underlines one character instead of the whole object.
 */
export function openingBrace(range: SourceRange): SourceRange {
  const { start } = range
  return { start, end: { line: start.line, column: start.column + 1, offset: start.offset + 1 } }
}
