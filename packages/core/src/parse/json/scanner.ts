import { show } from '../show.ts'
import { isNumberStart, isTypographicQuote, isWordPart, isWordStart } from './characters.ts'
import { checkNumber, scanNumber } from './scan-number.ts'
import { scanString } from './scan-string.ts'
import { skipTrivia } from './skip-trivia.ts'
import { skipUnexpected } from './skip-unexpected.ts'
import type { SyntaxReport, Token, TokenType } from './token.ts'

/** Hands out the tokens of a text one at a time; after the last, `end` forever. */
export interface Scanner {
  next(): Token
}

const punctuation: ReadonlyMap<number, TokenType> = new Map([
  [0x7b, '{'],
  [0x7d, '}'],
  [0x5b, '['],
  [0x5d, ']'],
  [0x3a, ':'],
  [0x2c, ','],
])

function scanWord(text: string, start: number, report: SyntaxReport): Token {
  let offset = start + 1
  while (offset < text.length && isWordPart(text.charCodeAt(offset))) offset++
  const word = text.slice(start, offset)
  if (word === 'true' || word === 'false' || word === 'null') {
    return { type: word, start, end: offset, text: word }
  }
  if (word === 'NaN' || word === 'Infinity') {
    checkNumber(word, start, report)
    return { type: 'number', start, end: offset, text: word }
  }
  return { type: 'word', start, end: offset, text: word }
}

/**
 * Cuts JSON text into tokens. What JSON forbids is reported and stepped over (comments, stray
 * characters) or read as it was meant (strings in typographic or single quotes, invalid numbers),
 * so that the parser goes on and one pass reports every problem. Each token consumes at least one
 * character and no character is read twice, so scanning is linear.
 */
export function createScanner(text: string, report: SyntaxReport): Scanner {
  let offset = 0
  function next(): Token {
    for (;;) {
      offset = skipTrivia(text, offset, report)
      const start = offset
      if (start >= text.length) return { type: 'end', start, end: start, text: '' }
      const code = text.charCodeAt(start)
      const type = punctuation.get(code)
      let token: Token | undefined
      if (type !== undefined) {
        token = { type, start, end: start + 1, text: text.charAt(start) }
      } else if (code === 0x22) {
        token = scanString(text, start, 'double', report)
      } else if (code === 0x27 || isTypographicQuote(code)) {
        report(
          'invalid-character',
          `${code === 0x27 ? 'single' : 'typographic'} quote ${show(text.charAt(start))}: use straight double quotes \`"\` around strings`,
          start,
          start + 1,
        )
        token = scanString(text, start, code === 0x27 ? 'single' : 'typographic', report)
      } else if (isNumberStart(code)) {
        token = scanNumber(text, start, report)
      } else if (isWordStart(code)) {
        token = scanWord(text, start, report)
      }
      if (token !== undefined) {
        offset = token.end
        return token
      }
      offset = skipUnexpected(text, start, report)
    }
  }
  return { next }
}
