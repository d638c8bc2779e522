import fc from 'fast-check'
import { tokensMatch } from '../analyze/glob-search.ts'
import { formatTokens } from '../analyze/resource-space.ts'
import { type AuthorizationRequest, evaluate } from '../authorize/index.ts'
import { catalogFixture } from '../catalog/create-catalog.test-data.ts'
import { createCatalog } from '../catalog/index.ts'

/**
 * Policies and requests for the analyzer's laws, over the fixture's Amazon Connect reference:
 * statements drawn from patterns and conditions that meet and miss each other, and requests
 * built from the same values (and values near them), as the oracle samples.
 */
export const analysisCatalog = createCatalog(catalogFixture)
const catalog = analysisCatalog
const instance = 'arn:aws:connect:us-east-1:123456789012:instance/i-1'

const actionPatterns = [
  '*',
  'connect:*',
  'connect:Describe*',
  'connect:DescribeUser',
  'connect:CreateUser',
  'connect:List*',
  'connect:?reate*',
  'connect:Tag*',
]
const resourcePatterns = [
  '*',
  'arn:aws:connect:*:*:instance/*',
  instance,
  `${instance}*`,
  `${instance}/*`,
  `${instance}/agent/*`,
  'arn:aws:connect:us-east-1:*:*',
  'arn:aws:connect:*:123456789012:instance/*/queue/*',
]
const conditions: Record<string, unknown>[] = [
  { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
  { StringLike: { 'aws:PrincipalTag/team': 'a*' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } },
  { 'ForAllValues:StringLike': { 'aws:TagKeys': ['team', 'c*'] } },
  { NumericLessThan: { 'test:n': '3' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { StringNotEqualsIfExists: { 'connect:InstanceId': 'i-1' } },
]

const list = (pool: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...pool),
    fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 3 }),
  )

export const arbAnalysisStatement = fc
  .record(
    {
      effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
      notAction: fc.boolean(),
      action: list(actionPatterns),
      notResource: fc.boolean(),
      resource: list(resourcePatterns),
      condition: fc.option(fc.constantFrom(...conditions), { nil: undefined }),
    },
    { requiredKeys: ['effect', 'notAction', 'action', 'notResource', 'resource'] },
  )
  .map((spec) => ({
    Effect: spec.effect,
    [spec.notAction && spec.effect === 'Deny' ? 'NotAction' : 'Action']: spec.action,
    [spec.notResource ? 'NotResource' : 'Resource']: spec.resource,
    ...(spec.condition === undefined ? {} : { Condition: spec.condition }),
  }))

/** The statements as one identity policy. */
export const identitySetOf = (statements: readonly Record<string, unknown>[]) => ({
  identityPolicies: [{ Version: '2012-10-17', Statement: statements }],
})
export const arbAnalysisStatements = fc.array(arbAnalysisStatement, { minLength: 1, maxLength: 3 })

// Requests built from the policies' own values (and values near them), as the oracle samples.
const sampleResources = [
  instance,
  `${instance}/agent/u-1`,
  `${instance}/queue/q-1`,
  `${instance}/queue/*`,
  `${instance}x/agent/u-1`,
  'arn:aws:connect:eu-west-2:123456789012:instance/i-2',
  'arn:aws:connect:us-east-1:123456789012:instance/i-2/security-profile/p-1',
  '*',
]
const sampleActions = [
  ...catalog.allActions.filter((action) => action.service === 'connect').map((a) => a.fullName),
  'connect:DescribeUsr',
]
const arbContext = fc.record(
  {
    'aws:RequestedRegion': fc.constantFrom('us-east-1', 'eu-west-2'),
    'aws:PrincipalTag/team': fc.constantFrom('abc', 'x'),
    'aws:TagKeys': fc.constantFrom([], ['team'], ['team', 'other'], ['cost']),
    'test:n': fc.constantFrom('2', '3', '4'),
    'aws:SecureTransport': fc.constantFrom('true', 'false'),
    'aws:SourceIp': fc.constantFrom('10.1.1.1', '192.0.2.1'),
    'connect:InstanceId': fc.constantFrom('i-1', 'i-2'),
  },
  { requiredKeys: [] },
)
const arbRequest: fc.Arbitrary<AuthorizationRequest> = fc.record({
  action: fc.constantFrom(...sampleActions),
  resource: fc.constantFrom(...sampleResources),
  principal: fc.constant('arn:aws:iam::123456789012:role/ExampleRole'),
  context: arbContext,
})

/**
 * Whether a request is one AWS could be asked: a known action on a resource of one of its types
 * (`*` for an action of none), or an action the reference does not list, on anything. The
 * analysis is over these requests; a sample outside them says nothing of it.
 */
export function askable(request: AuthorizationRequest): boolean {
  const action = catalog.action(request.action)
  if (action === undefined) return true
  if (action.resourceTypes.length === 0) return request.resource === '*'
  return action.resourceTypes.some(({ type }) =>
    type.arnFormats.some((format) => tokensMatch(formatTokens(format), String(request.resource))),
  )
}

export const arbAnalysisRequests = fc
  .array(arbRequest, { minLength: 60, maxLength: 60 })
  .map((requests) => requests.filter(askable))

/** Whether `evaluate` allows the request under the set, with the fixture's reference. */
export const allowedBy = (request: AuthorizationRequest, set: unknown) =>
  evaluate(request, set as never, { catalog }).decision === 'Allow'
