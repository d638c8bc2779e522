import { quoteList } from '../model/index.ts'
import type { MatchedElement } from './trace.ts'

export { quoteList }

/**
 * The message for an Action/Resource-style element, given which pattern (if any) matched.
 * `Not…` elements apply when nothing matched, so the wording follows the element.
 */
export function elementMessage(
  element: MatchedElement,
  subject: string,
  patterns: readonly string[],
  matchedPattern: string | undefined,
): string {
  return quotedElementMessage(element, subject, quoteList(patterns), matchedPattern)
}

/** `elementMessage` with the patterns already quoted, as a compiled statement keeps them. */
export function quotedElementMessage(
  element: MatchedElement,
  subject: string,
  quotedPatterns: string,
  matchedPattern: string | undefined,
): string {
  const negated = element.startsWith('Not')
  if (matchedPattern !== undefined) {
    return negated
      ? `\`${subject}\` is excluded by \`${matchedPattern}\` in ${element}`
      : `\`${subject}\` matches \`${matchedPattern}\``
  }
  return negated
    ? `\`${subject}\` matches none of ${quotedPatterns} in ${element}`
    : `\`${subject}\` matches none of ${quotedPatterns}`
}
