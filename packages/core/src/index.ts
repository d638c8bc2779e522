// The package's surface: the functions a user calls with what they have, each of which returns a
// result or an error value for any JavaScript value it is given (a property test feeds each one
// arbitrary values), and the vocabularies and types of their results. The stages' own lookups,
// matchers and compiled forms stay inside.
export type * from './analyze/index.ts'
export {
  checkAccessNotGranted,
  checkNoNewAccess,
  comparePolicies,
  defaultLimits as defaultAnalysisLimits,
  diffAccess,
  limitsForSize,
  prepareForAnalysis,
  setStatements,
  summarizeAccess,
} from './analyze/index.ts'
export type * from './authorize/index.ts'
export {
  compilePolicies,
  decisionRules,
  decisionValues,
  evaluate,
  evaluationErrorSources,
  evaluationFindingCodes,
  matchedElements,
  policyTypes,
  singleValuedGlobalKeys,
} from './authorize/index.ts'
export type * from './catalog/index.ts'
export {
  accessLevels,
  actionView,
  conditionKeyTypes,
  createCatalog,
  formatComparisonWork,
  isCatalog,
  readCatalogData,
} from './catalog/index.ts'
export type * from './describe/index.ts'
export { describePolicy } from './describe/index.ts'
export { undocumentedReasons, undocumentedReasonWords } from './evaluate/conditions/index.ts'
export type * from './evaluate/index.ts'
export {
  operatorFamilyNames,
  operatorNames,
  operatorSpellings,
  readOperatorSpelling,
  setQualifiers,
} from './evaluate/index.ts'
export type * from './match/index.ts'
export { actionMatch, resourceMatch, wildcardMatch } from './match/index.ts'
export type * from './model/index.ts'
export {
  budgetLimits,
  defaultBudget,
  diagnosticCodes,
  diagnosticSeverities,
  effects,
  isPolicyDocument,
  noRange,
  policyTypeNamed,
  policyTypeNames,
  policyTypeWords,
  policyVersions,
  principalTypes,
  quote,
} from './model/index.ts'
export type * from './parse/index.ts'
export {
  createPositionMap,
  parseJson,
  parsePolicy,
  policyText,
  sourceLines,
} from './parse/index.ts'
export { printPolicy } from './print/index.ts'
export { closestName, didYouMean } from './suggest/index.ts'
export type * from './validate/index.ts'
export {
  atLeast,
  countedCharacters,
  findingGroups,
  findingReference,
  findingSeverities,
  findingSeverityMeanings,
  unknownFindingCode,
  validatePolicy,
} from './validate/index.ts'
