export type { CompiledPolicySet, EvaluateOptions, RequestEstimate } from './compile.ts'
export { compilePolicies } from './compile.ts'
export { type DecisionRule, type DecisionStep, decisionRules } from './decide-resource.ts'
export { evaluate } from './evaluate.ts'
export type { EvaluationOptions } from './evaluation-options.ts'
export type { NamedPolicy, PolicyInput, PolicyJson, PolicySet, PolicyType } from './policy-set.ts'
export { policyTypes } from './policy-set.ts'
export type { AuthorizationRequest } from './request.ts'
export {
  type ContextEntry,
  type RequestContext,
  singleValuedGlobalKeys,
} from './request-context.ts'
export type {
  ConditionClauseTrace,
  Decision,
  DecisionValue,
  ElementMatch,
  EvaluationError,
  EvaluationErrorSource,
  EvaluationFailure,
  EvaluationFinding,
  EvaluationFindingCode,
  EvaluationResult,
  Explanation,
  LayerVerdict,
  MatchedElement,
  ResourceDecision,
  StatementRef,
  StatementTrace,
} from './result.ts'
export {
  decisionValues,
  evaluationErrorSources,
  evaluationFindingCodes,
  matchedElements,
} from './result.ts'
