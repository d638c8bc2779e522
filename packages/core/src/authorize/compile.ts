import { type Catalog, listsKeyForAction } from '../catalog/index.ts'
import {
  type Budget,
  defaultBudget,
  type OverBudget,
  overBudgetMessage,
  type PolicyDocument,
  statementSize,
} from '../model/index.ts'
import { applyingOf } from './applying-statement.ts'
import { boundDecision } from './bounded-answer.ts'
import { decideCandidates } from './candidate-decision.ts'
import {
  type CompiledStatement,
  compileStatement,
  traceCompiledStatement,
} from './compiled-statement.ts'
import { isCrossAccount } from './cross-account.ts'
import { decideResource } from './decide-resource.ts'
import { contextForResource, instanceIdKey, keyPresence } from './derived-context.ts'
import { type EvaluationOptions, readEvaluationOptions } from './evaluation-options.ts'
import { decideRequest } from './every-resource.ts'
import { type ActionPlan, planCache } from './plan-cache.ts'
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
import { actionReference, decisionFindings } from './request-findings.ts'
import type {
  EvaluationError,
  EvaluationFailure,
  EvaluationFinding,
  EvaluationResult,
  ResourceDecision,
  StatementTrace,
} from './result.ts'
import { candidatesFor, indexStatements } from './statement-index.ts'
import { statementRefs } from './statement-ref.ts'
import {
  actionMatchingOverBudget,
  actionMatchingSteps,
  answerBytes,
  type EvaluationPlan,
  emptyRequestSize,
  evaluationOverBudget,
  evaluationPlan,
  evaluationSteps,
  requestSize,
  type StatementCost,
  statementCost,
  sumCosts,
} from './work-budget.ts'

export interface EvaluateOptions {
  /**
   * Whether to account for every statement in the explanation (default `true`). Without it the
   * explanation still names the deciding statements, the reason and every layer's verdict, and
   * only `statements` is left empty; the decision is the same. Batch callers should turn it off.
   */
  readonly explain?: boolean
  /**
   * Whether to work out the request's own findings against the service reference (default
   * `true`): an unknown action, a resource of no type the action takes, a missing required
   * resource, a key it does not carry. Without them the result holds only the set's findings;
   * the decision is the same. For callers that read decisions alone, such as the analyzer.
   */
  readonly findings?: boolean
}

/** A policy set compiled once, to evaluate many requests. */
export interface CompiledPolicySet {
  /** Present when the set cannot be evaluated; every evaluation then returns these errors. */
  readonly errors?: readonly EvaluationError[]
  /**
   * Decides a request as `evaluate` does, within the budget the set was compiled with: a request
   * estimated over it is refused before any of the work (an error whose `source` is `budget`).
   * Explained, it refuses what `evaluate` refuses, with the same error; with `explain: false` it
   * reads fewer statements and writes no trace, so it may decide a request `evaluate` refuses,
   * never the reverse.
   */
  evaluate(request: AuthorizationRequest, options?: EvaluateOptions): EvaluationResult
  /**
   * What `evaluate` would estimate `request` to cost before deciding it, without deciding it:
   * the steps of matching its action and of reading the statements for its resources, and the
   * bytes of its answer, or the errors of a request that cannot be evaluated. For callers that
   * decide many requests at once and bound their sum before any of them is decided.
   */
  estimate(request: AuthorizationRequest, options?: EvaluateOptions): RequestEstimate
  /**
   * Estimated bytes the compiled set holds now: its compiled statements and what it remembers
   * per action, which grows with the actions it meets up to the budget's `maxPlanBytes`. For
   * caches of compiled sets, which should be bounded by memory rather than by entries.
   */
  approximateBytes(): number
}

/** What deciding a request is estimated to cost (`CompiledPolicySet.estimate`). */
export type RequestEstimate =
  | { readonly steps: number; readonly answerBytes: number; readonly errors?: undefined }
  | { readonly errors: readonly EvaluationError[] }

