export {
  type ConditionOperator,
  conditionOperators,
  type OperatorFamilyName,
  type OperatorUse,
  operatorFamilyNames,
  parseDateValue,
  parseIpRange,
  readOperatorName,
  type SetQualifier,
  setQualifiers,
} from './conditions/index.ts'
export { parseTemplate, type Template, type TemplatePart } from './policy-variable.ts'
