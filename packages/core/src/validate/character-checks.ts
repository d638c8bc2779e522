import { createPositionMap } from '../parse/json/index.ts'
import type { CheckContext } from './check-context.ts'

const typographicQuotes = new Set([0x2018, 0x2019, 0x201c, 0x201d])
const reportedAtMost = 20

/**
 * IAM accepts only tab, line feed, carriage return and U+0020 to U+00FF in a policy (*IAM and
 * AWS STS quotas*, character limits); anything else is refused when the policy is saved.
 * Typographic quotes are left to the parser, which reports them where they stand for quotes.
 */
export function checkCharacters(context: CheckContext): void {
  const { text } = context
  let positions: ReturnType<typeof createPositionMap> | undefined
  let reported = 0
  for (let index = 0; index < text.length && reported < reportedAtMost; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 0x20 && code <= 0xff) || code === 9 || code === 10 || code === 13) continue
    if (typographicQuotes.has(code)) continue
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1
    positions ??= createPositionMap(text)
    const character = text.slice(index, index + width)
    context.report(
      'unsupported-character',
      context.policyType === 'resource' ? 'warning' : 'error',
      `U+${(text.codePointAt(index) ?? code).toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(character)}: IAM policies may hold only tab, line breaks and characters U+0020 to U+00FF`,
      positions.range(index, index + width),
    )
    reported++
    index += width - 1
  }
}