/**
 * Estimated bytes of a compiled statement beside its values' text: its reference, patterns and
 * flags, and the parsed statement it keeps (a range, six numbers, for every value). Measured
 * against the heap (packages/core/README.md, _Performance_).
 */
const statementOverhead = 300
const valueOverhead = 550

/**
 * Estimated bytes of a compiled policy, from the sizes of its statements and of its text (the
 * values read from it may keep the whole text alive, as V8 slices strings).
 */
function policyBytes(document: PolicyDocument): number {
  let bytes = 2 * document.range.end.offset
  for (const statement of document.statements) {
    const size = statementSize(statement)
    const values =
      size.actions + size.resources + size.principals + size.conditionValues + size.clauses
    bytes += statementOverhead + valueOverhead * values + 4 * size.chars
  }
  return bytes
}

/** Estimated bytes of a set that cannot be evaluated: its errors. */
function errorsBytes(errors: readonly EvaluationError[]): number {
  let bytes = 0
  for (const error of errors)
    bytes += 200 + 2 * error.message.length + 400 * error.diagnostics.length
  return bytes
}

/** The refusal of a request over budget. */
function refused(over: OverBudget): EvaluationFailure {
  const message = `${overBudgetMessage('the evaluation', over)}: nothing was evaluated`
  return { errors: [{ source: 'budget', message, diagnostics: [], overBudget: over }] }
}

/** What every evaluation of a compiled set reads beside the request and the action's plan. */
interface CompiledSetup {
  readonly statements: readonly CompiledStatement[]
  readonly layers: PolicyLayers
  readonly setFindings: readonly EvaluationFinding[]
  readonly catalog: Catalog | undefined
  readonly budget: Budget
  /** What an explained evaluation reads, for its budget: every statement. */
  readonly explained: EvaluationPlan
}

/**
 * Parses, checks and compiles a policy set once: patterns are compiled (resource patterns split
 * into ARN fields only where a field holds a wildcard), condition values read and bound to their
 * operators, policy variables parsed, and statements indexed by the service and action they
 * name. The statements that can apply to an action are found once per action and remembered,
 * one list for every action that meets the same statements, within the budget's
 * `maxPlanBytes` (least recently used out first). Decisions are the same as `evaluate`'s, and so
 * are the caps; so are the budget's refusals when explained, and an unexplained evaluation,
 * estimated on the statements it reads, refuses only what `evaluate` refuses too
 * (`work-budget.ts`).
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
    const bytes = errorsBytes(errors)
    return {
      errors,
      evaluate: () => ({ errors }),
      estimate: () => ({ errors }),
      approximateBytes: () => bytes,
    }
  }
  const { catalog, budget } = read.error === undefined ? read.options : { budget: defaultBudget }
  const { layers } = prepared
  const statements: CompiledStatement[] = []
  const costs: StatementCost[] = []
  let baseBytes = 0
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
      costs.push(statementCost(statement, ref))
    })
    baseBytes += policyBytes(policy.document)
  }
  const index = indexStatements(statements)
  const setup: CompiledSetup = {
    statements,
    layers,
    setFindings: prepared.findings,
    catalog,
    budget,
    explained: evaluationPlan(
      sumCosts(costs),
      true,
      layers,
      prepared.findings.length,
      catalog !== undefined,
    ),
  }
  // keyed by the action as the request spells it: a known action needs no check and no folding
  const plans = planCache(budget.maxPlanBytes, costs)

  function planFor(action: string): ActionPlan {
    const folded = action.toLowerCase()
    return plans.add(
      action,
      folded,
      candidatesFor(index, folded),
      keyPresence(listsKeyForAction(catalog, action, instanceIdKey)),
      actionReference(catalog, action),
    )
  }

  return {
    evaluate(request, options) {
      const action: unknown = request?.action
      const known = typeof action === 'string' ? plans.get(action) : undefined
      const explain = options?.explain !== false
      const withFindings = options?.findings !== false
      if (known !== undefined && !explain) {
        const decided = decideKnown(known, setup, action as string, request, withFindings)
        if (decided !== undefined) return decided
      }
      const checked = checkRequest(request, known !== undefined)
      if (checked.error !== undefined) return { errors: [checked.error] }
      const matching = actionMatchingOverBudget(
        setup.explained.cost.actionWildcards,
        checked.action,
        checked.resources.length,
        budget,
      )
      if (matching !== undefined) return refused(matching)
      const plan = known ?? planFor(checked.action)
      const { principal, time, context } = checked
      const evaluation = planOf(setup, plan, explain)
      const over = evaluationOverBudget(
        evaluation,
        requestSize(
          evaluation,
          checked.action,
          checked.resources,
          principal,
          request.context,
          measured,
        ),
        budget,
      )
      if (over !== undefined) return refused(over)
      const resources: ResourceDecision[] = new Array(checked.resources.length)
      for (let index = 0; index < resources.length; index++) {
        const resource = checked.resources[index] as string
        resources[index] = explain
          ? explainResource(statements, layers, checked, plan, resource)
          : decideCandidates(
              plan.candidates.statements,
              layers,
              checked.action,
              principal,
              time,
              context,
              resource,
              plan.instanceId,
            )
      }
      const findings = withFindings
        ? decisionFindings(
            setup.setFindings,
            catalog,
            plan.reference,
            checked.resources,
            request.context,
          )
        : setup.setFindings
      return boundDecision(decideRequest(checked.action, resources, findings), budget)
    },
    estimate(request, options) {
      const checked = checkRequest(request)
      if (checked.error !== undefined) return { errors: [checked.error] }
      const { action, resources, principal } = checked
      const matching = actionMatchingSteps(
        setup.explained.cost.actionWildcards,
        action,
        resources.length,
      )
      // past the budget already: the statements the action meets are not looked for
      if (matching > budget.maxSteps) return { steps: matching, answerBytes: 0 }
      const plan = planOf(setup, plans.get(action) ?? planFor(action), options?.explain !== false)
      const size = requestSize(plan, action, resources, principal, request.context)
      return {
        steps: matching + evaluationSteps(plan, size),
        answerBytes: answerBytes(plan, size, budget),
      }
    },
    approximateBytes: () => baseBytes + plans.bytes(),
  }
}

/**
 * What an evaluation with a plan is about to read, for its budget: every statement when
 * explained, the action's candidates otherwise; made once per set and per candidate list.
 */
