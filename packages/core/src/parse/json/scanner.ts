import type { DiagnosticCode } from '../../model/index.ts'

export type TokenType =
  | '{'
  | '}'
  | '['
  | ']'
  | ':'
  | ','
  | 'string'
  | 'number'
  | 'true'
  | 'false'
  | 'null'
  | 'word'
  | 'end'

export interface Token {
  readonly type: TokenType
  readonly start: number
  readonly end: number
  /** The decoded string, or the raw text of a number or word. */
  readonly text: string
}

/** A problem found while scanning, at offsets. */
export interface ScanProblem {
  readonly code: DiagnosticCode
  readonly message: string
  readonly start: number
  readonly end: number
}

export interface Scanner {
  next(): Token
}

const numberShape = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/
const typographicQuotes = new Set([0x201c, 0x201d, 0x2018, 0x2019])
const escapes: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

function isWordCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 36
  )
}

function isNumberCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    code === 45 ||
    code === 43 ||
    code === 46 ||
    code === 101 ||
    code === 69
  )
}

/**
 * Cuts JSON text into tokens, reporting and stepping over what JSON forbids (comments, stray
 * characters, bad escapes) so that the parser can go on and report everything in one pass.
 * Every step consumes at least one character, so scanning is linear.
 */
export function createScanner(text: string, report: (problem: ScanProblem) => void): Scanner {
  let offset = 0

  function skipTrivia(): void {
    while (offset < text.length) {
      const code = text.charCodeAt(offset)
      if (code === 32 || code === 9 || code === 10 || code === 13) {
        offset++
      } else if (code === 47 && text.charCodeAt(offset + 1) === 47) {
        const start = offset
        while (
          offset < text.length &&
          text.charCodeAt(offset) !== 10 &&
          text.charCodeAt(offset) !== 13
        )
          offset++
        report({
          code: 'comment',
          message: 'comments are not JSON: remove this `//` comment',
          start,
          end: offset,
        })
      } else if (code === 47 && text.charCodeAt(offset + 1) === 42) {
        const start = offset
        const close = text.indexOf('*/', offset + 2)
        offset = close < 0 ? text.length : close + 2
        report({
          code: 'comment',
          message: 'comments are not JSON: remove this `/* */` comment',
          start,
          end: offset,
        })
      } else {
        return
      }
    }
  }

  function scanString(start: number, typographic: boolean): Token {
    offset = start + 1
    const parts: string[] = []
    let runStart = offset
    while (offset < text.length) {
      const code = text.charCodeAt(offset)
      if (code === 34 || (typographic && typographicQuotes.has(code))) {
        parts.push(text.slice(runStart, offset))
        offset++
        return { type: 'string', start, end: offset, text: parts.join('') }
      }
      if (code === 10 || code === 13) break
      if (code === 92) {
        parts.push(text.slice(runStart, offset))
        const escaped = text[offset + 1] ?? ''
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(offset + 2, offset + 6))) {
          parts.push(String.fromCharCode(Number.parseInt(text.slice(offset + 2, offset + 6), 16)))
          offset += 6
        } else if (escaped !== '' && escapes[escaped] !== undefined) {
          parts.push(escapes[escaped] as string)
          offset += 2
        } else {
          const length = escaped === '' ? 1 : 2
          report({
            code: 'invalid-escape',
            message: `invalid escape \`\\${escaped}\` in string`,
            start: offset,
            end: offset + length,
          })
          parts.push(escaped)
          offset += length
        }
        runStart = offset
        continue
      }
      if (code < 32) {
        report({
          code: 'control-character-in-string',
          message: `control character U+${code.toString(16).padStart(4, '0').toUpperCase()} must be escaped in a string`,
          start: offset,
          end: offset + 1,
        })
      }
      offset++
    }
    parts.push(text.slice(runStart, offset))
    report({
      code: 'unterminated-string',
      message: 'string is not closed: add `"`',
      start,
      end: offset,
    })
    return { type: 'string', start, end: offset, text: parts.join('') }
  }

  function scanRun(start: number, accepts: (code: number) => boolean): string {
    offset = start
    while (offset < text.length && accepts(text.charCodeAt(offset))) offset++
    return text.slice(start, offset)
  }

  function next(): Token {
    for (;;) {
      skipTrivia()
      const start = offset
      if (offset >= text.length) return { type: 'end', start, end: start, text: '' }
      const code = text.charCodeAt(offset)
      const symbol = text[offset] as string
      if ('{}[]:,'.includes(symbol)) {
        offset++
        return { type: symbol as TokenType, start, end: offset, text: symbol }
      }
      if (code === 34) return scanString(start, false)
      if (typographicQuotes.has(code)) {
        report({
          code: 'invalid-character',
          message: `typographic quote \`${symbol}\`: use a straight quote \`"\``,
          start,
          end: start + 1,
        })
        const token = scanString(start, true)
        return token
      }
      if (isNumberCharacter(code)) {
        const raw = scanRun(start, isNumberCharacter)
        if (!numberShape.test(raw)) {
          report({
            code: 'invalid-number',
            message: `invalid number \`${raw}\``,
            start,
            end: offset,
          })
        }
        return { type: 'number', start, end: offset, text: raw }
      }
      if (isWordCharacter(code)) {
        const word = scanRun(start, isWordCharacter)
        const type = word === 'true' || word === 'false' || word === 'null' ? word : 'word'
        return { type, start, end: offset, text: word }
      }
      offset++
      report({
        code: 'unexpected-character',
        message: `unexpected character \`${symbol}\` (U+${code.toString(16).padStart(4, '0').toUpperCase()})`,
        start,
        end: offset,
      })
    }
  }

  return { next }
}
