import { readOperatorName } from '../evaluate/conditions/index.ts'
import { type WildcardWork, wildcardWork } from '../match/index.ts'
import {
  type Budget,
  type OverBudget,
  overBudget,
  type Statement,
  type StatementRef,
  statementSize,
} from '../model/index.ts'
import { reasonLabels } from './applying-statement.ts'
import type { PolicyLayers } from './prepare.ts'

/**
 * The budget of an evaluation (`Budget`, in `model/budget.ts`), estimated from the sizes of the
 * statements it reads and of the request, before any statement is matched: `evaluate` and a
 * compiled set's `evaluate` refuse a request whose estimate passes `maxSteps` or
 * `maxAnswerBytes` with an error that names the limit and the figures, and decide nothing.
 *
 * Why before: the work of an evaluation grows with resources × statements × (condition values ×
 * the request's values of their keys), and its answer with resources × the statements it names
 * or traces; every factor can be large within the limits of a body. Finding out by doing the
 * work would spend what the budget is there to save, and a partial answer could hide a Deny.
 * The estimates count what the evaluation reads and writes, not what it happens to match, so a
 * request is refused or not whatever the policies decide.
 *
 * One budget, two readings (`evaluationPlan`): an explained evaluation (`evaluate`, which always
 * explains, and a compiled set's by default) reads and traces every statement, and both are
 * estimated alike, so they decide the same or refuse with the same error. An unexplained one
 * (`explain: false`) reads only the statements whose Action or NotAction admits the action and
 * writes no trace: its estimate is never above the explained one, so it never refuses what
 * `evaluate` decides, and may decide what `evaluate` refuses. Either way the refusal follows from
 * the set, the request, the budget and `explain` alone, not from what a compiled set has met
 * before or kept in its plans.
 */

/** What one statement may cost each resource it is read against. */
export interface StatementCost {
  /** Steps that do not depend on the request's context: itself, each entry and variable. */
  readonly steps: number
  /**
   * Tests of its condition, each met by every value the request gives the key: a policy value
   * each, or one for the values of a string equality (`conditionCost`).
   */
  readonly conditionValues: number
  /** Clauses and variables: each may repeat the request's values in a trace. */
  readonly contextReads: number
  /** Bytes of its reference (`StatementRef`) as JSON. */
  readonly refBytes: number
  /** Bytes of its trace as JSON, without what the request adds. */
  readonly traceBytes: number
  /** What its Action or NotAction patterns may compare per character of the action (`wildcardWork`). */
  readonly actionWildcards: number
  /** What its other patterns (Resource, NotResource, Principal, condition values) may cost. */
  readonly wildcards: PatternWork
}

/**
 * The wildcard work of some patterns (`WildcardWork`), summed: mutable, as sums are built in it.
 */
export interface PatternWork {
  chars: number
  variables: number
  filledChars: number
  filledVariables: number
}

function noPatternWork(): PatternWork {
  return { chars: 0, variables: 0, filledChars: 0, filledVariables: 0 }
}

function addWork(into: PatternWork, work: WildcardWork): void {
  into.chars += work.chars
  into.variables += work.variables
  into.filledChars += work.filledChars
  into.filledVariables += work.filledVariables
}

/** Bytes of JSON a statement reference takes beside its names (`StatementRef` with its range). */
const refOverhead = 200
/** Bytes of JSON an element of a trace takes beside its values and message text. */
const elementOverhead = 220
/** Bytes of JSON a condition clause of a trace takes beside its key and values. */
const clauseOverhead = 300

/**
 * Of a statement's condition, the steps that do not depend on the request and the tests each
 * request value of a clause's key meets. A clause compares each request value with each policy
 * value, except where one test answers for all of its values (`bindAll`: the string equality
 * operators, several fixed values looked up in a set), which is built from its values once and
 * then meets each request value once.
 */
function conditionCost(statement: Statement): { readonly fixed: number; readonly tests: number } {
  let fixed = 0
  let tests = 0
  for (const clause of statement.condition?.clauses ?? []) {
    const count = clause.values.length
    const together =
      count > 1 &&
      readOperatorName(clause.operator.value)?.operator.bindAll !== undefined &&
      clause.values.every((value) => !String(value.value).includes('${'))
    if (together) {
      fixed += count
      tests += 1
    } else {
      tests += count
    }
  }
  return { fixed, tests }
}

/**
 * The wildcard work of a statement's patterns (`wildcardWork`), summed by what they meet: the
 * action (whose patterns hold no variables), and the resource, principal and context values.
 */
