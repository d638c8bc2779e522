import type { SourceRange } from '../model/index.ts'
import { createPositionMap, type JsonNode, parseJson } from '../parse/json/index.ts'
import type { CheckContext } from './check-context.ts'

const typographicQuotes = new Set([0x2018, 0x2019, 0x201c, 0x201d])
const reportedAtMost = 20

/**
 * The offsets of the characters that open and close strings. Only texts with typographic
 * quotes need it, so reading the text again costs nothing in the common case; nesting is
 * bounded by the reader, so the walk's depth is too.
 */
function stringDelimiters(text: string): Set<number> {
  const offsets = new Set<number>()
  const add = (range: SourceRange) => {
    offsets.add(range.start.offset)
    offsets.add(range.end.offset - 1)
  }
  const visit = (node: JsonNode): void => {
    if (node.kind === 'string') add(node.range)
    else if (node.kind === 'array') for (const item of node.items) visit(item)
    else if (node.kind === 'object') {
      for (const member of node.members) {
        add(member.keyRange)
        visit(member.value)
      }
    }
  }
  const { value } = parseJson(text)
  if (value !== undefined) visit(value)
  return offsets
}

/**
 * IAM accepts only tab, line feed, carriage return and U+0020 to U+00FF in a policy (*IAM and
 * AWS STS quotas*, character limits); anything else is refused when the policy is saved.
 * Typographic quotes that open or close strings are left to the parser, which reports them;
 * inside a string they are characters like any other.
 */
export function checkCharacters(context: CheckContext): void {
  const { text } = context
  let delimiters: Set<number> | undefined
  let positions: ReturnType<typeof createPositionMap> | undefined
  let reported = 0
  for (let index = 0; index < text.length && reported < reportedAtMost; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 0x20 && code <= 0xff) || code === 9 || code === 10 || code === 13) continue
    if (typographicQuotes.has(code)) {
      delimiters ??= stringDelimiters(text)
      if (delimiters.has(index)) continue
    }
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1
    positions ??= createPositionMap(text)
    const character = text.slice(index, index + width)
    context.report(
      'unsupported-character',
      context.policyType === 'resource' ? 'warning' : 'error',
      `${JSON.stringify(character)} (U+${(text.codePointAt(index) ?? code).toString(16).toUpperCase().padStart(4, '0')}): IAM policies may hold only tab, line breaks and characters U+0020 to U+00FF`,
      positions.range(index, index + width),
    )
    reported++
    index += width - 1
  }
}
