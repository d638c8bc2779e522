import { textAt } from './text-at.ts'

/**
 * A `*`/`?` pattern compiled once, matched many times. `*` matches any run of characters,
 * including none; `?` matches exactly one. There is no escape: IAM has none in these elements.
 *
 * Matching never backtracks over the text more than once per literal piece: the pattern is cut at
 * its stars into pieces, and each piece is placed at its leftmost fit after the previous one.
 * Leftmost placement is optimal for such patterns, so the work is at most the text length times
 * the longest piece, whatever the number of stars.
 *
 * A policy can ask for a literal `*` or `?` (`${*}`, `${?}`); such characters reach the matcher
 * as `literalStar` and `literalQuestionMark`, which match only themselves.
 */
export interface WildcardPattern {
  readonly source: string
  readonly kind: 'exact' | 'anything' | 'prefix' | 'general'
  /** The text before the first star (the whole pattern for `exact`). */
  readonly head: string
  /** The text after the last star. */
  readonly tail: string
  /** The pieces between stars, in order. */
  readonly middle: readonly string[]
  /** Whether the head holds a `?` or a literal wildcard, and so must be compared character by character. */
  readonly headHasQuestionMark: boolean
  /** The same for the tail. */
  readonly tailHasQuestionMark: boolean
  /** The same for each middle piece, worked out once so that matching only compares. */
  readonly middleHasQuestionMark: readonly boolean[]
}

/** Cuts `pattern` at its stars; `?` stays inside the pieces. */
/** Stands for a `*` that matches only a star. */
export const literalStar = '\uE000'
/** Stands for a `?` that matches only a question mark. */
export const literalQuestionMark = '\uE001'

/** Whether a piece must be compared character by character rather than with `indexOf`. */
function isCharwise(piece: string): boolean {
  return piece.includes('?') || piece.includes(literalStar) || piece.includes(literalQuestionMark)
}

/** Shared by every pattern without middle pieces, which most are: compiled sets keep thousands. */
const noPieces: readonly string[] = Object.freeze([])
const noFlags: readonly boolean[] = Object.freeze([])

export function compileWildcard(pattern: string): WildcardPattern {
  const pieces = pattern.split('*')
  const head = pieces[0] ?? ''
  if (pieces.length === 1) {
    return {
      source: pattern,
      kind: 'exact',
      head,
      tail: '',
      middle: noPieces,
      headHasQuestionMark: isCharwise(head),
      tailHasQuestionMark: false,
      middleHasQuestionMark: noFlags,
    }
  }
  const tail = pieces[pieces.length - 1] ?? ''
  const inner = pieces.slice(1, -1).filter((piece) => piece.length > 0)
  const middle = inner.length === 0 ? noPieces : inner
  const headHasQuestionMark = isCharwise(head)
  let kind: WildcardPattern['kind'] = 'general'
  if (head === '' && tail === '' && middle.length === 0) kind = 'anything'
  else if (tail === '' && middle.length === 0 && !headHasQuestionMark) kind = 'prefix'
  return {
    source: pattern,
    kind,
    head,
    tail,
    middle,
    headHasQuestionMark,
    tailHasQuestionMark: isCharwise(tail),
    middleHasQuestionMark: middle.length === 0 ? noFlags : middle.map(isCharwise),
  }
}

/** What matching a pattern may cost beyond one pass over the text (`wildcardWork`). */
export interface WildcardWork {
  /**
   * Characters of the middle pieces with `?`: each such piece may be tried at every place of the
   * text where its first fixed character occurs, so matching may compare up to this many
   * characters per character of the text.
   */
  readonly chars: number
  /** Policy variables in those pieces, each lengthened by the value that fills it. */
  readonly variables: number
  /**
   * Characters of the middle pieces without `?` but with a policy variable, and their variables:
   * such a piece is found by a native search unless a value fills it with `*` or `?`, which are
   * literal there and so compared character by character.
   */
  readonly filledChars: number
  readonly filledVariables: number
}

/**
 * The work matching `pattern` (a policy's text, before its variables are filled) may cost per
 * character of the text, for the evaluation's budget. The head and the tail are compared once,
 * and a piece without `?` is found by a native search, in time linear in the text; only a middle
 * piece compared character by character multiplies. The pieces are those of the filled pattern:
 * a star inside a variable (`${*}`, or a default value) is not one of its stars, and a variable
 * that always fills in a literal `*` or `?` (`${*}`, `${?}`, a default holding one) makes its
 * piece compared by character. The pieces of the whole text between its stars are those an ARN
 * field is cut into, which lie between the same stars, or longer.
 */
