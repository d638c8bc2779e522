export type {
  AccessLevelGroup,
  ActionsDescription,
  ServiceActions,
} from './describe-actions.ts'
export { describeActions } from './describe-actions.ts'
export { describeCondition } from './describe-condition.ts'
export type { EffectiveAccessDescription } from './describe-effective.ts'
export type {
  DescribeOptions,
  DescriptionError,
  DescriptionFailure,
  DescriptionResult,
  PolicyDescription,
  StatementDescription,
} from './describe-policy.ts'
export { describePolicy } from './describe-policy.ts'
export { describePrincipals } from './describe-principals.ts'
export type { ResourcesDescription, ResourceValueDescription } from './describe-resources.ts'
export { describeResources } from './describe-resources.ts'
