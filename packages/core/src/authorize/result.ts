import { unreadableCodes } from '../evaluate/readable-value.ts'
import type { StatementTrace } from '../evaluate/trace.ts'
import type {
  Diagnostic,
  OverBudget,
  PolicyType,
  SourceRange,
  StatementRef,
} from '../model/index.ts'

export type {
  ConditionClauseTrace,
  ElementMatch,
  MatchedElement,
  StatementTrace,
} from '../evaluate/trace.ts'
export { matchedElements } from '../evaluate/trace.ts'
export type { StatementRef } from '../model/index.ts'

export const decisionValues = ['Allow', 'ExplicitDeny', 'ImplicitDeny'] as const
export type DecisionValue = (typeof decisionValues)[number]

/** What one kind of policy (one level, for SCPs and RCPs) said about a resource. */
export interface LayerVerdict {
  readonly policyType: PolicyType
  readonly level?: number
  /** `Deny`: a statement denies; `Allow`: a statement allows; `NoMatch`: nothing applies. */
  readonly verdict: 'Deny' | 'Allow' | 'NoMatch'
}

/** The decision for one resource of the request. */
export interface ResourceDecision {
  readonly resource: string
  readonly decision: DecisionValue
  /** For an implicit deny: the kind of policy that did not allow. */
  readonly blockedBy?: PolicyType
  /** Why, in one sentence. */
  readonly reason: string
  /** Each policy layer present in the set, with its own verdict. */
  readonly layers: readonly LayerVerdict[]
  /** The statements that decided, at most the budget's `maxDeciding` (default 100). */
  readonly deciding: readonly StatementRef[]
  /** How many deciding statements `deciding` leaves out; present only when some are. */
  readonly omittedDeciding?: number
  /**
   * Every statement's account of the resource, when an explanation is asked for (empty
   * otherwise): at most the budget's `maxTraces` (default 1,000), the statements that apply
   * first, in the order of the set.
   */
  readonly statements: readonly StatementTrace[]
  /** How many statement traces `statements` leaves out; present only when some are. */
  readonly omittedStatements?: number
}

/** Why the request got its decision. */
export interface Explanation {
  readonly action: string
  /**
   * The statements that decided: the matching Deny statements for `ExplicitDeny`, the Allow
   * statements for `Allow` (for every resource), none for `ImplicitDeny`; at most the budget's
   * `maxDeciding` (default 100).
   */
  readonly deciding: readonly StatementRef[]
  /** How many deciding statements `deciding` leaves out; present only when some are. */
  readonly omittedDeciding?: number
  readonly resources: readonly ResourceDecision[]
}

/**
 * Codes of what an evaluation has to say beside its decision: about the request (an action the
 * service reference does not know, a resource the action is not authorized against or one it
 * needs left out, a context key AWS does not send with the action) and about an Allow whose
 * value cannot be read (the codes of `unreadableCodes`).
 */
export const evaluationFindingCodes = [
  'unknown-service',
  'unknown-action',
  'missing-required-resource',
  'resource-not-for-action',
  'context-key-not-for-action',
  ...unreadableCodes,
] as const
export type EvaluationFindingCode = (typeof evaluationFindingCodes)[number]

/**
 * Something worth knowing beside a decision, which does not change it: the request is not one
 * AWS would be asked as given, or an Allow holds a value that matches nothing.
 */
export interface EvaluationFinding {
  readonly code: EvaluationFindingCode
  /** `warning`: the decision may not be the one meant; `suggestion`: worth a look. */
  readonly severity: 'warning' | 'suggestion'
  readonly message: string
  /** For a finding about a policy: its statement. */
  readonly statement?: StatementRef
  /** For a finding about a policy: where the value is written in it. */
  readonly range?: SourceRange
  /** The likely name meant, for an action the reference does not know. */
  readonly suggestion?: string
}

/** A decision's findings when there are none, shared. */
export const noFindings: readonly EvaluationFinding[] = Object.freeze([])

/** A decision AWS would reach, and why. */
export interface Decision {
  readonly decision: DecisionValue
  readonly explanation: Explanation
  /**
   * What the evaluation has to say beside the decision; empty when nothing. At most the budget's
   * `maxFindings` (default 1,000).
   */
  readonly findings: readonly EvaluationFinding[]
  /** How many findings `findings` leaves out; present only when some are. */
  readonly omittedFindings?: number
  readonly errors?: never
}

/** A problem that keeps a policy set or a request from being evaluated. */
export interface EvaluationError {
  /**
   * What could not be evaluated: a policy of the set (or the set), the request, the options, or
   * the request against the set within the budget (`over-budget`).
   */
  readonly source: EvaluationErrorSource
  readonly policyIndex?: number
  readonly policyName?: string
  readonly message: string
  readonly diagnostics: readonly Diagnostic[]
  /**
   * For `source: 'budget'`: the limit the evaluation would pass, its estimate and what the
   * budget allows. Nothing was evaluated.
   */
  readonly overBudget?: OverBudget
}

/** What keeps an evaluation from being made, as `EvaluationError.source` names it. */
export const evaluationErrorSources = ['policy', 'request', 'options', 'budget'] as const
export type EvaluationErrorSource = (typeof evaluationErrorSources)[number]

/**
 * Evaluation fails closed: a policy AWS would reject, or a malformed request, gives errors and
 * no decision, so that a Deny lost to a typo can never turn into an Allow.
 */
export interface EvaluationFailure {
  readonly decision?: never
  readonly errors: readonly EvaluationError[]
}

export type EvaluationResult = Decision | EvaluationFailure
