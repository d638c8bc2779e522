import { isJsonWhitespace } from './characters.ts'
import type { SyntaxReport } from './token.ts'

/**
 * Steps over whitespace and comments from `offset`, reporting each comment (JSON has none, and
 * IAM rejects them), and returns the offset of the next token. Linear: `indexOf` finds the end
 * of a block comment.
 */
export function skipTrivia(text: string, from: number, report: SyntaxReport): number {
  let offset = from
  while (offset < text.length) {
    const code = text.charCodeAt(offset)
    if (isJsonWhitespace(code)) {
      offset++
      continue
    }
    if (code !== 0x2f) return offset
    const next = text.charCodeAt(offset + 1)
    const start = offset
    if (next === 0x2f) {
      offset += 2
      while (offset < text.length) {
        const inner = text.charCodeAt(offset)
        if (inner === 0x0a || inner === 0x0d) break
        offset++
      }
      report('comment', 'comments are not allowed in JSON: remove this `//` comment', start, offset)
    } else if (next === 0x2a) {
      const close = text.indexOf('*/', offset + 2)
      offset = close < 0 ? text.length : close + 2
      report(
        'comment',
        close < 0
          ? 'comments are not allowed in JSON, and this `/*` comment is not closed: remove it'
          : 'comments are not allowed in JSON: remove this `/* */` comment',
        start,
        offset,
      )
    } else {
      return offset
    }
  }
  return offset
}
