import { listsKeyForAction } from '../catalog/index.ts'
import { traceStatement } from '../evaluate/statement-trace.ts'
import { overBudgetMessage } from '../model/index.ts'
import { applyingOf } from './applying-statement.ts'
import { boundDecision } from './bounded-answer.ts'
import { isCrossAccount } from './cross-account.ts'
import { decideResource } from './decide-resource.ts'
import { contextForResource, instanceIdKey, keyPresence } from './derived-context.ts'
import { type EvaluationOptions, readEvaluationOptions } from './evaluation-options.ts'
import { decideRequest } from './every-resource.ts'
import type { PolicySet } from './policy-set.ts'
import { preparePolicySet } from './prepare.ts'
import type { AuthorizationRequest } from './request.ts'
import { checkRequest } from './request-check.ts'
import { actionReference, decisionFindings } from './request-findings.ts'
import type { EvaluationResult, ResourceDecision, StatementRef } from './result.ts'
import { statementRefs } from './statement-ref.ts'
import {
  actionMatchingOverBudget,
  evaluationOverBudget,
  evaluationPlan,
  requestSize,
  type StatementCost,
  statementCost,
  sumCosts,
} from './work-budget.ts'

/**
 * Decides a request against a set of policies as AWS does (identity-based, resource-based,
 * permissions boundary, session policy, service and resource control policies), reading every
 * statement of every policy for every resource, and explains the decision.
 *
 * Texts are parsed for you. A policy AWS would reject, or a malformed request, gives errors and
 * no decision. For many requests against the same policies, `compilePolicies` is faster and
 * gives the same answers.
 */
export function evaluate(
  request: AuthorizationRequest,
  policies: PolicySet,
  given: EvaluationOptions = {},
): EvaluationResult {
  const read = readEvaluationOptions(given)
  if (read.error !== undefined) return { errors: [read.error] }
  const { options } = read
  const checked = checkRequest(request)
  if (checked.error !== undefined) return { errors: [checked.error] }
  const prepared = preparePolicySet(policies)
  if (prepared.errors !== undefined) return { errors: prepared.errors }
  const { action, resources, principal, time } = checked
  const refs = prepared.policies.map(statementRefs)
  // every statement is read (and traced) for every resource: the budget is estimated from them
  const costs: StatementCost[] = []
  prepared.policies.forEach((policy, policyIndex) => {
    policy.document.statements.forEach((statement, index) => {
      costs.push(statementCost(statement, refs[policyIndex]?.[index] as StatementRef))
    })
  })
  const { budget } = options
  const setCost = sumCosts(costs)
  const plan = evaluationPlan(
    setCost,
    true,
    prepared.layers,
    prepared.findings.length,
    options.catalog !== undefined,
  )
  const over =
    actionMatchingOverBudget(setCost.actionWildcards, action, resources.length, budget) ??
    evaluationOverBudget(
      plan,
      requestSize(plan, action, resources, principal, request.context),
      budget,
    )
  if (over !== undefined) {
    const message = `${overBudgetMessage('the evaluation', over)}: nothing was evaluated`
    return { errors: [{ source: 'budget', message, diagnostics: [], overBudget: over }] }
  }
  const instanceId = keyPresence(listsKeyForAction(options.catalog, action, instanceIdKey))
  const decisions: ResourceDecision[] = resources.map((resource) => {
    const context = contextForResource(
      action,
      principal,
      time,
      checked.context,
      resource,
      instanceId,
    )
    const traces = prepared.policies.flatMap((policy, policyIndex) =>
      policy.document.statements.map((statement, index) =>
        traceStatement(statement, refs[policyIndex]?.[index] as StatementRef, {
          action,
          resource,
          context,
          variablesEnabled: policy.variablesEnabled,
          ...(principal === undefined ? {} : { principal }),
          hasBoundary: prepared.layers.hasBoundary,
        }),
      ),
    )
    const crossAccount = isCrossAccount(principal, resource, checked.context)
    return decideResource(resource, applyingOf(traces), prepared.layers, crossAccount, traces)
  })
  const reference = actionReference(options.catalog, action)
  const findings = decisionFindings(
    prepared.findings,
    options.catalog,
    reference,
    resources,
    request.context,
  )
  return boundDecision(decideRequest(action, decisions, findings), budget)
}