function planOf(setup: CompiledSetup, plan: ActionPlan, explain: boolean): EvaluationPlan {
  if (explain) return setup.explained
  const list = plan.candidates
  list.unexplained ??= evaluationPlan(
    list.cost,
    false,
    setup.layers,
    setup.setFindings.length,
    setup.catalog !== undefined,
  )
  return list.unexplained
}

/** The sizes of the request being decided: one object, measured into again by each request. */
const measured = emptyRequestSize()

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
  setup: CompiledSetup,
  action: string,
  request: AuthorizationRequest,
  withFindings: boolean,
): EvaluationResult | undefined {
  if (!hasOnlyRequestFields(request)) return undefined
  const { resource, principal, time, context: given } = request
  if (!isPlainRequest(resource, principal, time, given)) return undefined
  const { budget, layers } = setup
  const unexplained = planOf(setup, plan, false)
  const over =
    actionMatchingOverBudget(
      setup.explained.cost.actionWildcards,
      action,
      typeof resource === 'string' ? 1 : resource.length,
      budget,
    ) ??
    evaluationOverBudget(
      unexplained,
      requestSize(unexplained, action, resource, principal, given, measured),
      budget,
    )
  if (over !== undefined) return refused(over)
  const candidates = plan.candidates
  let caller: RequestContext = noKeys
  if (candidates.needsContext && given !== undefined && given !== null) {
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
      candidates.statements,
      layers,
      action,
      principal,
      time,
      caller,
      one,
      plan.instanceId,
    )
  }
  const findings = withFindings
    ? decisionFindings(setup.setFindings, setup.catalog, plan.reference, resource, given)
    : setup.setFindings
  return boundDecision(decideRequest(action, resources, findings), budget)
}
