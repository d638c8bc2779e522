import { traceStatement } from '../evaluate/statement-trace.ts'
import { decideRequest, decideResource } from './combine.ts'
import { isCrossAccount } from './cross-account.ts'
import { contextForResource } from './derived-context.ts'
import type { PolicySet } from './policy-set.ts'
import { preparePolicySet } from './prepare.ts'
import type { AuthorizationRequest } from './request.ts'
import { checkRequest } from './request-check.ts'
import type { EvaluationResult, ResourceDecision } from './result.ts'
import { statementRefs } from './statement-ref.ts'

/**
 * Decides a request against a set of policies as AWS does (identity-based, resource-based,
 * permissions boundary, session policy, service and resource control policies), reading every
 * statement of every policy for every resource, and explains the decision.
 *
 * Texts are parsed for you. A policy AWS would reject, or a malformed request, gives errors and
 * no decision. For many requests against the same policies, `compilePolicies` is faster and
 * gives the same answers.
 */
export function evaluate(request: AuthorizationRequest, policies: PolicySet): EvaluationResult {
  const checked = checkRequest(request)
  if (checked.error !== undefined) return { errors: [checked.error] }
  const prepared = preparePolicySet(policies)
  if (prepared.errors !== undefined) return { errors: prepared.errors }
  const { action, resources, principal } = checked.request
  const decisions: ResourceDecision[] = resources.map((resource) => {
    const context = contextForResource(
      checked.request.context,
      checked.request.derived,
      action,
      resource,
    )
    const traces = prepared.policies.flatMap((policy) => {
      const refs = statementRefs(policy)
      return policy.document.statements.map((statement, index) =>
        traceStatement(statement, refs[index] as (typeof refs)[number], {
          action,
          resource,
          context,
          variablesEnabled: policy.variablesEnabled,
          ...(principal === undefined ? {} : { principal }),
          hasBoundary: prepared.layers.hasBoundary,
        }),
      )
    })
    return decideResource(resource, traces, {
      layers: prepared.layers,
      crossAccount: isCrossAccount(principal, resource),
    })
  })
  return decideRequest(action, decisions)
}
