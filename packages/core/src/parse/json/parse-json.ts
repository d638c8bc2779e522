import type { Diagnostic, DiagnosticCode } from '../../model/index.ts'
import { createPositionMap } from './positions.ts'
import { createScanner, type Token, type TokenType } from './scanner.ts'
import type { JsonMember, JsonNode } from './syntax.ts'

/** Deeper than any policy can be (IAM nests four levels), shallow enough for any stack. */
export const maximumDepth = 128

export interface JsonParseResult {
  readonly value?: JsonNode
  readonly diagnostics: readonly Diagnostic[]
}

const valueStarts = new Set(['{', '[', 'string', 'number', 'true', 'false', 'null'])

/**
 * Parses JSON text into a located syntax tree. Accepts exactly what `JSON.parse` accepts without
 * a diagnostic; anything else is reported as an error and recovered from as a reader would
 * guess (a missing comma inserted, a trailing comma ignored, open containers closed at the end),
 * so that one pass reports every problem. Never throws; linear in the text.
 */
export function parseJson(text: string): JsonParseResult {
  const positions = createPositionMap(text)
  const diagnostics: Diagnostic[] = []
  const report = (code: DiagnosticCode, message: string, start: number, end: number) => {
    diagnostics.push({ code, severity: 'error', message, range: positions.range(start, end) })
  }
  const scanner = createScanner(text, (problem) =>
    report(problem.code, problem.message, problem.start, problem.end),
  )
  let token: Token = scanner.next()
  const advance = () => {
    token = scanner.next()
  }
  // Read through a function: the token changes under calls, which narrowing cannot see.
  const peek = (): TokenType => token.type

  function unexpected(what: string): void {
    const shown = peek() === 'end' ? 'end of text' : `\`${token.text}\``
    const code = peek() === 'end' ? 'unexpected-end' : 'unexpected-token'
    report(code, `expected ${what}, found ${shown}`, token.start, Math.max(token.end, token.start))
  }

  /** Steps over a value nested too deep, counting brackets, without building it. */
  function skipValue(): void {
    let open = 0
    do {
      if (peek() === '{' || peek() === '[') open++
      else if (peek() === '}' || peek() === ']') open--
      advance()
    } while (open > 0 && peek() !== 'end')
  }

  function parseValue(depth: number): JsonNode | undefined {
    const start = token
    switch (peek()) {
      case '{':
      case '[':
        if (depth >= maximumDepth) {
          report(
            'nesting-too-deep',
            `values nest deeper than ${maximumDepth} levels`,
            token.start,
            token.end,
          )
          skipValue()
          return { kind: 'null', range: positions.range(start.start, start.end) }
        }
        return peek() === '{' ? parseObject(depth + 1) : parseArray(depth + 1)
      case 'string':
        advance()
        return { kind: 'string', value: start.text, range: positions.range(start.start, start.end) }
      case 'number':
        advance()
        return {
          kind: 'number',
          value: Number(start.text),
          raw: start.text,
          range: positions.range(start.start, start.end),
        }
      case 'true':
      case 'false':
        advance()
        return {
          kind: 'boolean',
          value: start.type === 'true',
          range: positions.range(start.start, start.end),
        }
      case 'null':
        advance()
        return { kind: 'null', range: positions.range(start.start, start.end) }
      default:
        return undefined
    }
  }

  /** After an item: a comma, the closer, or (reported) a missing comma. Returns false to stop. */
  function afterItem(closer: '}' | ']', nextStarts: (type: string) => boolean): boolean {
    if (peek() === ',') {
      const comma = token
      advance()
      if (peek() === closer) {
        report(
          'trailing-comma',
          `remove the trailing comma before \`${closer}\``,
          comma.start,
          comma.end,
        )
        return false
      }
      return true
    }
    if (peek() === closer) return false
    if (nextStarts(peek())) {
      report(
        'missing-comma',
        `expected \`,\` before this ${closer === '}' ? 'member' : 'item'}`,
        token.start,
        token.end,
      )
      return true
    }
    if (peek() === 'end') return false
    unexpected(`\`,\` or \`${closer}\``)
    advance()
    return true
  }

  function close(opener: Token, closer: '}' | ']'): number {
    if (peek() === closer) {
      const end = token.end
      advance()
      return end
    }
    report(
      'unexpected-end',
      `\`${opener.text}\` is not closed: add \`${closer}\``,
      opener.start,
      opener.end,
    )
    return token.start
  }

  function parseObject(depth: number): JsonNode {
    const opener = token
    advance()
    const members: JsonMember[] = []
    while (peek() !== '}' && peek() !== 'end') {
      if (peek() !== 'string') {
        unexpected('a member name in double quotes')
        if (peek() === ']') break
        advance()
        continue
      }
      const keyToken = token
      advance()
      if (peek() === ':') advance()
      else
        report(
          'missing-colon',
          `expected \`:\` after \`"${keyToken.text}"\``,
          keyToken.end,
          keyToken.end,
        )
      const value = parseValue(depth)
      if (value === undefined) {
        unexpected('a value')
        if (peek() !== '}' && peek() !== ',' && peek() !== 'end') advance()
      } else {
        members.push({
          key: keyToken.text,
          keyRange: positions.range(keyToken.start, keyToken.end),
          value,
        })
      }
      if (!afterItem('}', (type) => type === 'string')) break
    }
    const end = close(opener, '}')
    return { kind: 'object', members, range: positions.range(opener.start, end) }
  }

  function parseArray(depth: number): JsonNode {
    const opener = token
    advance()
    const items: JsonNode[] = []
    while (peek() !== ']' && peek() !== 'end') {
      const value = parseValue(depth)
      if (value === undefined) {
        unexpected('a value')
        if (peek() === '}') break
        advance()
        continue
      }
      items.push(value)
      if (!afterItem(']', (type) => valueStarts.has(type))) break
    }
    const end = close(opener, ']')
    return { kind: 'array', items, range: positions.range(opener.start, end) }
  }

  if (peek() === 'end') {
    report('empty-document', 'the text holds no JSON value', 0, text.length)
    return { diagnostics }
  }
  let value = parseValue(0)
  while (value === undefined && peek() !== 'end') {
    unexpected('a JSON value')
    advance()
    value = parseValue(0)
  }
  if (peek() !== 'end') {
    report(
      'trailing-content',
      'unexpected text after the end of the document',
      token.start,
      text.length,
    )
  }
  return value === undefined ? { diagnostics } : { value, diagnostics }
}
