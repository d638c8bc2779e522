import type { PolicyType } from '../authorize/index.ts'
import type { CheckContext } from './check-context.ts'
import type { FindingSeverity } from './finding.ts'

/** The number of characters IAM counts: everything but whitespace outside strings. */
export function countedCharacters(text: string): number {
  if (typeof text !== 'string') return 0
  let count = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (inString) {
      count++
      if (character === '\\') {
        count++
        index++
      } else if (character === '"') {
        inString = false
      }
    } else if (character === '"') {
      inString = true
      count++
    } else if (
      character !== ' ' &&
      character !== '\n' &&
      character !== '\r' &&
      character !== '\t'
    ) {
      count++
    }
  }
  return count
}

interface Quota {
  readonly limit: number
  readonly whitespaceCounts: boolean
  readonly severity: FindingSeverity
  readonly what: string
}

/**
 * Size quotas (*IAM and AWS STS quotas*; Organizations *quotas*): a managed policy holds 6,144
 * characters without whitespace (inline role policies 10,240, and AWS managed policies are not
 * bound by either, which is why this is a warning for identity policies), a session policy
 * 2,048, SCPs and RCPs 5,120 with whitespace counted.
 * Resource-based policies have per-service quotas and are not checked.
 */
const quotas: Partial<Record<PolicyType, readonly Quota[]>> = {
  identity: [
    {
      limit: 6144,
      whitespaceCounts: false,
      severity: 'warning',
      what: 'a customer managed policy (an inline role policy 10,240)',
    },
  ],
  permissionsBoundary: [
    { limit: 6144, whitespaceCounts: false, severity: 'error', what: 'a managed policy' },
  ],
  session: [{ limit: 2048, whitespaceCounts: false, severity: 'error', what: 'a session policy' }],
  serviceControl: [
    { limit: 5120, whitespaceCounts: true, severity: 'error', what: 'a service control policy' },
  ],
  resourceControl: [
    { limit: 5120, whitespaceCounts: true, severity: 'error', what: 'a resource control policy' },
  ],
}

export function checkSize(context: CheckContext): void {
  for (const quota of quotas[context.policyType] ?? []) {
    const size = quota.whitespaceCounts ? context.text.length : countedCharacters(context.text)
    if (size <= quota.limit) continue
    context.report(
      'policy-too-large',
      quota.severity,
      `the policy has ${size.toLocaleString('en-US')} characters${quota.whitespaceCounts ? '' : ' not counting whitespace'}; ${quota.what} may have at most ${quota.limit.toLocaleString('en-US')}`,
      context.policy.range,
    )
    return
  }
}
