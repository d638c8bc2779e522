import type { CheckContext } from './check-context.ts'
import { isIamPolicy, quote } from './check-context.ts'

/**
 * Statement IDs (*IAM JSON policy elements: Sid*): IAM allows only ASCII letters and digits and
 * needs them unique within a policy; other services are laxer, so for resource-based policies
 * these are warnings.
 */
export function checkSids(context: CheckContext): void {
  const strict = context.policyType !== 'resource'
  const seen = new Map<string, number>()
  for (const facts of context.statements) {
    const sid = facts.statement.sid
    if (sid === undefined) continue
    if (sid.value === '') {
      context.report(
        'empty-sid',
        'suggestion',
        'the `Sid` is empty: remove it or name the statement',
        sid.range,
      )
      continue
    }
    if (!/^[A-Za-z0-9]+$/.test(sid.value)) {
      const cleaned = sid.value.replace(/[^A-Za-z0-9]/g, '')
      context.report(
        'invalid-sid',
        strict ? 'error' : 'warning',
        `${quote(sid.value)}: ${isIamPolicy(context.policyType) ? 'IAM' : 'this policy type'} allows only letters and digits in a \`Sid\``,
        sid.range,
        cleaned === ''
          ? undefined
          : { title: `Write \`${cleaned}\``, range: sid.range, newText: JSON.stringify(cleaned) },
      )
    }
    const first = seen.get(sid.value)
    if (first !== undefined) {
      context.report(
        'duplicate-sid',
        strict ? 'error' : 'warning',
        `statements ${first + 1} and ${facts.index + 1} have the same \`Sid\` ${quote(sid.value)}; each must be unique`,
        sid.range,
      )
    } else {
      seen.set(sid.value, facts.index)
    }
  }
}
