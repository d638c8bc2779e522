import fc from 'fast-check'
import type { AuthorizationRequest } from '../authorize/index.ts'
import type { PolicyDocument } from '../model/index.ts'
import { policyOf, type StatementSpec } from './build.ts'

const instance = 'arn:aws:connect:us-east-1:123456789012:instance/i-1'
const otherInstance = 'arn:aws:connect:us-west-2:123456789012:instance/i-2'

/** Concrete actions requests name: a few Amazon Connect actions and one from another service. */
export const requestActions = [
  'connect:CreateUser',
  'connect:DeleteUser',
  'connect:UpdateUserHierarchy',
  'connect:DescribeUser',
  'connect:StartContactRecording',
  'profile:SearchProfiles',
] as const

/** Concrete resources requests name. */
export const requestResources = [
  `${instance}/agent/u-1`,
  `${instance}/agent/u-2`,
  `${instance}/security-profile/sp-1`,
  `${instance}/contact/c-1`,
  `${otherInstance}/agent/u-1`,
  'arn:aws:profile:us-east-1:123456789012:domains/d-1',
] as const

const actionPatterns = [
  ...requestActions,
  'connect:*',
  'connect:*User',
  'connect:Update*',
  'connect:?eleteUser',
  'CONNECT:createuser',
  'profile:*',
  '*',
] as const

const resourcePatterns = [
  ...requestResources,
  '*',
  `${instance}*`,
  `${instance}/agent/*`,
  'arn:aws:connect:*:123456789012:instance/*/agent/*',
  'arn:aws:connect:us-east-1:123456789012:instance/i-?/*',
  'arn:aws:profile:*',
] as const

const arbPatterns = <T extends string>(values: readonly T[]) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 })

export const arbStatementSpec: fc.Arbitrary<StatementSpec> = fc
  .record({
    effect: fc.constantFrom('Allow' as const, 'Deny' as const),
    negatedAction: fc.boolean(),
    negatedResource: fc.boolean(),
    actions: arbPatterns(actionPatterns),
    resources: arbPatterns(resourcePatterns),
    sid: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { nil: undefined }),
  })
  .map(({ effect, negatedAction, negatedResource, actions, resources, sid }) => ({
    effect,
    ...(sid === undefined ? {} : { sid }),
    ...(negatedAction ? { notAction: actions } : { action: actions }),
    ...(negatedResource ? { notResource: resources } : { resource: resources }),
  }))

export const arbPolicyDocument: fc.Arbitrary<PolicyDocument> = fc
  .array(arbStatementSpec, { minLength: 1, maxLength: 4 })
  .map(policyOf)

/** One to three identity policies. */
export const arbIdentityPolicies: fc.Arbitrary<PolicyDocument[]> = fc.array(arbPolicyDocument, {
  minLength: 1,
  maxLength: 3,
})

export const arbRequest: fc.Arbitrary<AuthorizationRequest> = fc.record({
  action: fc
    .tuple(fc.constantFrom(...requestActions), fc.boolean())
    .map(([action, upper]) => (upper ? action.toUpperCase() : action)),
  resource: fc.oneof(
    fc.constantFrom(...requestResources),
    fc.uniqueArray(fc.constantFrom(...requestResources), { minLength: 1, maxLength: 3 }),
  ),
})
