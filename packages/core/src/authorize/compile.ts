import { type ApplyingStatement, applyingOf, decideRequest, decideResource } from './combine.ts'
import {
  admitsResource,
  type CompiledStatement,
  compileStatement,
  traceCompiledStatement,
} from './compiled-statement.ts'
import { isCrossAccount } from './cross-account.ts'
import { contextForResource } from './derived-context.ts'
import type { PolicySet } from './policy-set.ts'
import { type PolicyLayers, preparePolicySet } from './prepare.ts'
import type { AuthorizationRequest } from './request.ts'
import { type CheckedRequest, checkRequest } from './request-check.ts'
import type { RequestContext } from './request-context.ts'
import type {
  EvaluationError,
  EvaluationResult,
  ResourceDecision,
  StatementTrace,
} from './result.ts'
import { candidatesFor, indexStatements } from './statement-index.ts'
import { statementRefs } from './statement-ref.ts'

export interface EvaluateOptions {
  /**
   * Whether to account for every statement in the explanation (default `true`). Without it the
   * explanation still names the deciding statements, the reason and every layer's verdict, and
   * only `statements` is left empty; the decision is the same. Batch callers should turn it off.
   */
  readonly explain?: boolean
}

/** A policy set compiled once, to evaluate many requests. */
export interface CompiledPolicySet {
  /** Present when the set cannot be evaluated; every evaluation then returns these errors. */
  readonly errors?: readonly EvaluationError[]
  evaluate(request: AuthorizationRequest, options?: EvaluateOptions): EvaluationResult
}

/** How many distinct actions keep their candidate statements cached. */
const actionCacheLimit = 4096

/** What the set knows about one action as a request spells it. */
interface ActionPlan {
  readonly folded: string
  /** The statements whose Action or NotAction admits the action, in the set's order. */
  readonly candidates: readonly CompiledStatement[]
}

/** Every statement traced, when an explanation is asked for. */
const noTraces: readonly StatementTrace[] = Object.freeze([])

/**
 * Parses, checks and compiles a policy set once: patterns are compiled (resource patterns split
 * into ARN fields only where a field holds a wildcard), condition values read and bound to their
 * operators, policy variables parsed, and statements indexed by the service and action they
 * name. The statements that can apply to an action are found once per action and remembered.
 * Decisions are the same as `evaluate`'s.
 *
 * Without an explanation, deciding a resource reads only the candidate statements of the
 * action, builds the request context only for a statement with a condition or a variable, and
 * allocates little beyond the result: the checked request, the short list of statements that
 * apply, and the short-lived slices that literal parts of patterns are compared through.
 */
export function compilePolicies(policies: PolicySet): CompiledPolicySet {
  const prepared = preparePolicySet(policies)
  if (prepared.errors !== undefined) {
    const errors = prepared.errors
    return { errors, evaluate: () => ({ errors }) }
  }
  const { layers } = prepared
  const statements: CompiledStatement[] = []
  for (const policy of prepared.policies) {
    const refs = statementRefs(policy)
    policy.document.statements.forEach((statement, index) => {
      const ref = refs[index] as (typeof refs)[number]
      const compiled = compileStatement(
        statement,
        ref,
        policy.variablesEnabled,
        layers.hasBoundary,
        statements.length,
      )
      statements.push(compiled)
    })
  }
  const index = indexStatements(statements)
  // keyed by the action as the request spells it: a known action needs no check and no folding
  const plans = new Map<string, ActionPlan>()

  function planFor(action: string): ActionPlan {
    const folded = action.toLowerCase()
    const plan = { folded, candidates: candidatesFor(index, folded) }
    if (plans.size >= actionCacheLimit) plans.clear()
    plans.set(action, plan)
    return plan
  }

  return {
    evaluate(request, options) {
      const action: unknown = request?.action
      const known = typeof action === 'string' ? plans.get(action) : undefined
      const checked = checkRequest(request, known !== undefined)
      if (checked.error !== undefined) return { errors: [checked.error] }
      const plan = known ?? planFor(checked.action)
      const explain = options?.explain !== false
      const resources: ResourceDecision[] = new Array(checked.resources.length)
      for (let index = 0; index < resources.length; index++) {
        const resource = checked.resources[index] as string
        resources[index] = explain
          ? explainResource(statements, layers, checked, plan.folded, resource)
          : decideUnexplained(plan.candidates, layers, checked, resource)
      }
      return decideRequest(checked.action, resources)
    },
  }
}

/** A resource decided by tracing every statement, for the full explanation. */
function explainResource(
  statements: readonly CompiledStatement[],
  layers: PolicyLayers,
  request: CheckedRequest,
  foldedAction: string,
  resource: string,
): ResourceDecision {
  const context = contextForResource(request, resource)
  const traces: StatementTrace[] = []
  for (const statement of statements) {
    traces.push(
      traceCompiledStatement(
        statement,
        request.action,
        foldedAction,
        resource,
        context,
        request.principal,
      ),
    )
  }
  const crossAccount = isCrossAccount(request.principal, resource)
  return decideResource(resource, applyingOf(traces), layers, crossAccount, traces)
}

/** A resource decided from the action's candidate statements alone, without tracing them. */
function decideUnexplained(
  candidates: readonly CompiledStatement[],
  layers: PolicyLayers,
  request: CheckedRequest,
  resource: string,
): ResourceDecision {
  const applying: ApplyingStatement[] = []
  let context: RequestContext | undefined
  for (const statement of candidates) {
    if (statement.needsContext) context ??= contextForResource(request, resource)
    const admitted = admitsResource(statement, resource, context, request.principal)
    if (admitted === false) continue
    applying.push(
      admitted === true
        ? statement.applying
        : { ref: statement.ref, grant: admitted, label: statement.applying.label },
    )
  }
  const crossAccount = isCrossAccount(request.principal, resource)
  return decideResource(resource, applying, layers, crossAccount, noTraces)
}
