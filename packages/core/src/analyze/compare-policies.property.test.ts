import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AuthorizationRequest, evaluate } from '../authorize/index.ts'
import { catalogFixture } from '../catalog/create-catalog.test-data.ts'
import { createCatalog } from '../catalog/index.ts'
import { expectWitnessesReplay } from '../testing/index.ts'
import { checkAccessNotGranted, checkNoNewAccess } from './check-access.ts'
import { comparePolicies } from './compare-policies.ts'
import { tokensMatch } from './glob-search.ts'
import { formatTokens } from './resource-space.ts'
import { summarizeAccess } from './summarize-access.ts'

const catalog = createCatalog(catalogFixture)
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

const arbStatement = fc
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

const setOf = (statements: readonly Record<string, unknown>[]) => ({
  identityPolicies: [{ Version: '2012-10-17', Statement: statements }],
})
const arbStatements = fc.array(arbStatement, { minLength: 1, maxLength: 3 })

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
function askable(request: AuthorizationRequest): boolean {
  const action = catalog.action(request.action)
  if (action === undefined) return true
  if (action.resourceTypes.length === 0) return request.resource === '*'
  return action.resourceTypes.some(({ type }) =>
    type.arnFormats.some((format) => tokensMatch(formatTokens(format), String(request.resource))),
  )
}

const arbRequests = fc
  .array(arbRequest, { minLength: 60, maxLength: 60 })
  .map((requests) => requests.filter(askable))

const allowed = (request: AuthorizationRequest, set: unknown) =>
  evaluate(request, set as never, { catalog }).decision === 'Allow'

const runs = { numRuns: 60 }
/** Each law decides hundreds of comparisons: a safety net for a loaded machine, not a target. */
const timeout = 240_000

describe('comparePolicies: laws', () => {
  it(
    'a set is equivalent to itself (oracle: identity)',
    () => {
      fc.assert(
        fc.property(arbStatements, (statements) => {
          const set = setOf(statements)
          const result = comparePolicies(set, set, { catalog })
          expect(result.errors).toBeUndefined()
          expect(!('relation' in result) || result.relation).toBe('equivalent')
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    'adding an Allow never narrows and adding a Deny never broadens; witnesses replay (oracle: evaluate)',
    () => {
      fc.assert(
        fc.property(arbStatements, arbStatement, (statements, added) => {
          const before = setOf(statements)
          const after = setOf([...statements, added])
          const result = comparePolicies(before, after, { catalog })
          if (result.errors !== undefined) throw new Error(result.errors[0]?.message)
          const expected =
            added.Effect === 'Allow' ? ['equivalent', 'broader'] : ['equivalent', 'narrower']
          expect(expected).toContain(result.relation)
          expectWitnessesReplay(before, after, result, catalog)
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    "no request built from the policies' values contradicts the relation (oracle: evaluate on samples)",
    () => {
      fc.assert(
        fc.property(arbStatements, arbStatements, arbRequests, (first, second, requests) => {
          const before = setOf(first)
          const after = setOf(second)
          const result = comparePolicies(before, after, { catalog })
          if (result.errors !== undefined) throw new Error(result.errors[0]?.message)
          expectWitnessesReplay(before, after, result, catalog)
          const gains = requests.some(
            (request) => allowed(request, after) && !allowed(request, before),
          )
          const losses = requests.some(
            (request) => allowed(request, before) && !allowed(request, after),
          )
          if (gains) expect(['broader', 'incomparable']).toContain(result.relation)
          if (losses) expect(['narrower', 'incomparable']).toContain(result.relation)
          if (result.relation === 'equivalent') expect(gains || losses).toBe(false)
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    'checkNoNewAccess passes exactly when the comparison finds nothing added (oracle: comparePolicies)',
    () => {
      fc.assert(
        fc.property(arbStatements, arbStatements, (first, second) => {
          const before = setOf(first)
          const after = setOf(second)
          const check = checkNoNewAccess(before, after, { catalog })
          const comparison = comparePolicies(before, after, { catalog })
          if (check.errors !== undefined || comparison.errors !== undefined)
            throw new Error('errors')
          expect(check.result === 'pass').toBe(
            ['equivalent', 'narrower'].includes(comparison.relation),
          )
          for (const region of check.access.regions) {
            expect(allowed(region.witness.request, after)).toBe(true)
            expect(allowed(region.witness.request, before)).toBe(false)
          }
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    'checkAccessNotGranted fails exactly when a sampled request of the actions is allowed, or with a witness (oracle: evaluate)',
    () => {
      fc.assert(
        fc.property(
          arbStatements,
          fc.constantFrom(
            'connect:DescribeUser',
            'connect:CreateUser',
            'connect:List*',
            'connect:TagResource',
          ),
          arbRequests,
          (statements, action, requests) => {
            const set = setOf(statements)
            const check = checkAccessNotGranted(set, { actions: [action] }, { catalog })
            if (check.errors !== undefined) throw new Error(check.errors[0]?.message)
            for (const region of check.access.regions) {
              expect(allowed(region.witness.request, set)).toBe(true)
              expect(
                new RegExp(`^${action.replace('*', '.*')}$`, 'i').test(
                  region.witness.request.action,
                ),
              ).toBe(true)
            }
            const pattern = new RegExp(`^${action.replace('*', '.*')}$`, 'i')
            const granted = requests.some(
              (request) => pattern.test(request.action) && allowed(request, set),
            )
            if (granted) expect(check.result).toBe('fail')
            expect(check.result).not.toBe('unknown')
          },
        ),
        runs,
      )
    },
    timeout,
  )

  it(
    'the summary lists every sampled request evaluate allows, and its witnesses are allowed (oracle: evaluate)',
    () => {
      fc.assert(
        fc.property(arbStatements, arbRequests, (statements, requests) => {
          const set = setOf(statements)
          const summary = summarizeAccess(set, { catalog })
          if (summary.errors !== undefined) throw new Error(summary.errors[0]?.message)
          expect(summary.complete).toBe(true)
          const grants = summary.services.flatMap((service) =>
            service.levels.flatMap((level) => level.grants),
          )
          for (const grant of grants) expect(allowed(grant.witness, set)).toBe(true)
          const summarized = new Set(
            grants.flatMap((grant) => grant.actions.map((a) => a.toLowerCase())),
          )
          for (const request of requests) {
            if (!allowed(request, set)) continue
            const known = catalog.action(request.action) !== undefined
            if (known) expect(summarized.has(request.action.toLowerCase())).toBe(true)
          }
        }),
        runs,
      )
    },
    timeout,
  )
})
