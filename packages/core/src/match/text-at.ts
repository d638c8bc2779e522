/**
 * Whether `piece` occurs in `text` at `at`, compared as a whole. Cutting out the part and
 * comparing it with `===` runs native comparison code, where `startsWith` walks the characters
 * one by one: on Node 20 that is several times slower for ARN-long prefixes, which matching
 * compares all the time.
 */
export function textAt(text: string, piece: string, at: number): boolean {
  const end = at + piece.length
  if (at < 0 || end > text.length) return false
  if (piece.length === 0) return true
  return (at === 0 && end === text.length ? text : text.slice(at, end)) === piece
}

const A = 97
const R = 114
const N = 110
const COLON = 58

/** Whether the text starts with `arn:`, read by character codes (no call, no cut). */
export function isArnText(text: string): boolean {
  return (
    text.length >= 4 &&
    text.charCodeAt(0) === A &&
    text.charCodeAt(1) === R &&
    text.charCodeAt(2) === N &&
    text.charCodeAt(3) === COLON
  )
}
