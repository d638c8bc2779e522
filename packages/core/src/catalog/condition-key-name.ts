import { variableSpans } from './variable-spans.ts'

/**
 * A condition key name of the reference, possibly with a variable part, read for matching the
 * names policies use. Key names are case-insensitive (*IAM JSON policy elements: Condition*),
 * and a variable part stands for one or more characters (`aws:ResourceTag/${TagKey}` matches
 * `aws:ResourceTag/Department`).
 */
export interface ConditionKeyName {
  readonly name: string
  /** The lower-case name, for keys without a variable part. */
  readonly exact?: string
  /** For keys with variable parts: the lower-case literal pieces around them. */
  readonly pieces?: readonly string[]
}

export function readConditionKeyName(name: string): ConditionKeyName {
  const folded = name.toLowerCase()
  const pieces: string[] = []
  let from = 0
  for (const span of variableSpans(folded)) {
    pieces.push(folded.slice(from, span.start))
    from = span.end
  }
  pieces.push(folded.slice(from))
  return pieces.length === 1 ? { name, exact: pieces[0] ?? '' } : { name, pieces }
}

/** Whether a key as a policy writes it is an instance of the reference's key. */
export function matchesConditionKeyName(key: ConditionKeyName, written: string): boolean {
  const folded = written.toLowerCase()
  if (key.exact !== undefined) return folded === key.exact
  const pieces = key.pieces ?? []
  let position = 0
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index] ?? ''
    if (index === 0) {
      if (!folded.startsWith(piece)) return false
      position = piece.length
      continue
    }
    // each variable takes at least one character; the last piece must end the name
    const found =
      index === pieces.length - 1
        ? folded.length - piece.length
        : folded.indexOf(piece, position + 1)
    if (found < position + 1 || !folded.startsWith(piece, found)) return false
    position = found + piece.length
  }
  return position === folded.length
}
