import { show } from '../show.ts'
import { isDigit, isNumberPart } from './characters.ts'
import type { SyntaxReport, Token } from './token.ts'

/** Whether `text[start, end)` is a number exactly as the JSON grammar (RFC 8259) writes one. */
export function isJsonNumber(text: string, start: number, end: number): boolean {
  let offset = start
  const at = (index: number) => (index < end ? text.charCodeAt(index) : -1)
  if (at(offset) === 0x2d) offset++
  if (at(offset) === 0x30) offset++
  else if (isDigit(at(offset))) while (isDigit(at(offset))) offset++
  else return false
  if (at(offset) === 0x2e) {
    offset++
    if (!isDigit(at(offset))) return false
    while (isDigit(at(offset))) offset++
  }
  if (at(offset) === 0x65 || at(offset) === 0x45) {
    offset++
    if (at(offset) === 0x2b || at(offset) === 0x2d) offset++
    if (!isDigit(at(offset))) return false
    while (isDigit(at(offset))) offset++
  }
  return offset === end
}

/** Why a number-like text is not a JSON number, when a common reason fits. */
function reason(raw: string): string {
  const unsigned = raw.startsWith('-') ? raw.slice(1) : raw
  if (raw.startsWith('+')) return ': JSON numbers have no `+` sign'
  if (unsigned.startsWith('.')) return ': write a digit before the `.`'
  if (raw.endsWith('.')) return ': write a digit after the `.`'
  if (unsigned.length > 1 && unsigned.startsWith('0') && isDigit(unsigned.charCodeAt(1)))
    return ': numbers do not start with `0`'
  if (unsigned === 'NaN' || unsigned === 'Infinity') return ': JSON has no `NaN` or `Infinity`'
  return ''
}

/**
 * Reports a number-like token that the JSON grammar rejects (`01`, `+1`, `.5`, `1.`, `0x1F`,
 * `NaN`, `-Infinity`); its value is then what `Number` makes of it, as a reader would guess.
 */
export function checkNumber(raw: string, start: number, report: SyntaxReport): void {
  if (!isJsonNumber(raw, 0, raw.length)) {
    report('invalid-number', `invalid number ${show(raw)}${reason(raw)}`, start, start + raw.length)
  }
}

/** Scans a number-like token at `start`: see `isNumberPart` for what it runs on with. */
export function scanNumber(text: string, start: number, report: SyntaxReport): Token {
  let offset = start + 1
  while (offset < text.length && isNumberPart(text.charCodeAt(offset))) offset++
  const raw = text.slice(start, offset)
  checkNumber(raw, start, report)
  return { type: 'number', start, end: offset, text: raw }
}
