import type { UndocumentedReason } from '../evaluate/conditions/safe-reading.ts'
import type { PrincipalMatchKind } from '../evaluate/principal-match.ts'
import { unreadableCodes } from '../evaluate/readable-value.ts'
import type { Diagnostic, Effect, SourceRange } from '../model/index.ts'
import type { PolicyType } from './policy-set.ts'

export const decisionValues = ['Allow', 'ExplicitDeny', 'ImplicitDeny'] as const
export type DecisionValue = (typeof decisionValues)[number]

/** Which statement of which policy. */
export interface StatementRef {
  readonly policyType: PolicyType
  /** For service and resource control policies: the organization level, 0 being the root. */
  readonly level?: number
  /** The policy's position among those of its type (and level). */
  readonly policyIndex: number
  /** The name given with the policy, else its `Id`, else `policy #<index>`. */
  readonly policyName: string
  readonly statementIndex: number
  readonly sid?: string
  readonly effect: Effect
  readonly range: SourceRange
}

/** The policy elements that decide whether a statement applies to a request. */
export const matchedElements = [
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
] as const
export type MatchedElement = (typeof matchedElements)[number]

/** What one `Operator: { key: values }` pair of a Condition compared, and its outcome. */
export interface ConditionClauseTrace {
  readonly operator: string
  readonly key: string
  /** The request's values for the key; absent when the request has no such key. */
  readonly requestValues?: readonly string[]
  /** The policy's values, with variables filled in; values whose variable had no value are left out. */
  readonly policyValues: readonly string[]
  readonly matched: boolean
  /**
   * Present when AWS does not document the clause's outcome: why, and `matched` is then the
   * reading that grants least (not holding in an Allow, holding in a Deny).
   */
  readonly undocumented?: UndocumentedReason
  readonly message: string
  readonly range: SourceRange
}

/** Why an element of a statement did or did not match the request. */
export interface ElementMatch {
  readonly element: MatchedElement
  readonly matched: boolean
  /** The pattern that matched, when one did. */
  readonly pattern?: string
  readonly message: string
  readonly range: SourceRange
  /** For `Principal`: how the entry that matched named the caller. */
  readonly principal?: PrincipalMatchKind
  /** For `Condition`: every clause with the values it compared. */
  readonly clauses?: readonly ConditionClauseTrace[]
}

/** What one statement made of one resource of the request. */
export interface StatementTrace {
  readonly statement: StatementRef
  readonly applies: boolean
  /** Every element checked, in evaluation order, so that a near miss shows what else matched. */
  readonly elements: readonly ElementMatch[]
  /**
   * Present when the statement was read two ways and the reading that grants least was taken:
   * it reads a key AWS may or may not send, as far as the evaluation knows.
   */
  readonly note?: string
}

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
  readonly deciding: readonly StatementRef[]
  readonly statements: readonly StatementTrace[]
}

/** Why the request got its decision. */
export interface Explanation {
  readonly action: string
  /**
   * The statements that decided: the matching Deny statements for `ExplicitDeny`, the Allow
   * statements for `Allow` (for every resource), none for `ImplicitDeny`.
   */
  readonly deciding: readonly StatementRef[]
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
  /** What the evaluation has to say beside the decision; empty when nothing. */
  readonly findings: readonly EvaluationFinding[]
  readonly errors?: never
}

/** A problem that keeps a policy set or a request from being evaluated. */
export interface EvaluationError {
  /** What could not be evaluated: a policy of the set (or the set), the request, the options. */
  readonly source: 'policy' | 'request' | 'options'
  readonly policyIndex?: number
  readonly policyName?: string
  readonly message: string
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Evaluation fails closed: a policy AWS would reject, or a malformed request, gives errors and
 * no decision, so that a Deny lost to a typo can never turn into an Allow.
 */
export interface EvaluationFailure {
  readonly decision?: never
  readonly errors: readonly EvaluationError[]
}

export type EvaluationResult = Decision | EvaluationFailure