export function wildcardWork(pattern: string): WildcardWork {
  if (!pattern.includes('*')) return noWork
  let chars = 0
  let variables = 0
  let filledChars = 0
  let filledVariables = 0
  // the piece being read: its length, whether it is compared by character whatever fills it,
  // and its variables
  let length = 0
  let charwise = false
  let pieceVariables = 0
  let head = true
  for (let at = 0; at < pattern.length; ) {
    const code = pattern.charCodeAt(at)
    if (code === DOLLAR && pattern.charCodeAt(at + 1) === OPEN_BRACE) {
      const close = pattern.indexOf('}', at + 2)
      const end = close < 0 ? pattern.length : close + 1
      const body = pattern.slice(at + 2, end - 1)
      length += end - at
      pieceVariables++
      if (body.includes('*') || body.includes('?')) charwise = true
      at = end
      continue
    }
    if (code === STAR) {
      if (!head) {
        if (charwise) {
          chars += length
          variables += pieceVariables
        } else if (pieceVariables > 0) {
          filledChars += length
          filledVariables += pieceVariables
        }
      }
      head = false
      length = 0
      charwise = false
      pieceVariables = 0
    } else {
      length++
      if (code === QUESTION_MARK) charwise = true
    }
    at++
  }
  return chars === 0 && filledChars === 0
    ? noWork
    : { chars, variables, filledChars, filledVariables }
}

const noWork: WildcardWork = Object.freeze({
  chars: 0,
  variables: 0,
  filledChars: 0,
  filledVariables: 0,
})
const DOLLAR = 36
const OPEN_BRACE = 123

/** Whether `text` matches the compiled pattern. Case-sensitive: fold case before calling if needed. */
export function matchesWildcard(pattern: WildcardPattern, text: string): boolean {
  switch (pattern.kind) {
    case 'anything':
      return true
    case 'prefix':
      return textAt(text, pattern.head, 0)
    case 'exact':
      return pattern.headHasQuestionMark
        ? text.length === pattern.head.length && pieceMatchesAt(pattern.head, text, 0)
        : text === pattern.head
    case 'general':
      return matchesGeneral(pattern, text, 0, text.length)
  }
}

/**
 * Whether the part of `text` from `from` to `to` (exclusive) matches the pattern, without
 * cutting the part out first: ARN fields are matched where they lie in the ARN.
 */
export function matchesWildcardIn(
  pattern: WildcardPattern,
  text: string,
  from: number,
  to: number,
): boolean {
  switch (pattern.kind) {
    case 'anything':
      return true
    case 'prefix':
      return to - from >= pattern.head.length && textAt(text, pattern.head, from)
    case 'exact':
      if (to - from !== pattern.head.length) return false
      return pattern.headHasQuestionMark
        ? pieceMatchesAt(pattern.head, text, from)
        : textAt(text, pattern.head, from)
    case 'general':
      return matchesGeneral(pattern, text, from, to)
  }
}

function matchesGeneral(pattern: WildcardPattern, text: string, from: number, to: number): boolean {
  const { head, tail, middle, middleHasQuestionMark } = pattern
  if (head.length + tail.length > to - from) return false
  if (
    !(pattern.headHasQuestionMark ? pieceMatchesAt(head, text, from) : textAt(text, head, from))
  ) {
    return false
  }
  const tailStart = to - tail.length
  if (
    !(pattern.tailHasQuestionMark
      ? pieceMatchesAt(tail, text, tailStart)
      : textAt(text, tail, tailStart))
  ) {
    return false
  }
  let position = from + head.length
  for (let index = 0; index < middle.length; index++) {
    const piece = middle[index] as string
    const found = findPiece(piece, middleHasQuestionMark[index] === true, text, position, tailStart)
    if (found < 0) return false
    position = found + piece.length
  }
  return true
}

/** Whether `piece` (which may hold `?`) matches `text` starting at `start`. */
function pieceMatchesAt(piece: string, text: string, start: number): boolean {
  if (start + piece.length > text.length) return false
  for (let index = 0; index < piece.length; index++) {
    const expected = piece.charCodeAt(index)
    if (expected === QUESTION_MARK) continue
    const wanted =
      expected === LITERAL_STAR
        ? STAR
        : expected === LITERAL_QUESTION_MARK
          ? QUESTION_MARK
          : expected
    if (wanted !== text.charCodeAt(start + index)) return false
  }
  return true
}

/** The leftmost start at or after `from` where `piece` fits wholly before `limit`, or -1. */
function findPiece(
  piece: string,
  charwise: boolean,
  text: string,
  from: number,
  limit: number,
): number {
  const last = limit - piece.length
  if (!charwise) {
    const found = text.indexOf(piece, from)
    return found >= 0 && found <= last ? found : -1
  }
  // jump between the places where the piece's first fixed character occurs, rather than trying
  // every start: a `?b` piece over a text without `b` is one native search
  let offset = 0
  while (offset < piece.length && piece.charCodeAt(offset) === QUESTION_MARK) offset++
  if (offset === piece.length) return from <= last ? from : -1
  const code = piece.charCodeAt(offset)
  const anchor =
    code === LITERAL_STAR ? '*' : code === LITERAL_QUESTION_MARK ? '?' : String.fromCharCode(code)
  let start = from
  while (start <= last) {
    const found = text.indexOf(anchor, start + offset)
    if (found < 0 || found - offset > last) return -1
    start = found - offset
    if (pieceMatchesAt(piece, text, start)) return start
    start++
  }
  return -1
}

const QUESTION_MARK = 63
const STAR = 42
const LITERAL_STAR = 0xe000
const LITERAL_QUESTION_MARK = 0xe001

/** Whether `text` matches `pattern`, compiling it on the way: for one-off checks. */
export function wildcardMatch(pattern: string, text: string): boolean {
  if (typeof pattern !== 'string' || typeof text !== 'string') return false
  return matchesWildcard(compileWildcard(pattern), text)
}
