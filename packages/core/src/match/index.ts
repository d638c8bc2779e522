export type { ActionPattern } from './action-pattern.ts'
export { actionMatch, compileActionPattern, matchesAction } from './action-pattern.ts'
export type { ArnParts } from './arn.ts'
export { splitArn } from './arn.ts'
export type { ResourcePattern } from './resource-pattern.ts'
export {
  compileArnFields,
  compileResourcePattern,
  matchesArnFields,
  matchesResource,
  resourceMatch,
} from './resource-pattern.ts'
export type { WildcardPattern, WildcardWork } from './wildcard.ts'
export {
  compileWildcard,
  literalQuestionMark,
  literalStar,
  matchesWildcard,
  matchesWildcardIn,
  wildcardMatch,
  wildcardWork,
} from './wildcard.ts'
