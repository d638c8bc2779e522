import type {
  Decision,
  DecisionValue,
  EvaluationFinding,
  ResourceDecision,
  StatementRef,
} from './result.ts'

function refKey(ref: StatementRef): string {
  return `${ref.policyType}/${ref.level ?? 0}/${ref.policyIndex}/${ref.statementIndex}`
}

/**
 * Every resource of a multi-resource action: AWS authorizes an action against each resource it
 * acts on (Amazon Connect's `CreateUser` against the new user, each security profile, the
 * routing profile and the hierarchy group; *Service Authorization Reference*, "the caller needs
 * permission for every required resource type"; *Amazon Connect resource-level policy
 * examples*), so any resource explicitly denied denies the request, and otherwise every resource
 * must be allowed. Scenarios: `every-resource.scenarios.json`, `fixtures/request-findings.json`.
 */
export function decideRequest(
  action: string,
  resources: readonly ResourceDecision[],
  findings: readonly EvaluationFinding[],
): Decision {
  const [only] = resources
  if (resources.length === 1 && only !== undefined) {
    // one resource lists each statement once: its decision and statements are the request's
    const deciding = only.decision === 'ImplicitDeny' ? [] : only.deciding.slice()
    return { decision: only.decision, explanation: { action, deciding, resources }, findings }
  }
  let denied = false
  let allowed = true
  for (const entry of resources) {
    if (entry.decision === 'ExplicitDeny') denied = true
    if (entry.decision !== 'Allow') allowed = false
  }
  const decision: DecisionValue = denied ? 'ExplicitDeny' : allowed ? 'Allow' : 'ImplicitDeny'
  const deciding: StatementRef[] = []
  if (decision !== 'ImplicitDeny') {
    // several resources may share statements, listed once
    const seen = new Set<string>()
    for (const entry of resources) {
      if (entry.decision !== decision) continue
      for (const ref of entry.deciding) {
        const key = refKey(ref)
        if (seen.has(key)) continue
        seen.add(key)
        deciding.push(ref)
      }
    }
  }
  return { decision, explanation: { action, deciding, resources }, findings }
}
