import type { FieldError } from '../problem/problem.ts'

const openBrace = 0x7b
const openBracket = 0x5b
const closeBrace = 0x7d
const closeBracket = 0x5d
const quote = 0x22
const backslash = 0x5c

const comma = 0x2c

/** What one pass over the bytes of a JSON text tells before it is parsed. */
export interface JsonTextScan {
  /** The byte offset of the first bracket past `maxDepth` levels, if any. */
  readonly tooDeepAt?: number
  /**
   * Whether the parsed value could break the shape rules (`shapeProblem`): some container has
   * `maxItems` or more commas at its own level, a reserved name appears anywhere, or a `\u`
   * escape could spell one. When `false`, `shapeProblem` is certain to find nothing.
   */
  readonly shapeSuspect: boolean
}

const noCounts = new Uint32Array(0)

/** The offset of the quote that closes the string opened at `open`, or the end of the bytes. */
function closingQuote(bytes: Buffer, open: number): number {
  let at = bytes.indexOf(quote, open + 1)
  while (at !== -1) {
    let backslashes = 0
    while (bytes[at - 1 - backslashes] === backslash) backslashes++
    if (backslashes % 2 === 0) return at
    at = bytes.indexOf(quote, at + 1)
  }
  return bytes.length
}

/**
 * One pass over the raw bytes, so that a body nested 100,000 deep is refused before it is
 * parsed, and the walk of the parsed value is skipped when the text shows it cannot find
 * anything. It reads UTF-8 bytes, not decoded text: every byte of a multi-byte character is
 * 0x80 or more, so brackets, quotes, backslashes and commas are found exactly without decoding.
 * Brackets and commas inside strings do not count; malformed text is left to the parser.
 */
export function scanJsonBytes(bytes: Buffer, maxDepth: number, maxItems: number): JsonTextScan {
  // commas seen at each open level; one past the deepest allowed level is never written
  const commas = maxItems === Number.POSITIVE_INFINITY ? noCounts : new Uint32Array(maxDepth + 1)
  let depth = 0
  let crowded = false
  for (let index = 0; index < bytes.length; index++) {
    const code = bytes[index]
    if (code === quote) {
      // a string is skipped whole: its closing quote is found natively, then checked for escapes
      index = closingQuote(bytes, index)
    } else if (code === openBrace || code === openBracket) {
      depth++
      if (depth > maxDepth) return { tooDeepAt: index, shapeSuspect: true }
      if (depth > 0 && depth < commas.length) commas[depth] = 0
    } else if (code === closeBrace || code === closeBracket) {
      depth--
    } else if (code === comma && depth > 0 && depth < commas.length) {
      const seen = (commas[depth] ?? 0) + 1
      commas[depth] = seen
      if (seen >= maxItems) crowded = true
    }
  }
  return {
    shapeSuspect:
      crowded ||
      bytes.includes('\\u') ||
      bytes.includes('__proto__') ||
      bytes.includes('constructor') ||
      bytes.includes('prototype'),
  }
}

/**
 * Names that could reach an object's prototype if some code ever merged user objects into
 * others. No IAM policy element nor condition key is spelled like them, so they are refused
 * everywhere rather than reasoned about field by field.
 */
const reservedKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

function escapePointer(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1')
}

/** A JSON pointer (RFC 6901) to a path of keys and indexes. */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((token) => `/${escapePointer(String(token))}`).join('')
}

function describe(path: (string | number)[], detail: string): FieldError {
  return { in: 'body', pointer: jsonPointer(path), detail }
}

/**
 * The first place in a parsed body that breaks the shape rules every endpoint shares: arrays and
 * objects of at most `maxItems` entries, no reserved key. Checked before any schema, so that a
 * schema never walks a million items to report that there are too many.
 */
export function shapeProblem(value: unknown, maxItems: number): FieldError | undefined {
  const path: (string | number)[] = []
  const visit = (node: unknown): FieldError | undefined => {
    if (typeof node !== 'object' || node === null) return undefined
    if (Array.isArray(node)) {
      if (node.length > maxItems) return describe(path, `has more than ${maxItems} items`)
      for (let index = 0; index < node.length; index++) {
        path.push(index)
        const found = visit(node[index])
        path.pop()
        if (found !== undefined) return found
      }
      return undefined
    }
    const keys = Object.keys(node)
    if (keys.length > maxItems) return describe(path, `has more than ${maxItems} members`)
    for (const key of keys) {
      path.push(key)
      const found = reservedKeys.has(key)
        ? describe(path, `is a reserved name and cannot be used as a key`)
        : visit((node as Record<string, unknown>)[key])
      path.pop()
      if (found !== undefined) return found
    }
    return undefined
  }
  return visit(value)
}

/** Line and column (1-based) of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(offset, text.length)
  for (let index = 0; index < end; index++) {
    if (text.charCodeAt(index) === 0x0a) {
      line++
      lineStart = index + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}
