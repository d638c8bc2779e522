import type { Diagnostic } from '../../model/index.ts'
import { maximumDepth, maximumDiagnostics } from '../limits.ts'
import { kindOf } from '../policy-text.ts'
import { show } from '../show.ts'
import { createPositionMap } from './positions.ts'
import { createScanner } from './scanner.ts'
import type { JsonMember, JsonNode } from './syntax.ts'
import type { SyntaxReport, Token, TokenType } from './token.ts'

/** What `parseJson` makes of a text: the value when there is one, and every syntax error. */
export interface JsonParseResult {
  readonly value?: JsonNode
  /** The first `maximumDiagnostics` errors, in the order of the text. */
  readonly diagnostics: readonly Diagnostic[]
  /** How many more errors there were, when there were more. */
  readonly omittedDiagnostics?: number
}

type Closer = '}' | ']'

const valueStarts: ReadonlySet<TokenType> = new Set([
  '{',
  '[',
  'string',
  'number',
  'true',
  'false',
  'null',
])
/** Tokens that end a value in a list: a closer, a comma, or the end of the text. */
const listBreaks: ReadonlySet<TokenType> = new Set(['}', ']', ',', 'end'])
/** Where skipping stops when a value is expected: anything that can start one, or end a list. */
const stopsInValue = (type: TokenType) => valueStarts.has(type) || listBreaks.has(type)
/** Where skipping stops when a member name is expected. */
const stopsInName = (type: TokenType) => type === 'string' || listBreaks.has(type)
/** Where skipping stops before the document's value. */
const stopsInDocument = (type: TokenType) => valueStarts.has(type) || type === 'end'

/**
 * Parses JSON text into a syntax tree where every node has its range.
 *
 * Accepts exactly what `JSON.parse` accepts without a diagnostic (RFC 8259; repeated names are
 * kept as written, for readers to judge). Everything else is reported as an error and recovered
 * from as a person reading it would: a missing comma or colon is inserted, a trailing comma
 * ignored, a string left open at the end of its line closed there, unexpected tokens skipped,
 * open containers closed at the end, and values nested deeper than `maximumDepth` skipped.
 * Never throws; linear in the length of the text.
 */
