export {
  type ConditionOperator,
  conditionOperators,
  type OperatorFamilyName,
  type OperatorName,
  type OperatorSpelling,
  type OperatorUse,
  type OperatorWords,
  operatorFamilyNames,
  operatorNames,
  operatorSpellings,
  parseDateValue,
  parseIpRange,
  readOperatorName,
  readOperatorSpelling,
  type SetQualifier,
  setQualifiers,
} from './conditions/index.ts'
export { parseTemplate, type Template, type TemplatePart } from './policy-variable.ts'
