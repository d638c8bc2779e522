export type { AnalysisLimits, AnalysisOptions } from './analysis-options.ts'
export { defaultLimits, limitsForSize } from './analysis-options.ts'
export type { AccessCheck, AccessQuery, CheckResult } from './check-access.ts'
export { checkAccessNotGranted, checkNoNewAccess } from './check-access.ts'
export type {
  AccessChange,
  AccessRegion,
  Comparison,
  Relation,
  Witness,
} from './compare-policies.ts'
export { comparePolicies } from './compare-policies.ts'
export type { AccessDiff } from './diff-access.ts'
export { diffAccess } from './diff-access.ts'
export type { GlobAnswer, GlobQuery, GlobToken } from './glob-search.ts'
export { defaultGlobStates, globTokens, searchGlobs, tokensMatch } from './glob-search.ts'
export type { PreparedPolicySet } from './prepared-set.ts'
export { prepareForAnalysis } from './prepared-set.ts'
export { resourceTokens } from './resource-tokens.ts'
export type { SetStatement } from './set-statements.ts'
export { setStatements } from './set-statements.ts'
export type {
  AccessGrant,
  AccessSummary,
  ConditionValues,
  LevelAccess,
  ServiceAccess,
} from './summarize-access.ts'
export { summarizeAccess } from './summarize-access.ts'
