import type { ElementMatch } from '../authorize/result.ts'
import type { PrincipalElement } from '../model/index.ts'
import { findPrincipal } from './principal-match.ts'

/** The Principal or NotPrincipal element against the caller, as an explanation entry. */
export function principalElementMatch(
  element: PrincipalElement,
  caller: string | undefined,
): ElementMatch {
  const found = findPrincipal(element, caller)
  const negated = element.element === 'NotPrincipal'
  const who = caller === undefined ? 'an anonymous caller' : `\`${caller}\``
  const message =
    found === undefined
      ? `${who} is not named in ${element.element}`
      : negated
        ? `${who} is excluded by \`${found.pattern}\` in NotPrincipal`
        : `${who} is named by \`${found.pattern}\``
  return {
    element: element.element,
    matched: negated ? found === undefined : found !== undefined,
    ...(found === undefined ? {} : { pattern: found.pattern, principal: found.kind }),
    message,
    range: element.range,
  }
}
