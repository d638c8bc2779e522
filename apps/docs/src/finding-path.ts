import { findingReference } from '@connect-policy/core'

const documented = new Set<string>(findingReference.map((entry) => entry.code))

/**
 * The path of the findings reference's entry for a code, or undefined for a code it has no
 * entry for (codes only an evaluation reports, such as `resource-not-for-action`).
 */
export function findingPath(code: string): string | undefined {
  return documented.has(code) ? `/findings#${code}` : undefined
}