export function parseJson(text: string): JsonParseResult {
  if (typeof text !== 'string') {
    const range = createPositionMap('').range(0, 0)
    const message = `JSON is text, not ${kindOf(text)}`
    return { diagnostics: [{ code: 'invalid-argument', severity: 'error', message, range }] }
  }
  const positions = createPositionMap(text)
  const diagnostics: Diagnostic[] = []
  let omittedDiagnostics = 0
  /** Where the last run of stray characters ends, to tell a comma after them from a missing value. */
  let strayEnd = -1
  const report: SyntaxReport = (code, message, start, end) => {
    if (code === 'unexpected-character') strayEnd = end
    if (diagnostics.length >= maximumDiagnostics) omittedDiagnostics++
    else diagnostics.push({ code, severity: 'error', message, range: positions.range(start, end) })
  }
  const scanner = createScanner(text, report)
  let token: Token = scanner.next()
  let ahead: Token | undefined
  let lastEnd = 0
  /** How many containers of each kind are open around the current token. */
  const open = { '}': 0, ']': 0 }
  /** The closers the text ended without, innermost first. */
  const unclosed: Closer[] = []
  let valueMissingAtEnd = false

  const advance = () => {
    lastEnd = token.end
    token = ahead ?? scanner.next()
    ahead = undefined
  }
  const lookAhead = (): Token => {
    ahead ??= scanner.next()
    return ahead
  }
  // Read the type through a function: it changes under calls, which narrowing cannot see.
  const type = (): TokenType => token.type
  /** The current token as written, for a message. */
  const found = () =>
    type() === 'end'
      ? 'end of text'
      : show(text.slice(token.start, Math.min(token.end, token.start + 64)))
  const range = (start: number, end: number) => positions.range(start, end)
  /** Whether stray characters (already reported) stand between the last token and this one. */
  const strayBefore = () => strayEnd > lastEnd && strayEnd <= token.start

  /** Consumes a value from its opening bracket to the matching closer, or to the end. */
  function skipNested(): void {
    let depth = 0
    do {
      if (type() === '{' || type() === '[') depth++
      else if (type() === '}' || type() === ']') depth--
      advance()
    } while (depth > 0 && type() !== 'end')
  }

  /** Skips what cannot stand here, up to a token where reading can go on, reporting it once. */
  function skipUnexpected(expected: string, stops: (type: TokenType) => boolean): void {
    const start = token.start
    const first = found()
    do {
      if (type() === '{' || type() === '[') skipNested()
      else advance()
    } while (!stops(type()))
    report('unexpected-token', `expected ${expected}, found ${first}`, start, lastEnd)
  }

  /** Skips a run of commas where something else was expected, reporting the run once. */
  function skipCommas(expected: string): void {
    const start = token.start
    while (type() === ',') advance()
    const written = show(text.slice(start, Math.min(lastEnd, start + 64)))
    report('unexpected-token', `expected ${expected}, found ${written}`, start, lastEnd)
  }

  function leaf(node: JsonNode): JsonNode {
    advance()
    return node
  }

  /** The value at the current token, or `undefined` (nothing consumed) if none starts here. */
  function parseValue(depth: number): JsonNode | undefined {
    const { start, end, text: written } = token
    switch (type()) {
      case '{':
      case '[': {
        if (depth < maximumDepth)
          return type() === '{' ? parseObject(depth + 1) : parseArray(depth + 1)
        report(
          'nesting-too-deep',
          `values nest deeper than ${maximumDepth} levels: this one is skipped`,
          start,
          end,
        )
        skipNested()
        return { kind: 'null', range: range(start, lastEnd) }
      }
      case 'string':
        return leaf({ kind: 'string', value: written, range: range(start, end) })
      case 'number':
        return leaf({
          kind: 'number',
          value: Number(written),
          raw: written,
          range: range(start, end),
        })
      case 'true':
      case 'false':
        return leaf({ kind: 'boolean', value: type() === 'true', range: range(start, end) })
      case 'null':
        return leaf({ kind: 'null', range: range(start, end) })
      case 'word':
        return parseMiscasedLiteral()
      default:
        return undefined
    }
  }

  /** `True`, `FALSE` or `Null`: reported, and read as the literal meant. */
  function parseMiscasedLiteral(): JsonNode | undefined {
    const { start, end, text: written } = token
    const meant = written.toLowerCase()
    if (meant !== 'true' && meant !== 'false' && meant !== 'null') return undefined
    report('unexpected-token', `${show(written)} is not JSON: write \`${meant}\``, start, end)
    advance()
    return meant === 'null'
      ? { kind: 'null', range: range(start, end) }
      : { kind: 'boolean', value: meant === 'true', range: range(start, end) }
  }

  /**
   * Handles the closer at the current token: its own is consumed; the other kind, when an
   * enclosing container waits for it, is reported and left for that container. Returns the end
   * of the container, or `undefined` to go on reading (a stray closer is skipped).
   */
  function closeOn(opener: Token, closer: Closer, expected: string): number | undefined {
    if (type() === closer) {
      const end = token.end
      advance()
      return end
    }
    if (type() === 'end') {
      unclosed.push(closer)
      return lastEnd
    }
    const other: Closer = closer === '}' ? ']' : '}'
    if (open[other] > 0) {
      const at = positions.position(opener.start)
      report(
        'unexpected-token',
        `expected \`${closer}\` to close the \`${opener.text}\` at line ${at.line}, column ${at.column}, found \`${other}\``,
        token.start,
        token.end,
      )
      return lastEnd
    }
    skipUnexpected(expected, closer === '}' ? stopsInName : stopsInValue)
    return undefined
  }

  function parseArray(depth: number): JsonNode {
    const opener = token
    advance()
    open[']']++
    const items: JsonNode[] = []
    let afterItem = false
    let end: number | undefined
    while (end === undefined) {
      const expected = afterItem ? '`,` or `]`' : 'a value'
      if (type() === ']' || type() === '}' || type() === 'end') {
        end = closeOn(opener, ']', expected)
        continue
      }
      if (type() === ',') {
        if (afterItem || strayBefore()) {
          const comma = token
          advance()
          if (type() === ']')
            report('trailing-comma', 'remove the trailing comma before `]`', comma.start, comma.end)
        } else {
          skipCommas('a value')
        }
        afterItem = false
        continue
      }
      if (afterItem && valueStarts.has(type())) {
        report('missing-comma', 'expected `,` between array items', token.start, token.end)
      }
      const value = parseValue(depth)
      if (value === undefined) {
        // What was skipped stands for an item: a comma after it separates.
        skipUnexpected(expected, stopsInValue)
        afterItem = true
        continue
      }
      items.push(value)
      afterItem = true
    }
    open[']']--
    return { kind: 'array', items, range: range(opener.start, end) }
  }

  /** A member name: a string, or (reported) a bare word or number followed by `:`. */
  function parseName(): Token | undefined {
    const name = token
    if (type() === 'string') {
      advance()
      return name
    }
    if (type() === 'end' || type() === '{' || type() === '[' || lookAhead().type !== ':') {
      return undefined
    }
    report(
      'unexpected-token',
      `member names must be in double quotes: write ${show(`"${name.text}"`)}`,
      name.start,
      name.end,
    )
    advance()
    return name
  }

  function parseObject(depth: number): JsonNode {
    const opener = token
    advance()
    open['}']++
    const members: JsonMember[] = []
    let afterMember = false
    let end: number | undefined
    while (end === undefined) {
      const expected = afterMember ? '`,` or `}`' : 'a member name in double quotes'
      if (type() === '}' || type() === ']' || type() === 'end') {
        end = closeOn(opener, '}', expected)
        continue
      }
      if (type() === ',') {
        if (afterMember || strayBefore()) {
          const comma = token
          advance()
          if (type() === '}')
            report('trailing-comma', 'remove the trailing comma before `}`', comma.start, comma.end)
        } else {
          skipCommas(expected)
        }
        afterMember = false
        continue
      }
      const nameStart = token
      const name = parseName()
      if (name === undefined) {
        skipUnexpected(expected, stopsInName)
        afterMember = true
        continue
      }
      if (afterMember) {
        report(
          'missing-comma',
          'expected `,` between object members',
          nameStart.start,
          nameStart.end,
        )
      }
      afterMember = true
      const value = parseMemberValue(name, depth)
      if (value !== undefined) {
        members.push({ key: name.text, keyRange: range(name.start, name.end), value })
      }
    }
    open['}']--
    return { kind: 'object', members, range: range(opener.start, end) }
  }

  /** The `:` and value after a member name, or `undefined` (reported) when there is no value. */
  function parseMemberValue(name: Token, depth: number): JsonNode | undefined {
    if (type() === ':') {
      advance()
    } else if (valueStarts.has(type())) {
      report(
        'missing-colon',
        `expected \`:\` after ${show(`"${name.text}"`)}`,
        token.start,
        token.end,
      )
    } else {
      report(
        'missing-colon',
        `expected \`:\` and a value after ${show(`"${name.text}"`)}, found ${found()}`,
        name.start,
        name.end,
      )
      return undefined
    }
    const value = parseValue(depth)
    if (value !== undefined) return value
    if (type() === 'end') {
      valueMissingAtEnd = true
      return undefined
    }
    if (listBreaks.has(type())) {
      report('unexpected-token', `expected a value, found ${found()}`, token.start, token.end)
      return undefined
    }
    skipUnexpected('a value', stopsInValue)
    return parseValue(depth)
  }

  function reportUnclosed(): void {
    if (unclosed.length === 0 && !valueMissingAtEnd) return
    const written = unclosed.join('')
    const shown =
      unclosed.length <= 16
        ? `\`${written}\``
        : `${unclosed.length} closing brackets, starting with \`${written.slice(0, 16)}\``
    const message = valueMissingAtEnd
      ? `unexpected end of text: expected a value${unclosed.length > 0 ? `, then ${shown}` : ''}`
      : `unexpected end of text: add ${shown}`
    report('unexpected-end', message, lastEnd, lastEnd)
  }

  function parseDocument(): JsonNode | undefined {
    if (type() === 'end') {
      report('empty-document', 'the text holds no JSON value', 0, text.length)
      return undefined
    }
    let value = parseValue(0)
    if (value === undefined) {
      skipUnexpected('a JSON value', stopsInDocument)
      value = parseValue(0)
    }
    reportUnclosed()
    if (type() !== 'end') {
      report(
        'trailing-content',
        `unexpected text after the end of the document, starting with ${found()}`,
        token.start,
        text.length,
      )
    }
    return value
  }

  const value = parseDocument()
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset)
  return {
    ...(value === undefined ? {} : { value }),
    diagnostics,
    ...(omittedDiagnostics === 0 ? {} : { omittedDiagnostics }),
  }
}