function wildcardCost(statement: Statement): {
  readonly actions: number
  readonly others: PatternWork
} {
  let actions = 0
  for (const action of statement.action?.values ?? []) actions += wildcardWork(action.value).chars
  const others = noPatternWork()
  for (const resource of statement.resource?.values ?? []) {
    addWork(others, wildcardWork(resource.value))
  }
  for (const entry of statement.principal?.entries ?? []) {
    for (const value of entry.values) addWork(others, wildcardWork(value.value))
  }
  for (const clause of statement.condition?.clauses ?? []) {
    for (const value of clause.values) addWork(others, wildcardWork(String(value.value)))
  }
  return { actions, others }
}

/** What a statement may cost, from its sizes (`statementSize`) and its reference. */
export function statementCost(statement: Statement, ref: StatementRef): StatementCost {
  const size = statementSize(statement)
  const condition = conditionCost(statement)
  const wildcards = wildcardCost(statement)
  const refBytes = refOverhead + ref.policyName.length + (ref.sid?.length ?? 0)
  return {
    steps: 1 + size.actions + size.resources + size.principals + size.variables + condition.fixed,
    conditionValues: condition.tests,
    contextReads: size.clauses + size.variables,
    refBytes,
    // the statement's reference, up to four elements (Principal, Action, Resource, Condition),
    // each clause, and its values twice: as the trace lists them and as its messages quote them
    traceBytes:
      100 + refBytes + 4 * elementOverhead + size.clauses * clauseOverhead + 2 * size.chars,
    actionWildcards: wildcards.actions,
    wildcards: wildcards.others,
  }
}

/** What deciding one resource against some statements may cost, summed over them. */
export interface StatementsCost {
  readonly count: number
  readonly steps: number
  readonly conditionValues: number
  readonly contextReads: number
  readonly largestContextReads: number
  readonly largestRef: number
  /** Bytes of every trace. */
  readonly traceBytes: number
  readonly largestTrace: number
  readonly actionWildcards: number
  readonly wildcards: PatternWork
}

export const noCost: StatementsCost = Object.freeze({
  count: 0,
  steps: 0,
  conditionValues: 0,
  contextReads: 0,
  largestContextReads: 0,
  largestRef: 0,
  traceBytes: 0,
  largestTrace: 0,
  actionWildcards: 0,
  wildcards: Object.freeze(noPatternWork()),
})

/** The cost of some statements, summed. */
export function sumCosts(costs: readonly StatementCost[]): StatementsCost {
  let steps = 0
  let conditionValues = 0
  let contextReads = 0
  let largestContextReads = 0
  let largestRef = 0
  let traceBytes = 0
  let largestTrace = 0
  let actionWildcards = 0
  const wildcards = noPatternWork()
  for (const cost of costs) {
    steps += cost.steps
    actionWildcards += cost.actionWildcards
    addWork(wildcards, cost.wildcards)
    conditionValues += cost.conditionValues
    contextReads += cost.contextReads
    largestContextReads = Math.max(largestContextReads, cost.contextReads)
    largestRef = Math.max(largestRef, cost.refBytes)
    traceBytes += cost.traceBytes
    largestTrace = Math.max(largestTrace, cost.traceBytes)
  }
  return {
    count: costs.length,
    steps,
    conditionValues,
    contextReads,
    largestContextReads,
    largestRef,
    traceBytes,
    largestTrace,
    actionWildcards,
    wildcards,
  }
}

/**
 * What a request holds that an evaluation's cost grows with. Mutable, so that a compiled set's
 * fast path measures each request into the same object and allocates nothing for its budget.
 */
export interface RequestSize {
  resources: number
  longestResource: number
  /** Keys of the caller's context. */
  contextKeys: number
  /** The most values any one key of the context holds (at least 1). */
  mostValues: number
  /** Characters of every value of the context. */
  contextChars: number
  /** Characters of its longest value. */
  longestValue: number
  /**
   * Whether a value of the context, a resource or the principal holds `*` or `?`; false when
   * the plan it was measured for has no piece a variable fills, which alone reads it.
   */
  holdsWildcard: boolean
  longestKey: number
  /** Characters of the action and the principal. */
  nameChars: number
}

/** A request size to measure requests into (`requestSize`). */
export function emptyRequestSize(): RequestSize {
  return {
    resources: 0,
    longestResource: 0,
    contextKeys: 0,
    mostValues: 1,
    contextChars: 0,
    longestValue: 0,
    holdsWildcard: false,
    longestKey: 0,
    nameChars: 0,
  }
}

/** Characters of a context value as the request gives it. */
function valueText(value: unknown): string {
  return typeof value === 'string' ? value : String(value)
}

function holdsWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?')
}

