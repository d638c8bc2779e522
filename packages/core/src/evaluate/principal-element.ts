import type { PrincipalElement } from '../model/index.ts'
import { findPrincipal, type PrincipalMatchKind } from './principal-match.ts'
import type { ElementMatch } from './trace.ts'

/**
 * The Principal or NotPrincipal element against the caller, as an explanation entry.
 * `boundedDeny` marks a Deny statement evaluated for a principal with a permissions boundary:
 * such a Deny with NotPrincipal applies to that principal even when it is listed
 * (*IAM JSON policy elements: NotPrincipal*).
 */
export function principalElementMatch(
  element: PrincipalElement,
  caller: string | undefined,
  boundedDeny = false,
): ElementMatch {
  const negated = element.element === 'NotPrincipal'
  if (negated && boundedDeny) {
    return {
      element: element.element,
      matched: true,
      message:
        'a Deny with NotPrincipal applies to every principal that has a permissions boundary',
      range: element.range,
    }
  }
  const found = findPrincipal(element, caller)
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

/**
 * Whether the Principal or NotPrincipal element admits the caller, as `principalElementMatch`
 * decides, without explaining it: how a Principal named the caller, `true` for a NotPrincipal
 * that admits, `false` when the element does not admit.
 */
export function principalAdmits(
  element: PrincipalElement,
  caller: string | undefined,
  boundedDeny: boolean,
): PrincipalMatchKind | boolean {
  const negated = element.element === 'NotPrincipal'
  if (negated && boundedDeny) return true
  const found = findPrincipal(element, caller)
  if (negated) return found === undefined
  return found === undefined ? false : found.kind
}
