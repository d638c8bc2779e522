import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalogFixture } from './catalog/create-catalog.test-data.ts'
import * as core from './index.ts'
import { arbAnyValue, assertReturnsForAnyArguments, exportedFunctions } from './testing/index.ts'

const policyText = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'connect:*', Resource: '*' }],
})

/** Near misses of what the functions take: the right shape with a wrong part. */
const arbNearMiss = fc.oneof(
  fc.record(
    {
      Version: fc.oneof(fc.constant('2012-10-17'), arbAnyValue),
      Statement: fc.oneof(
        fc.array(
          fc.record(
            {
              Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), arbAnyValue),
              Action: fc.oneof(fc.constantFrom('connect:*', ['connect:DescribeUser']), arbAnyValue),
              Resource: fc.oneof(fc.constant('*'), arbAnyValue),
              Condition: arbAnyValue,
            },
            { requiredKeys: [] },
          ),
        ),
        arbAnyValue,
      ),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      identityPolicies: fc.oneof(fc.constant([policyText]), arbAnyValue),
      identityPolicy: fc.constant([policyText]),
      permissionBoundary: fc.constant(policyText),
      resourcePolicy: fc.oneof(fc.constant({ name: 'named', policy: policyText }), arbAnyValue),
      serviceControlPolicies: fc.oneof(fc.constant([[policyText]]), arbAnyValue),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      action: fc.oneof(fc.constant('connect:DescribeUser'), arbAnyValue),
      resource: fc.oneof(
        fc.constant('arn:aws:connect:us-east-1:123456789012:instance/i-1'),
        arbAnyValue,
      ),
      resources: arbAnyValue,
      context: fc.oneof(fc.dictionary(fc.string(), arbAnyValue), arbAnyValue),
      principal: arbAnyValue,
      time: arbAnyValue,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      catalog: arbAnyValue,
      policyType: arbAnyValue,
      suppress: arbAnyValue,
      budget: fc.oneof(
        fc.record(
          { maxSteps: fc.oneof(fc.nat(100), arbAnyValue), maxDeciding: fc.nat(2) },
          { requiredKeys: [] },
        ),
        arbAnyValue,
      ),
    },
    { requiredKeys: [] },
  ),
  fc.constant(catalogFixture),
)

const arbArgument = fc.oneof(arbAnyValue, arbNearMiss, fc.constant(policyText))
const arbArguments = fc.array(arbArgument, { maxLength: 3 })

const exported = exportedFunctions(core as Record<string, unknown>)

describe('every function the package exports', () => {
  it('is tested here: the list is not empty', () => {
    expect(exported.map(([name]) => name)).toContain('evaluate')
  })

  it.each(exported)('%s returns for any arguments (oracle: it does not throw)', (_, fn) =>
    assertReturnsForAnyArguments(fn, arbArgument, 300),
  )
})

