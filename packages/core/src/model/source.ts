/**
 * A place in the policy text. Lines and columns start at 1, as editors show them; the offset
 * counts UTF-16 code units from the start of the text, as JavaScript strings index them.
 */
export interface Position {
  readonly line: number
  readonly column: number
  readonly offset: number
}

/** A half-open stretch of the policy text: `start` is the first character, `end` is just past the last. */
export interface SourceRange {
  readonly start: Position
  readonly end: Position
}

/** A value read from the policy text, with where it was written. */
export interface Located<T> {
  readonly value: T
  readonly range: SourceRange
}

/** The range of a value that was not read from text, such as a policy built in code. */
export const noRange: SourceRange = {
  start: { line: 0, column: 0, offset: 0 },
  end: { line: 0, column: 0, offset: 0 },
}
