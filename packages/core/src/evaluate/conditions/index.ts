export type {
  CompiledClause,
  CompiledValue,
  ConditionCompilation,
  ValueTest,
} from './compile-condition.ts'
export { compileCondition } from './compile-condition.ts'
export { parseDateValue } from './date-value.ts'
export {
  clauseHolds,
  clauseOutcome,
  evaluateClause,
  undocumentedReason,
  variableLookup,
} from './evaluate-clause.ts'
export { type IpRange, parseIpRange, rangeContains } from './ip-address.ts'
export {
  type OperatorUse,
  readOperatorName,
  type SetQualifier,
  setQualifiers,
} from './operator-name.ts'
export {
  type OperatorSpelling,
  operatorSpellings,
  readOperatorSpelling,
} from './operator-spelling.ts'
export {
  type ConditionOperator,
  conditionOperators,
  type OperatorFamilyName,
  type OperatorName,
  type OperatorWords,
  operatorFamilyNames,
  operatorNames,
} from './operators.ts'
export {
  type ClauseOutcome,
  readSafely,
  type UndocumentedReason,
  undocumentedReasons,
  undocumentedReasonWords,
} from './safe-reading.ts'