/**
 * Whether a value of the context, a resource or the principal holds `*` or `?`: read only for a
 * plan whose patterns have a piece a variable fills (`PatternWork.filledChars`), the one estimate
 * that needs it, so that other requests are not searched twice.
 */
function requestHoldsWildcard(
  resource: string | readonly string[],
  principal: string | undefined,
  context: unknown,
): boolean {
  if (principal !== undefined && holdsWildcard(principal)) return true
  if (typeof resource === 'string') {
    if (holdsWildcard(resource)) return true
  } else if (resource.some(holdsWildcard)) return true
  if (typeof context !== 'object' || context === null) return false
  const record = context as Readonly<Record<string, unknown>>
  for (const key in record) {
    const value = record[key]
    if (value === undefined || value === null) continue
    if (
      Array.isArray(value)
        ? value.some((one) => holdsWildcard(valueText(one)))
        : holdsWildcard(valueText(value))
    ) {
      return true
    }
  }
  return false
}

/**
 * The sizes of a request whose fields have been checked (`checkRequest` or `isPlainRequest`):
 * its resources, and its context's keys and values as given; measured into `into` (a new object
 * when none is given), which is returned. `holdsWildcard` is looked for only when `plan`'s
 * patterns need it.
 */
export function requestSize(
  plan: EvaluationPlan,
  action: string,
  resource: string | readonly string[],
  principal: string | undefined,
  context: unknown,
  into: RequestSize = emptyRequestSize(),
): RequestSize {
  let longestResource = 0
  let resources = 1
  if (typeof resource === 'string') longestResource = resource.length
  else {
    resources = resource.length
    for (let index = 0; index < resource.length; index++) {
      longestResource = Math.max(longestResource, (resource[index] as string).length)
    }
  }
  let contextKeys = 0
  let mostValues = 1
  let contextChars = 0
  let longestValue = 0
  let longestKey = 0
  if (typeof context === 'object' && context !== null) {
    const record = context as Readonly<Record<string, unknown>>
    for (const key in record) {
      const value = record[key]
      if (value === undefined || value === null) continue
      contextKeys++
      longestKey = Math.max(longestKey, key.length)
      if (Array.isArray(value)) {
        mostValues = Math.max(mostValues, value.length)
        for (let index = 0; index < value.length; index++) {
          const length = valueText(value[index]).length
          contextChars += length
          longestValue = Math.max(longestValue, length)
        }
      } else {
        const length = valueText(value).length
        contextChars += length
        longestValue = Math.max(longestValue, length)
      }
    }
  }
  into.resources = resources
  into.longestResource = longestResource
  into.contextKeys = contextKeys
  into.mostValues = mostValues
  into.contextChars = contextChars
  into.longestValue = longestValue
  into.holdsWildcard =
    plan.cost.wildcards.filledChars > 0 && requestHoldsWildcard(resource, principal, context)
  into.longestKey = longestKey
  into.nameChars = action.length + (principal?.length ?? 0)
  return into
}

/** Bytes of JSON a finding takes beside the names it quotes. */
const findingOverhead = 512
/** Bytes of JSON a resource's decision takes beside its resource, reason, layers and lists. */
const resourceOverhead = 320
const layerBytes = 64

/** What an evaluation is about to do: how many statements it reads, and how it answers. */
export interface EvaluationPlan {
  /** The statements each resource is read against. */
  readonly cost: StatementsCost
  /** Whether every statement is traced for the explanation. */
  readonly explain: boolean
  /** Layers of the set (each resource's decision lists one verdict per layer). */
  readonly layers: number
  /** Findings of the set, which every decision reports. */
  readonly setFindings: number
  /**
   * Whether the request's resources and context are checked against the service reference,
   * which may say something of the action, of each resource and of each context key.
   */
  readonly requestFindings: boolean
}

/**
 * What an evaluation reads, for its budget: `cost` is that of every statement of the set when
 * `explain` (the traces list them all), and of the statements whose Action or NotAction admits
 * the action otherwise (the only ones an unexplained decision reads). The explained estimate is
 * never below the unexplained one for the same request: a subset costs no more, and traces only
 * add to the answer.
 */
export function evaluationPlan(
  cost: StatementsCost,
  explain: boolean,
  layers: PolicyLayers,
  setFindings: number,
  requestFindings: boolean,
): EvaluationPlan {
  return { cost, explain, layers: layerCount(layers), setFindings, requestFindings }
}

/** Layers a set has, each with a verdict in every resource's decision. */
function layerCount(layers: PolicyLayers): number {
  return (
    1 +
    Number(layers.hasResourcePolicy) +
    Number(layers.hasBoundary) +
    Number(layers.hasSessionPolicy) +
    layers.serviceControlLevels +
    layers.resourceControlLevels
  )
}

