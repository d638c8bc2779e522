import { show } from '../show.ts'
import { codePointName, isHexDigit, isJsonWhitespace, isTypographicQuote } from './characters.ts'
import type { SyntaxReport, Token } from './token.ts'

/**
 * How a string was opened: with `"` as JSON wants, or (recovered from, after a report) with a
 * straight single quote or a typographic quote.
 */
export type Quote = 'double' | 'single' | 'typographic'

const shortEscapes: ReadonlyMap<number, string> = new Map([
  [0x22, '"'],
  [0x5c, '\\'],
  [0x2f, '/'],
  [0x62, '\b'],
  [0x66, '\f'],
  [0x6e, '\n'],
  [0x72, '\r'],
  [0x74, '\t'],
])
const controlEscapes: ReadonlyMap<number, string> = new Map([
  [0x08, '\\b'],
  [0x09, '\\t'],
  [0x0a, '\\n'],
  [0x0c, '\\f'],
  [0x0d, '\\r'],
])

function closes(quote: Quote, code: number): boolean {
  if (quote === 'double') return code === 0x22
  if (quote === 'single') return code === 0x27
  return code === 0x22 || isTypographicQuote(code)
}

function isLineEnd(code: number): boolean {
  return code === 0x0a || code === 0x0d
}

/** Where a string ends: at its closing quote, or (not closed) at the end of its line. */
interface StringExtent {
  /** The offset of the closing quote, or of the end of the line. */
  readonly end: number
  readonly closed: boolean
  /** The first typographic quote inside a string opened with `"`, or -1. */
  readonly typographic: number
}

function findExtent(text: string, start: number, quote: Quote): StringExtent {
  let typographic = -1
  let offset = start + 1
  while (offset < text.length) {
    const code = text.charCodeAt(offset)
    if (closes(quote, code)) return { end: offset, closed: true, typographic }
    if (isLineEnd(code)) break
    if (code === 0x5c && !isLineEnd(text.charCodeAt(offset + 1))) offset++
    else if (typographic < 0 && isTypographicQuote(code)) typographic = offset
    offset++
  }
  return { end: Math.min(offset, text.length), closed: false, typographic }
}

/** The end of what a string left open was meant to hold: before a final `,` and spaces. */
function meantEnd(text: string, from: number, lineEnd: number): number {
  let end = lineEnd
  while (end > from && isJsonWhitespace(text.charCodeAt(end - 1))) end--
  if (end > from && text.charCodeAt(end - 1) === 0x2c) {
    end--
    while (end > from && isJsonWhitespace(text.charCodeAt(end - 1))) end--
  }
  return end
}

/**
 * Scans the string whose opening quote is at `start`, decoding escapes, and reporting (and
 * stepping over) invalid escapes and raw control characters. A string not closed on its line is
 * closed where it was most likely meant to be: at a typographic quote inside it (reported as
 * such), else before a comma ending the line, else at the end of the line; so that the next
 * lines are read as written.
 */
export function scanString(text: string, start: number, quote: Quote, report: SyntaxReport): Token {
  const extent = findExtent(text, start, quote)
  let contentEnd = extent.end
  let end = extent.end + 1
  if (!extent.closed && extent.typographic >= 0) {
    contentEnd = extent.typographic
    end = contentEnd + 1
    report(
      'invalid-character',
      `typographic quote ${show(text.charAt(contentEnd))}: use straight double quotes \`"\` around strings`,
      contentEnd,
      end,
    )
  } else if (!extent.closed) {
    contentEnd = meantEnd(text, start + 1, extent.end)
    end = contentEnd
    report('unterminated-string', 'string is not closed: add `"`', start, end)
  }
  return { type: 'string', start, end, text: decode(text, start + 1, contentEnd, report) }
}

/** The value of the string content `text[from, to)`, reporting what JSON forbids in it. */
function decode(text: string, from: number, to: number, report: SyntaxReport): string {
  const parts: string[] = []
  let runStart = from
  let offset = from
  while (offset < to) {
    const code = text.charCodeAt(offset)
    if (code === 0x5c) {
      parts.push(text.slice(runStart, offset))
      offset = decodeEscape(text, offset, to, parts, report)
      runStart = offset
    } else if (code < 0x20) {
      const written = controlEscapes.get(code) ?? `\\u${code.toString(16).padStart(4, '0')}`
      report(
        'control-character-in-string',
        `control character ${codePointName(code)} in a string: write it as \`${written}\``,
        offset,
        offset + 1,
      )
      offset++
    } else {
      offset++
    }
  }
  parts.push(text.slice(runStart, offset))
  return parts.join('')
}

/** The four hex digits of a `\u` escape, or how many of them there are before something else. */
function hexDigitsAt(text: string, offset: number, to: number): number {
  let count = 0
  while (count < 4 && offset + count < to && isHexDigit(text.charCodeAt(offset + count))) count++
  return count
}

/** Decodes the escape whose backslash is at `offset` into `parts`; returns the offset after it. */
function decodeEscape(
  text: string,
  offset: number,
  to: number,
  parts: string[],
  report: SyntaxReport,
): number {
  if (offset + 1 >= to) {
    report(
      'invalid-escape',
      'a string cannot end with `\\`: write `\\\\` for a backslash',
      offset,
      offset + 1,
    )
    return offset + 1
  }
  const escaped = text.charCodeAt(offset + 1)
  const short = shortEscapes.get(escaped)
  if (short !== undefined) {
    parts.push(short)
    return offset + 2
  }
  if (escaped === 0x75) {
    const digits = hexDigitsAt(text, offset + 2, to)
    if (digits === 4) {
      parts.push(String.fromCharCode(Number.parseInt(text.slice(offset + 2, offset + 6), 16)))
      return offset + 6
    }
    const end = offset + 2 + digits
    report(
      'invalid-escape',
      `invalid escape ${show(text.slice(offset, end))} in a string: \`\\u\` takes four hex digits`,
      offset,
      end,
    )
    return end
  }
  // A surrogate pair after the backslash is one character.
  const isPair = escaped >= 0xd800 && escaped <= 0xdbff && offset + 2 < to
  const written = text.slice(offset, offset + (isPair ? 3 : 2))
  report(
    'invalid-escape',
    `invalid escape ${show(written)} in a string: write \`\\\\\` for a backslash`,
    offset,
    offset + written.length,
  )
  parts.push(written.slice(1))
  return offset + written.length
}