describe('what the exported functions return', () => {
  it('a compiled set evaluates any request with any options to a decision or errors', () => {
    fc.assert(
      fc.property(
        arbArgument,
        arbArgument,
        arbArgument,
        arbArgument,
        (set, options, request, evaluateOptions) => {
          const result = core
            .compilePolicies(set as core.PolicySet, options as core.EvaluationOptions)
            .evaluate(request as core.AuthorizationRequest, evaluateOptions as core.EvaluateOptions)
          return (result.decision === undefined) !== (result.errors === undefined)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('evaluate gives a decision or errors, never a silent decision on a set it cannot read', () => {
    fc.assert(
      fc.property(arbArgument, arbArgument, arbArgument, (request, set, options) => {
        const result = core.evaluate(
          request as core.AuthorizationRequest,
          set as core.PolicySet,
          options as core.EvaluationOptions,
        )
        return (result.decision === undefined) !== (result.errors === undefined)
      }),
      { numRuns: 500 },
    )
  })

  it("a catalog's lookups answer any value", () => {
    const catalog = core.createCatalog(catalogFixture)
    const lookups = Object.entries(catalog).filter(
      (entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === 'function',
    )
    fc.assert(
      fc.property(fc.constantFrom(...lookups), arbArguments, ([, lookup], args) => {
        lookup(...args)
      }),
      { numRuns: 1000 },
    )
  })

  it('a catalog made of anything answers like one made of nothing', () => {
    fc.assert(
      fc.property(arbArgument, fc.string(), (data, action) => {
        const catalog = core.createCatalog(data as core.CatalogData)
        catalog.action(action)
        catalog.matchActions(action)
        catalog.resourceTypesOf(action)
        return core.isCatalog(catalog)
      }),
      { numRuns: 300 },
    )
  })
})

describe('the mistakes a script makes', () => {
  const request = {
    action: 'connect:DescribeUser',
    resource: 'arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-1',
  }
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'connect:*', Resource: '*' }],
  }
  const messages = (result: core.EvaluationResult) =>
    (result.errors ?? []).map((error) => error.message).join('; ')

  it('a policy as the object JSON.parse makes is evaluated, printed, parsed and validated', () => {
    expect(core.evaluate(request, { identityPolicies: [policy] }).decision).toBe('Allow')
    expect(core.compilePolicies({ identityPolicies: [policy] }).evaluate(request).decision).toBe(
      'Allow',
    )
    expect(
      core.evaluate(request, { resourcePolicy: { name: 'p', policy }, identityPolicies: [policy] })
        .errors,
    ).toBeDefined()
    expect(JSON.parse(core.printPolicy(policy))).toEqual(policy)
    expect(core.parsePolicy(policy).diagnostics).toEqual([])
    expect(core.validatePolicy(policy).filter((finding) => finding.severity === 'error')).toEqual(
      [],
    )
  })

  it.each([
    [{ identityPolicy: [policy] }, '`identityPolicy`: did you mean `identityPolicies`'],
    [{ permissionBoundary: policy }, '`permissionBoundary`: did you mean `permissionsBoundary`'],
    [{ identityPolicies: policy }, '`identityPolicies` is a list of policies'],
    [
      { serviceControlPolicies: [policy] },
      '`serviceControlPolicies` is a list of organization levels',
    ],
    [[policy], 'a policy set is an object of policies by type'],
    ['{}', 'a policy set is an object of policies by type'],
    [{ identityPolicies: [42] }, 'a policy is JSON text or an object, not a number'],
  ])('a policy set %j is an error naming the mistake', (set, words) => {
    const result = core.evaluate(request, set as core.PolicySet)
    expect(result.decision).toBeUndefined()
    const said = `${messages(result)}; ${(result.errors ?? []).flatMap((error) => error.diagnostics.map((d) => d.message)).join('; ')}`
    expect(said).toContain(words)
  })

  it.each([
    [
      { action: 'connect:DescribeUser', resources: request.resource },
      '`resources`: did you mean `resource`',
    ],
    [{ ...request, Context: {} }, '`Context`: did you mean `context`'],
    ['connect:DescribeUser', 'a request is an object'],
  ])('a request %j is an error naming the mistake', (given, words) => {
    const set = { identityPolicies: [policy] }
    for (const result of [
      core.evaluate(given as core.AuthorizationRequest, set),
      core.compilePolicies(set).evaluate(given as core.AuthorizationRequest, { explain: false }),
    ]) {
      expect(result.decision).toBeUndefined()
      expect(messages(result)).toContain(words)
    }
  })

  it.each([
    ['a misspelt field', { Catalog: {} }, '`Catalog`: did you mean `catalog`'],
    ['catalog data for a catalog', { catalog: catalogFixture }, 'make one with `createCatalog`'],
    ['text', 'catalog', 'not a string'],
  ])('options with %s are an error naming the mistake', (_, options, words) => {
    const set = { identityPolicies: [policy] }
    for (const result of [
      core.evaluate(request, set, options as core.EvaluationOptions),
      core.compilePolicies(set, options as core.EvaluationOptions).evaluate(request),
    ]) {
      expect(result.decision).toBeUndefined()
      expect(messages(result)).toContain(words)
    }
  })
})
