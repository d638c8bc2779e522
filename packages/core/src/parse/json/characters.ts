/** The four characters JSON allows between tokens: space, tab, line feed, carriage return. */
export function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d
}

/** `0` to `9`. */
export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** `0` to `9`, `a` to `f`, `A` to `F`. */
export function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46)
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
}

/** A letter, `_` or `$`: the start of a bare word such as `true`, `NaN` or an unquoted name. */
export function isWordStart(code: number): boolean {
  return isLetter(code) || code === 0x5f || code === 0x24
}

/** What may follow the start of a bare word. */
export function isWordPart(code: number): boolean {
  return isWordStart(code) || isDigit(code)
}

/** A digit, `-`, or what people write where they mean a number: `+` and `.`. */
export function isNumberStart(code: number): boolean {
  return isDigit(code) || code === 0x2d || code === 0x2b || code === 0x2e
}

/**
 * What a number token runs on with: digits, signs, points and letters, so that `0x1F`, `1e5`,
 * `-Infinity` or an unquoted `2012-10-17` is one (possibly invalid) number, not several tokens.
 */
export function isNumberPart(code: number): boolean {
  return isNumberStart(code) || isLetter(code)
}

/** `“`, `”`, `‘` and `’`, which word processors and web pages put where `"` was written. */
export function isTypographicQuote(code: number): boolean {
  return code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019
}

/** `U+00A0`, as messages name a character. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
}
