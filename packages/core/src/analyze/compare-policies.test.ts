import { describe, expect, it } from 'vitest'
import { evaluate } from '../authorize/index.ts'
import { catalogFixture } from '../catalog/create-catalog.test-data.ts'
import { createCatalog } from '../catalog/index.ts'
import { expectWitnessesReplay } from '../testing/index.ts'
import { checkNoNewAccess } from './check-access.ts'
import { type Comparison, comparePolicies } from './compare-policies.ts'
import { diffAccess } from './diff-access.ts'

const catalog = createCatalog(catalogFixture)
const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/7a3c1e2d-0000-4000-8000-000000000001'

type Statement = Record<string, unknown>
const policy = (...statements: Statement[]) => ({ Version: '2012-10-17', Statement: statements })
const identity = (...statements: Statement[]) => ({ identityPolicies: [policy(...statements)] })
const allow = (action: unknown, resource: unknown = '*', extra: Statement = {}) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra,
})
const deny = (action: unknown, resource: unknown = '*', extra: Statement = {}) => ({
  ...allow(action, resource, extra),
  Effect: 'Deny',
})

function compared(before: unknown, after: unknown): Exclude<Comparison, { errors: unknown }> {
  const result = comparePolicies(before, after, { catalog })
  if (result.errors !== undefined) throw new Error(result.errors.map((e) => e.message).join('; '))
  return result
}

