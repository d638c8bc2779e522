import type {
  Decision,
  DecisionValue,
  ResourceDecision,
  StatementRef,
  StatementTrace,
} from './result.ts'

/**
 * The decision for one resource (*Policy evaluation logic*): a matching Deny wins over
 * everything; otherwise a matching Allow allows; otherwise the request is implicitly denied.
 */
export function decideResource(
  resource: string,
  statements: readonly StatementTrace[],
): ResourceDecision {
  const applying = statements.filter((trace) => trace.applies)
  const denying = applying.filter((trace) => trace.statement.effect === 'Deny')
  const allowing = applying.filter((trace) => trace.statement.effect === 'Allow')
  const decision: DecisionValue =
    denying.length > 0 ? 'ExplicitDeny' : allowing.length > 0 ? 'Allow' : 'ImplicitDeny'
  const deciding = decision === 'ExplicitDeny' ? denying : decision === 'Allow' ? allowing : []
  return { resource, decision, deciding: deciding.map((trace) => trace.statement), statements }
}

/**
 * The decision for a request on several resources, each authorized separately as AWS does for
 * actions such as `connect:CreateUser`: any resource explicitly denied denies the request;
 * otherwise every resource must be allowed.
 */
export function decideRequest(action: string, resources: readonly ResourceDecision[]): Decision {
  const decision: DecisionValue = resources.some((entry) => entry.decision === 'ExplicitDeny')
    ? 'ExplicitDeny'
    : resources.every((entry) => entry.decision === 'Allow')
      ? 'Allow'
      : 'ImplicitDeny'
  const deciding =
    decision === 'ImplicitDeny'
      ? []
      : uniqueRefs(
          resources
            .filter((entry) => entry.decision === decision)
            .flatMap((entry) => entry.deciding),
        )
  return { decision, explanation: { action, deciding, resources } }
}

function uniqueRefs(refs: readonly StatementRef[]): StatementRef[] {
  const seen = new Set<string>()
  const unique: StatementRef[] = []
  for (const ref of refs) {
    const key = `${ref.policyIndex}/${ref.statementIndex}`
    if (!seen.has(key)) {
      seen.add(key)
      unique.push(ref)
    }
  }
  return unique.sort((a, b) => a.policyIndex - b.policyIndex || a.statementIndex - b.statementIndex)
}
