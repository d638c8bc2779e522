export {
  type ConditionOperator,
  conditionOperators,
  type OperatorFamilyName,
  type OperatorName,
  type OperatorUse,
  type OperatorWords,
  operatorFamilyNames,
  operatorNames,
  parseDateValue,
  parseIpRange,
  readOperatorName,
  type SetQualifier,
  setQualifiers,
} from './conditions/index.ts'
export { parseTemplate, type Template, type TemplatePart } from './policy-variable.ts'