describe('comparePolicies: known answers', () => {
  it('a set is equivalent to itself', () => {
    const set = identity(allow('connect:Describe*'), deny('connect:DescribeUser', `${instance}/*`))
    expect(compared(set, set).relation).toBe('equivalent')
  })

  it('`foo*?bar` and `foo?*bar` are equivalent (a glob comparison SMT solvers have looped on)', () => {
    const before = identity(allow('connect:DescribeUser', `${instance}/agent/foo*?bar`))
    const after = identity(allow('connect:DescribeUser', `${instance}/agent/foo?*bar`))
    expect(compared(before, after).relation).toBe('equivalent')
  })

  it('`instance/<id>*` is broader than `instance/<id>/*`: the instance itself is the witness', () => {
    const before = identity(allow('connect:*', `${instance}/*`))
    const after = identity(allow('connect:*', `${instance}*`))
    const result = compared(before, after)
    expect(result.relation).toBe('broader')
    const resources = result.added.regions.map((region) => region.witness.request.resource)
    expect(resources).toContain(instance)
    const onInstance = result.added.regions.find(
      (region) => region.witness.request.resource === instance,
    )
    expect(onInstance?.actions).toContain('connect:SearchUsers')
    expect(onInstance?.resourceTypes).toEqual(['connect:instance'])
    expectWitnessesReplay(before, after, result, catalog)
  })

  it('adding a Deny makes the set narrower, with the denied request as witness', () => {
    const before = identity(allow('connect:*'))
    const after = identity(allow('connect:*'), deny('connect:DescribeUser'))
    const result = compared(before, after)
    expect(result.relation).toBe('narrower')
    expect(result.removed.regions.map((region) => region.actions)).toEqual([
      ['connect:DescribeUser'],
    ])
    expect(result.removed.regions[0]?.witness.after.decision).toBe('ExplicitDeny')
    expectWitnessesReplay(before, after, result, catalog)
  })

  it('two sets that each allow something the other does not are incomparable', () => {
    const before = identity(allow('connect:DescribeUser'))
    const after = identity(allow('connect:DescribeQueue'))
    const result = compared(before, after)
    expect(result.relation).toBe('incomparable')
    expect(result.added.regions[0]?.actions).toEqual(['connect:DescribeQueue'])
    expect(result.removed.regions[0]?.actions).toEqual(['connect:DescribeUser'])
    expectWitnessesReplay(before, after, result, catalog)
  })

  it('NotAction and NotResource are read against the service reference', () => {
    const before = identity(allow('connect:*', `${instance}/*`))
    const after = identity({
      Effect: 'Allow',
      NotAction: 'connect:CreateUser',
      NotResource: `${instance}`,
    })
    const result = compared(before, after)
    // after allows everything but CreateUser beyond the instance itself; before, connect inside it
    expect(result.relation).toBe('incomparable')
    // CreateUser, on each of the types of resource it is authorized against
    expect(new Set(result.removed.regions.flatMap((region) => region.actions))).toEqual(
      new Set(['connect:CreateUser']),
    )
    expect(result.removed.regions.flatMap((region) => region.resourceTypes).sort()).toEqual([
      'connect:hierarchy-group',
      'connect:routing-profile',
      'connect:security-profile',
      'connect:user',
    ])
    expectWitnessesReplay(before, after, result, catalog)
  })

  it('a condition on a key narrows, and the witness gives the value that misses it', () => {
    const before = identity(allow('connect:ListQueues'))
    const after = identity(
      allow('connect:ListQueues', '*', {
        Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
      }),
    )
    const result = compared(before, after)
    expect(result.relation).toBe('narrower')
    const witness = result.removed.regions[0]?.witness.request
    expect(witness?.context?.['aws:RequestedRegion']).not.toBe('us-east-1')
    expectWitnessesReplay(before, after, result, catalog)
  })

  it('numbers, dates and addresses are cut at their bounds', () => {
    const at = (operator: string, key: string, value: string) =>
      identity(allow('connect:ListInstances', '*', { Condition: { [operator]: { [key]: value } } }))
    const numbers = compared(
      at('NumericLessThan', 'test:Count', '5'),
      at('NumericLessThan', 'test:Count', '6'),
    )
    expect(numbers.relation).toBe('broader')
    expect(numbers.added.regions[0]?.witness.request.context?.['test:Count']).toBe('5')
    const addresses = compared(
      at('IpAddress', 'aws:SourceIp', '10.0.0.0/8'),
      at('IpAddress', 'aws:SourceIp', '10.0.0.0/16'),
    )
    expect(addresses.relation).toBe('narrower')
    const dates = compared(
      at('DateLessThan', 'aws:CurrentTime', '2026-01-01T00:00:00Z'),
      at('DateLessThanEquals', 'aws:CurrentTime', '2026-01-01T00:00:00Z'),
    )
    expect(dates.relation).toBe('broader')
    expect(dates.added.regions[0]?.witness.request.context?.['aws:CurrentTime']).toBe(
      '2026-01-01T00:00:00.000Z',
    )
  })

  it('a witness names one resource of every required type of its action, as AWS is asked it', () => {
    const profile = `${instance}/security-profile/admin`
    const before = identity(
      allow('connect:*', `${instance}/*`),
      deny('connect:CreateUser', profile),
    )
    const after = identity(allow('connect:*', `${instance}/*`))
    const result = compared(before, after)
    expect(result.relation).toBe('broader')
    expectWitnessesReplay(before, after, result, catalog)
    const create = result.added.regions.find((region) =>
      region.actions.includes('connect:CreateUser'),
    )
    const resources = create?.witness.request.resource as string[]
    // the profile the Deny names, then a routing profile and a user of the same instance
    expect(resources[0]).toBe(profile)
    expect(resources.slice(1).map((arn) => arn.split('/').slice(0, 3).join('/'))).toEqual([
      `${instance}/routing-profile`,
      `${instance}/agent`,
    ])
    expect(create?.witness.before.decision).toBe('ExplicitDeny')
    expect(create?.witness.after.decision).toBe('Allow')
    // with no security profile allowed, no whole CreateUser request is: the witness stays as found
    const usersOnly = identity(allow('connect:CreateUser', `${instance}/agent/*`))
    const alone = compared({ identityPolicies: [] }, usersOnly)
    expect(typeof alone.added.regions[0]?.witness.request.resource).toBe('string')
  })

  it('bounds past what one more unit moves, or past the years an ISO date writes, still have both sides', () => {
    const nothing = { identityPolicies: [] }
    const cases: [string, string, string][] = [
      // a step of 1 does not move 1e20, nor 1,000 ms the instant of 1e17 epoch seconds
      ['NumericGreaterThan', 'test:Count', '1e20'],
      ['NumericGreaterThan', 'test:Count', '1.7976931348623157e308'],
      ['DateGreaterThan', 'aws:CurrentTime', '99999999999999999'],
      ['DateLessThan', 'aws:CurrentTime', '-8640000000000'],
      // epoch seconds between two milliseconds
      ['DateGreaterThan', 'aws:CurrentTime', '1.0005'],
    ]
    for (const [operator, key, value] of cases) {
      const after = identity(
        allow('connect:ListInstances', '*', { Condition: { [operator]: { [key]: value } } }),
      )
      const result = compared(nothing, after)
      expect(result.relation, `${operator} ${value}`).toBe('broader')
      expectWitnessesReplay(nothing, after, result, catalog)
    }
  })

  it('a multivalued key is given sets: ForAllValues misses a request with one more value', () => {
    const before = identity(allow('connect:CreateInstance'))
    const after = identity(
      allow('connect:CreateInstance', '*', {
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'cost'] } },
      }),
    )
    const result = compared(before, after)
    expect(result.relation).toBe('narrower')
    const tags = result.removed.regions[0]?.witness.request.context?.['aws:TagKeys']
    expect(Array.isArray(tags)).toBe(true)
    expect((tags as string[]).some((tag) => tag !== 'team' && tag !== 'cost')).toBe(true)
    expectWitnessesReplay(before, after, result, catalog)
  })

  it('an action the service reference does not list is its own region', () => {
    const before = identity(allow('connect:DescribeUser'))
    const after = identity(allow('connect:DescribeUser*'))
    const result = compared(before, after)
    expect(result.relation).toBe('broader')
    const unlisted = result.added.regions.filter((region) => region.unlistedAction)
    expect(unlisted).toHaveLength(1)
    expect(catalog.action(unlisted[0]?.witness.request.action ?? '')).toBeUndefined()
    expectWitnessesReplay(before, after, result, catalog)
  })

  it('layers compose as the evaluator composes them: a boundary limits', () => {
    const before = identity(allow('connect:*'))
    const after = { ...before, permissionsBoundary: policy(allow('connect:Describe*')) }
    const result = compared(before, after)
    expect(result.relation).toBe('narrower')
    expect(result.removed.regions.flatMap((region) => region.actions)).not.toContain(
      'connect:DescribeUser',
    )
    expectWitnessesReplay(before, after, result, catalog)
  })

  it('a policy variable it does not compare makes an empty direction unknown, never equivalent', () => {
    const set = identity(allow('connect:DescribeUser', `${instance}/agent/\${aws:username}`))
    const result = compared(set, set)
    expect(result.relation).toBe('unknown')
    expect(result.reasons.join(' ')).toContain('policy variable')
  })

  it('finds what an identity policy grants in each account it names, each to a caller there', () => {
    const first =
      'arn:aws:connect:us-east-1:111111111111:instance/a1b2c3d4-0000-4000-8000-000000000001'
    const second =
      'arn:aws:connect:us-east-1:222222222222:instance/a1b2c3d4-0000-4000-8000-000000000002'
    const before = identity(allow('connect:DescribeInstance', first))
    const after = identity(allow('connect:DescribeInstance', [first, second]))
    const result = compared(before, after)
    expect(result.relation).toBe('broader')
    expect(result.added.regions.map((region) => region.witness.request)).toEqual([
      expect.objectContaining({
        resource: second,
        principal: 'arn:aws:iam::222222222222:role/ExampleRole',
      }),
    ])
    expectWitnessesReplay(before, after, result, catalog)
  })

  it('checkNoNewAccess within some actions looks at those actions only', () => {
    const before = identity(allow('connect:DescribeUser', `${instance}/agent/*`))
    const after = identity(
      allow(['connect:DescribeUser', 'connect:DeleteUser'], `${instance}/agent/*`),
    )
    const everything = checkNoNewAccess(before, after, { catalog })
    expect(everything.errors === undefined && everything.result).toBe('fail')
    const described = checkNoNewAccess(
      before,
      after,
      { catalog },
      { actions: ['connect:Describe*'] },
    )
    expect(described.errors === undefined && described.result).toBe('pass')
    const deleted = checkNoNewAccess(before, after, { catalog }, { actions: ['connect:Delete*'] })
    expect(
      deleted.errors === undefined && deleted.access.regions.flatMap((r) => r.actions),
    ).toEqual(['connect:deleteuser'])
    expect(checkNoNewAccess(before, after, { catalog }, { actions: [] }).errors).toHaveLength(1)
  })

  it('work past its limits is unknown, with the limit named', () => {
    const before = identity(allow('connect:*'))
    const after = identity(allow('connect:Describe*'))
    const result = comparePolicies(before, after, { catalog, limits: { maxRequests: 1 } })
    expect(result.errors).toBeUndefined()
    if (result.errors !== undefined) return
    expect(result.relation).toBe('unknown')
    expect(result.reasons.join(' ')).toContain('1 requests')
  })

  it('a pattern whose searches read more positions than allowed is unknown, with the limit named', () => {
    // 400 `*?` pairs: every state of its automaton holds hundreds of positions
    const long = `${instance}/${'*?'.repeat(400)}x`
    const before = identity(allow('connect:DescribeUser', long))
    const after = identity(allow('connect:DescribeUser', `${instance}/*`))
    const result = comparePolicies(before, after, { catalog, limits: { maxSteps: 10_000 } })
    expect(result.errors).toBeUndefined()
    if (result.errors !== undefined) return
    expect(result.relation).not.toBe('equivalent')
    expect(result.reasons.join(' ')).toContain('10000 steps')
  })

  it('many values that need no search still count against the steps, and end unknown', () => {
    const values = Array.from({ length: 400 }, (_, index) => `value-${index}*`)
    const before = identity(allow('connect:DescribeUser', `${instance}/agent/*`))
    const after = identity(
      allow('connect:DescribeUser', `${instance}/agent/*`, {
        Condition: { StringLike: { 'aws:ResourceTag/team': values } },
      }),
    )
    const result = comparePolicies(before, after, { catalog, limits: { maxSteps: 50_000 } })
    expect(result.errors).toBeUndefined()
    if (result.errors !== undefined) return
    expect(result.relation).toBe('unknown')
    expect(result.reasons.join(' ')).toContain(
      "the search of the patterns' cells passed 50000 steps",
    )
  })

  it('sets that cannot be evaluated are errors naming the side', () => {
    const result = comparePolicies(
      identity({ ...allow('connect:DescribeUser'), Effect: 'Permit' }),
      {},
      {
        catalog,
      },
    )
    expect(result.errors?.[0]?.message).toMatch(/^before: /)
    expect(comparePolicies({}, {}, { catalog: {} as never }).errors?.[0]?.source).toBe('options')
  })
})

