import { show } from '../show.ts'
import {
  codePointName,
  isJsonWhitespace,
  isNumberStart,
  isTypographicQuote,
  isWordStart,
} from './characters.ts'
import type { SyntaxReport } from './token.ts'

/** Characters pasted from web pages and word processors, named so that people can find them. */
const named: ReadonlyMap<number, string> = new Map([
  [0x00a0, 'no-break space: use a plain space'],
  [0x2007, 'figure space: use a plain space'],
  [0x202f, 'narrow no-break space: use a plain space'],
  [0x200b, 'zero-width space: remove it'],
  [0x2060, 'word joiner: remove it'],
  [0xfeff, 'byte order mark: remove it'],
  [0x2028, 'line separator: use a line break'],
  [0x2029, 'paragraph separator: use a line break'],
])

/** Whether a token, whitespace or a comment starts at `offset`. */
function startsSomething(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset)
  if (isJsonWhitespace(code) || isNumberStart(code) || isWordStart(code)) return true
  if (isTypographicQuote(code)) return true
  if (code === 0x2f) {
    const next = text.charCodeAt(offset + 1)
    return next === 0x2f || next === 0x2a
  }
  return '{}[]:,"\''.includes(text.charAt(offset))
}

function describe(codePoint: number, character: string): string {
  const name = named.get(codePoint)
  if (name !== undefined) return `${codePointName(codePoint)} (${name})`
  return codePoint < 0x20 || codePoint === 0x7f || (codePoint >= 0x80 && codePoint < 0xa0)
    ? codePointName(codePoint)
    : `${show(character)} (${codePointName(codePoint)})`
}

/**
 * Steps over a run of characters that start no token (such as a no-break space, or `#`),
 * reporting the run once, and returns the offset after it. Consumes at least one character.
 */
export function skipUnexpected(text: string, start: number, report: SyntaxReport): number {
  const codePoint = text.codePointAt(start) ?? 0
  const first = String.fromCodePoint(codePoint)
  let offset = start + first.length
  let count = 1
  while (offset < text.length && !startsSomething(text, offset)) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1
    count++
  }
  const more = count === 1 ? '' : ` and ${count - 1} more`
  report(
    'unexpected-character',
    `unexpected character ${describe(codePoint, first)}${more}`,
    start,
    offset,
  )
  return offset
}
