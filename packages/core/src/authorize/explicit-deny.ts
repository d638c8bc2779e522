import { anyApplying, applyingWith, labels, refsOf } from './applying-statement.ts'
import { type DecisionInput, resourceDecision } from './decision-parts.ts'
import type { ResourceDecision } from './result.ts'

/**
 * An explicit deny wins: a Deny statement that applies, in any policy of any type (identity or
 * resource-based, permissions boundary, session policy, service or resource control policy),
 * denies the request whatever else allows it (*Policy evaluation logic*; *How AWS enforcement
 * code logic evaluates requests to allow or deny access*, "an explicit deny in any of these
 * policies overrides the allow"). Every applying Deny is named. Scenarios:
 * `explicit-deny.scenarios.json`, and any expectation of `ExplicitDeny` in `fixtures/*.json`;
 * law: `testing/laws.ts` (`assertDenyWins`).
 */
export function explicitDeny(input: DecisionInput): ResourceDecision | undefined {
  if (!anyApplying(input.applying, 'Deny')) return undefined
  const denies = applyingWith(input.applying, 'Deny')
  const deciding = refsOf(denies)
  return resourceDecision(input, 'ExplicitDeny', `explicitly denied by ${labels(denies)}`, deciding)
}
