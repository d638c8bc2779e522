import { type Catalog, listsKeyForAction } from '../catalog/index.ts'
import { applyingOf } from './applying-statement.ts'
import { decideCandidates } from './candidate-decision.ts'
import {
  type CompiledStatement,
  compileStatement,
  traceCompiledStatement,
} from './compiled-statement.ts'
import { isCrossAccount } from './cross-account.ts'
import { decideResource } from './decide-resource.ts'
import {
  contextForResource,
  instanceIdKey,
  type KeyPresence,
  keyPresence,
} from './derived-context.ts'
import { type EvaluationOptions, readEvaluationOptions } from './evaluation-options.ts'
import { decideRequest } from './every-resource.ts'
import type { PolicySet } from './policy-set.ts'
import { type PolicyLayers, preparePolicySet } from './prepare.ts'
import type { AuthorizationRequest } from './request.ts'
import {
  type CheckedRequest,
  checkRequest,
  hasOnlyRequestFields,
  isPlainRequest,
} from './request-check.ts'
import { checkContext, noKeys, type RequestContext } from './request-context.ts'
import { type ActionReference, actionReference, decisionFindings } from './request-findings.ts'
import type {
  EvaluationError,
  EvaluationFinding,
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
  /** Whether a candidate has a condition or a variable, and so reads the caller's context. */
  readonly needsContext: boolean
  /** Whether AWS sends `connect:InstanceId` with the action, as the service reference says. */
  readonly instanceId: KeyPresence
  /** What the service reference says of the action. */
  readonly reference: ActionReference
}

/**
 * Parses, checks and compiles a policy set once: patterns are compiled (resource patterns split
 * into ARN fields only where a field holds a wildcard), condition values read and bound to their
 * operators, policy variables parsed, and statements indexed by the service and action they
 * name. The statements that can apply to an action are found once per action and remembered.
 * Decisions are the same as `evaluate`'s.
 *
 * Without an explanation, deciding a resource reads only the candidate statements of the
 * action and builds the request context only for a statement with a condition or a variable.
 * For an action met before and a request `isPlainRequest` vouches for, nothing is allocated but
 * the result (and that context, where a statement needs it): the request's fields are read where
 * they are, and the statements that apply are noted in bit masks, not listed.
 */
export function compilePolicies(
  policies: PolicySet,
  given: EvaluationOptions = {},
): CompiledPolicySet {
  const read = readEvaluationOptions(given)
  const prepared = read.error === undefined ? preparePolicySet(policies) : { errors: [read.error] }
  if (prepared.errors !== undefined) {
    const errors = prepared.errors
    return { errors, evaluate: () => ({ errors }) }
  }
  const catalog = read.error === undefined ? read.options.catalog : undefined
  const { layers } = prepared
  const setFindings = prepared.findings
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
    const candidates = candidatesFor(index, folded)
    const needsContext = candidates.some((statement) => statement.needsContext)
    const instanceId = keyPresence(listsKeyForAction(catalog, action, instanceIdKey))
    const reference = actionReference(catalog, action)
    const plan = { folded, candidates, needsContext, instanceId, reference }
    if (plans.size >= actionCacheLimit) plans.clear()
    plans.set(action, plan)
    return plan
  }

  return {
    evaluate(request, options) {
      const action: unknown = request?.action
      const known = typeof action === 'string' ? plans.get(action) : undefined
      const explain = options?.explain !== false
      if (known !== undefined && !explain) {
        const decided = decideKnown(known, layers, action as string, request, setFindings, catalog)
        if (decided !== undefined) return decided
      }
      const checked = checkRequest(request, known !== undefined)
      if (checked.error !== undefined) return { errors: [checked.error] }
      const plan = known ?? planFor(checked.action)
      const { principal, time, context } = checked
      const resources: ResourceDecision[] = new Array(checked.resources.length)
      for (let index = 0; index < resources.length; index++) {
        const resource = checked.resources[index] as string
        resources[index] = explain
          ? explainResource(statements, layers, checked, plan, resource)
          : decideCandidates(
              plan.candidates,
              layers,
              checked.action,
              principal,
              time,
              context,
              resource,
              plan.instanceId,
            )
      }
      const findings = decisionFindings(
        setFindings,
        catalog,
        plan.reference,
        checked.resources,
        request.context,
      )
      return decideRequest(checked.action, resources, findings)
    },
  }
}

/** A resource decided by tracing every statement, for the full explanation. */
function explainResource(
  statements: readonly CompiledStatement[],
  layers: PolicyLayers,
  request: CheckedRequest,
  plan: ActionPlan,
  resource: string,
): ResourceDecision {
  const context = contextForResource(
    request.action,
    request.principal,
    request.time,
    request.context,
    resource,
    plan.instanceId,
  )
  const traces: StatementTrace[] = []
  for (const statement of statements) {
    traces.push(
      traceCompiledStatement(
        statement,
        request.action,
        plan.folded,
        resource,
        context,
        request.principal,
      ),
    )
  }
  const crossAccount = isCrossAccount(request.principal, resource, request.context)
  return decideResource(resource, applyingOf(traces), layers, crossAccount, traces)
}

/**
 * An unexplained decision for an action the set knows, reading the request's fields where they
 * are: no checked request, and no list for a single resource. Undefined when `isPlainRequest`
 * cannot vouch for the request (or its context does not check), for `checkRequest` to decide.
 * Each field is read once, so that what was checked is what is decided.
 */
function decideKnown(
  plan: ActionPlan,
  layers: PolicyLayers,
  action: string,
  request: AuthorizationRequest,
  setFindings: readonly EvaluationFinding[],
  catalog: Catalog | undefined,
): EvaluationResult | undefined {
  if (!hasOnlyRequestFields(request)) return undefined
  const { resource, principal, time, context: given } = request
  if (!isPlainRequest(resource, principal, time, given)) return undefined
  let caller: RequestContext = noKeys
  if (plan.needsContext && given !== undefined && given !== null) {
    // a statement reads the caller's keys: they are read into a map, as `checkRequest` does
    const checked = checkContext(given)
    if (checked.context === undefined) return undefined
    caller = checked.context
  }
  const single = typeof resource === 'string'
  const resources: ResourceDecision[] = new Array(single ? 1 : resource.length)
  for (let index = 0; index < resources.length; index++) {
    const one = single ? resource : (resource[index] as string)
    resources[index] = decideCandidates(
      plan.candidates,
      layers,
      action,
      principal,
      time,
      caller,
      one,
      plan.instanceId,
    )
  }
  const findings = decisionFindings(setFindings, catalog, plan.reference, resource, given)
  return decideRequest(action, resources, findings)
}