describe('diffAccess: the difference in words', () => {
  it('writes a line per grant added and removed, by service and level, each with its witness', () => {
    const before = identity(allow('connect:DescribeUser'), allow('connect:DescribeQueue'))
    const after = identity(allow('connect:DescribeUser'), allow('connect:CreateUser'))
    const diff = diffAccess(before, after, { catalog })
    if (diff.errors !== undefined) throw new Error(diff.errors[0]?.message)
    expect(diff.complete).toBe(true)
    const added = diff.lines.filter((line) => line.startsWith('+ '))
    const removed = diff.lines.filter((line) => line.startsWith('- '))
    expect(added.length).toBeGreaterThan(0)
    expect(
      added.every((line) => line.startsWith('+ Amazon Connect, Write: `connect:CreateUser`')),
    ).toBe(true)
    expect(removed).toEqual([
      expect.stringMatching(
        /^- Amazon Connect, Read: `connect:DescribeQueue` on `connect:queue` resources \(for example `connect:DescribeQueue` on `arn:aws:connect:/,
      ),
    ])
    for (const grant of diff.added.flatMap((service) =>
      service.levels.flatMap((level) => level.grants),
    )) {
      expect(evaluate(grant.witness, after, { catalog }).decision).toBe('Allow')
      expect(evaluate(grant.witness, before, { catalog }).decision).not.toBe('Allow')
    }
  })

  it('is empty between a set and itself', () => {
    const set = identity(allow('connect:*'), deny('connect:DeleteInstance'))
    expect(diffAccess(set, set, { catalog })).toMatchObject({ lines: [], complete: true })
  })
})
