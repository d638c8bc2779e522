export {
  type Budget,
  type BudgetLimit,
  type BudgetOptions,
  type BudgetRead,
  budgetLimits,
  capped,
  defaultBudget,
  type OverBudget,
  overBudget,
  overBudgetMessage,
  type RefusingLimit,
  readBudget,
} from './budget.ts'
export {
  type DeployTimeValue,
  deployTimeValues,
  holdsDeployTimeValue,
} from './deploy-time-value.ts'
export type { Diagnostic, DiagnosticCode, DiagnosticSeverity } from './diagnostic.ts'
export { diagnosticCodes, diagnosticSeverities, unreadableValueCodes } from './diagnostic.ts'
export { isPolicyDocument } from './is-policy-document.ts'
export type {
  ActionElement,
  ConditionClause,
  ConditionElement,
  ConditionValue,
  Effect,
  JsonValue,
  PolicyDocument,
  PolicyVersion,
  PrincipalElement,
  PrincipalEntry,
  PrincipalType,
  ResourceElement,
  Statement,
  StringListElement,
  UnknownElement,
} from './policy.ts'
export { effects, enablesVariables, policyVersions, principalTypes } from './policy.ts'
export {
  type PolicyType,
  type PrincipalRule,
  policyTypeNamed,
  policyTypeNames,
  policyTypes,
  policyTypeWords,
  principalRuleBroken,
  principalRules,
} from './policy-type.ts'
export { quote, quoteList, quoteWhole } from './quote.ts'
export type { Located, Position, SourceRange } from './source.ts'
export { noRange } from './source.ts'
export type { StatementRef } from './statement-ref.ts'
export { type StatementSize, statementSize } from './statement-size.ts'