/** The most findings an evaluation's answer can hold, before `maxFindings` caps them. */
function findingsBound(plan: EvaluationPlan, request: RequestSize): number {
  return plan.requestFindings
    ? plan.setFindings + 2 + request.resources + request.contextKeys
    : plan.setFindings
}

/**
 * Steps an evaluation of `request` is estimated to take: each resource, read against each
 * statement, each condition test met by each value of its key, and each character a pattern's
 * `?` pieces may compare (`wildcardWork`) for each character of the texts they meet: the
 * resource, the principal and the context's values, which also fill the pieces' variables.
 */
export function evaluationSteps(plan: EvaluationPlan, request: RequestSize): number {
  const { cost } = plan
  const perResource = resourceSteps + (plan.requestFindings ? referenceSteps : 0)
  return (
    request.resources *
    (perResource +
      cost.steps +
      cost.conditionValues * request.mostValues +
      wildcardSteps(cost.wildcards, request))
  )
}

/**
 * Steps each resource costs whatever the statements: its context, its ARN read and its decision
 * (about 7 to 13 µs, where a step is about 30 ns), even when no statement can apply to it.
 */
const resourceSteps = 300
/**
 * And with the service reference: the resource types it may be, found among the action's (a few
 * µs for an ARN the reference has met, which a batch mostly repeats; 10 to 80 µs for one not met
 * before).
 */
const referenceSteps = 500

/**
 * Characters the `?` pieces of some patterns may compare against a request: each piece's
 * characters (a variable in it lengthened by the longest value that may fill it: a context
 * value, or the principal or action a key is taken from) for each character of the texts it
 * may meet. A piece with a variable and no `?` counts only when the request holds a `*` or `?`
 * that could fill it; otherwise it is found by a native search.
 */
function wildcardSteps(work: PatternWork, request: RequestSize): number {
  let chars = work.chars
  let variables = work.variables
  if (request.holdsWildcard) {
    chars += work.filledChars
    variables += work.filledVariables
  }
  if (chars === 0) return 0
  const fill = request.longestValue + request.nameChars + request.longestResource
  return (
    (chars + variables * fill) *
    (request.longestResource + request.nameChars + request.contextChars)
  )
}

/**
 * Steps matching the action against the set's Action and NotAction patterns may take: each
 * character their `?` pieces may compare for each character of the action, once for each
 * resource. Checked before the statements that admit the action are looked for, which is the
 * matching it bounds, on every path alike (`evaluate`, a compiled set's, with a plan kept or
 * not), so that a refusal does not depend on what a compiled set has met before.
 */
export function actionMatchingOverBudget(
  actionWildcards: number,
  action: string,
  resources: number,
  budget: Budget,
): OverBudget | undefined {
  if (actionWildcards === 0) return undefined
  return overBudget('maxSteps', actionMatchingSteps(actionWildcards, action, resources), budget)
}

/** The steps `actionMatchingOverBudget` compares with `maxSteps`. */
export function actionMatchingSteps(
  actionWildcards: number,
  action: string,
  resources: number,
): number {
  return resources * actionWildcards * action.length
}

/** Bytes of JSON the answer of an evaluation of `request` is estimated to take. */
export function answerBytes(plan: EvaluationPlan, request: RequestSize, budget: Budget): number {
  const { cost } = plan
  const deciding = Math.min(cost.count, budget.maxDeciding) * cost.largestRef
  const findings =
    Math.min(findingsBound(plan, request), budget.maxFindings) *
    (findingOverhead + request.longestResource + request.longestKey + request.nameChars)
  let perResource =
    resourceOverhead +
    2 * request.longestResource +
    plan.layers * layerBytes +
    200 +
    reasonLabels * cost.largestRef +
    deciding
  if (plan.explain) {
    const traced = Math.min(cost.count, budget.maxTraces)
    const traces = traced === cost.count ? cost.traceBytes : traced * cost.largestTrace
    // each trace repeats the resource and the caller, and a clause the values of its key
    const perTrace = 3 * request.longestResource + request.nameChars + 64
    perResource +=
      traces + traced * perTrace + traced * cost.largestContextReads * request.contextChars
  }
  return 256 + request.nameChars + findings + deciding + request.resources * perResource
}

/**
 * The refusal of an evaluation whose estimated steps or answer pass the budget, checked in that
 * order; undefined when it is within.
 */
export function evaluationOverBudget(
  plan: EvaluationPlan,
  request: RequestSize,
  budget: Budget,
): OverBudget | undefined {
  return (
    overBudget('maxSteps', evaluationSteps(plan, request), budget) ??
    overBudget('maxAnswerBytes', answerBytes(plan, request, budget), budget)
  )
}
