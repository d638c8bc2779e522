import { describe, expect, it } from 'vitest'
import { compilePolicies } from './compile.ts'
import { evaluate } from './evaluate.ts'
import type { Decision, EvaluationResult } from './result.ts'

const instance =
  'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1'
const user = `${instance}/agent/u-1`
const profile = `${instance}/security-profile/sp-1`
const blockedProfile = `${instance}/security-profile/sp-blocked`
const routing = `${instance}/routing-profile/rp-1`

const createUserPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllowCreate', Effect: 'Allow', Action: 'connect:CreateUser', Resource: '*' },
    {
      Sid: 'DenyProfile',
      Effect: 'Deny',
      Action: ['connect:CreateUser'],
      Resource: blockedProfile,
    },
  ],
})

function decided(result: EvaluationResult): Decision {
  if (result.decision === undefined) throw new Error(JSON.stringify(result.errors))
  return result
}

describe('evaluate', () => {
  it('allows a request every resource of which is allowed, naming the Allow', () => {
    const result = decided(
      evaluate(
        { action: 'connect:CreateUser', resource: [user, profile, routing] },
        { identityPolicies: [createUserPolicy] },
      ),
    )
    expect(result.decision).toBe('Allow')
    expect(result.explanation.deciding.map((ref) => ref.sid)).toEqual(['AllowCreate'])
    expect(result.explanation.resources.map((entry) => entry.decision)).toEqual([
      'Allow',
      'Allow',
      'Allow',
    ])
  })

  it('denies the whole request when one resource meets a Deny', () => {
    const result = decided(
      evaluate(
        { action: 'connect:CreateUser', resource: [user, blockedProfile, routing] },
        { identityPolicies: [createUserPolicy] },
      ),
    )
    expect(result.decision).toBe('ExplicitDeny')
    expect(result.explanation.deciding).toMatchObject([
      {
        policyIndex: 0,
        statementIndex: 1,
        sid: 'DenyProfile',
        effect: 'Deny',
        policyName: 'identityPolicies[0]',
      },
    ])
    expect(result.explanation.deciding[0]?.range.start).toMatchObject({ line: 1 })
  })

  it('denies implicitly when one resource is not allowed, though the others are', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 'connect:CreateUser', Resource: [user, profile] },
    })
    const result = decided(
      evaluate(
        { action: 'connect:CreateUser', resource: [user, profile, routing] },
        { identityPolicies: [policy] },
      ),
    )
    expect(result.decision).toBe('ImplicitDeny')
    expect(result.explanation.deciding).toEqual([])
    expect(result.explanation.resources[2]?.decision).toBe('ImplicitDeny')
  })

  it('denies implicitly with no policies at all', () => {
    expect(
      evaluate({ action: 'connect:ListUsers', resource: instance }, { identityPolicies: [] })
        .decision,
    ).toBe('ImplicitDeny')
  })

  it('explains why each other statement did not apply', () => {
    const result = decided(
      evaluate(
        { action: 'connect:DeleteUser', resource: user },
        { identityPolicies: [createUserPolicy] },
      ),
    )
    expect(result.decision).toBe('ImplicitDeny')
    const traces = result.explanation.resources[0]?.statements ?? []
    expect(traces).toHaveLength(2)
    expect(traces[0]?.applies).toBe(false)
    expect(traces[0]?.elements[0]).toMatchObject({
      element: 'Action',
      matched: false,
      message: '`connect:DeleteUser` matches none of `connect:CreateUser`',
    })
    expect(traces[0]?.elements[1]).toMatchObject({
      element: 'Resource',
      matched: true,
      pattern: '*',
    })
  })

  it('explains NotAction and NotResource in their own words', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: 'connect:Delete*', NotResource: `${instance}/queue/*` },
      ],
    })
    const denied = decided(
      evaluate({ action: 'connect:DeleteUser', resource: user }, { identityPolicies: [policy] }),
    )
    expect(denied.decision).toBe('ImplicitDeny')
    expect(denied.explanation.resources[0]?.statements[0]?.elements[0]).toMatchObject({
      element: 'NotAction',
      matched: false,
      message: '`connect:DeleteUser` is excluded by `connect:Delete*` in NotAction',
    })
    const allowed = decided(
      evaluate({ action: 'connect:DescribeUser', resource: user }, { identityPolicies: [policy] }),
    )
    expect(allowed.decision).toBe('Allow')
  })

  it('uses a given name, else the policy Id, in references', () => {
    const named = decided(
      evaluate(
        { action: 'connect:CreateUser', resource: user },
        { identityPolicies: [{ name: 'agents-admin', policy: createUserPolicy }] },
      ),
    )
    expect(named.explanation.deciding[0]?.policyName).toBe('agents-admin')
    const withId = JSON.stringify({ ...JSON.parse(createUserPolicy), Id: 'AdminPolicy' })
    const byId = decided(
      evaluate({ action: 'connect:CreateUser', resource: user }, { identityPolicies: [withId] }),
    )
    expect(byId.explanation.deciding[0]?.policyName).toBe('AdminPolicy')
  })

  it('matches actions without regard to case', () => {
    expect(
      evaluate(
        { action: 'CONNECT:createuser', resource: user },
        { identityPolicies: [createUserPolicy] },
      ).decision,
    ).toBe('Allow')
  })
})

describe('evaluate fails closed', () => {
  const cases: { name: string; policy: string; codes: string[] }[] = [
    {
      name: 'a policy that does not parse',
      policy:
        '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Action": "connect:*", "Resource": "*", } ] }',
      codes: ['trailing-comma'],
    },
    {
      name: 'an Effect in the wrong case',
      policy:
        '{"Version":"2012-10-17","Statement":[{"Effect":"deny","Action":"connect:*","Resource":"*"}]}',
      codes: ['invalid-effect'],
    },
    {
      name: 'a statement without Resource',
      policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"connect:*"}]}',
      codes: ['missing-resource'],
    },
    {
      name: 'a principal in an identity policy',
      policy:
        '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"connect:*","Resource":"*"}]}',
      codes: ['element-not-allowed'],
    },
    {
      name: 'an unknown condition operator',
      policy:
        '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"connect:*","Resource":"*","Condition":{"StringEqualz":{"aws:username":"x"}}}]}',
      codes: ['unknown-condition-operator'],
    },
    {
      name: 'IfExists on Null',
      policy:
        '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"connect:*","Resource":"*","Condition":{"NullIfExists":{"aws:TagKeys":"true"}}}]}',
      codes: ['invalid-condition'],
    },
    {
      name: 'a value the operator cannot read',
      policy:
        '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"connect:*","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"an hour"}}}]}',
      codes: ['invalid-condition-value'],
    },
  ]

  it.each(cases)('on $name', ({ policy, codes }) => {
    const allow =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'
    for (const result of [
      evaluate(
        { action: 'connect:DeleteUser', resource: user },
        { identityPolicies: [allow, policy] },
      ),
      compilePolicies({ identityPolicies: [allow, policy] }).evaluate({
        action: 'connect:DeleteUser',
        resource: user,
      }),
    ]) {
      expect(result.decision).toBeUndefined()
      expect(result.errors).toHaveLength(1)
      expect(result.errors?.[0]).toMatchObject({
        source: 'policy',
        policyIndex: 1,
        policyName: 'identityPolicies[1]',
      })
      expect(result.errors?.[0]?.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(codes)
    }
  })

  it.each([
    { action: 'connect', resource: user },
    { action: 'connect:*', resource: user },
    { action: 'connect:CreateUser', resource: [] },
    { action: 'connect:CreateUser', resource: [''] },
    { action: 42, resource: user },
  ])('on a malformed request %j', (request) => {
    const result = evaluate(request as never, { identityPolicies: [createUserPolicy] })
    expect(result.decision).toBeUndefined()
    expect(result.errors?.[0]?.source).toBe('request')
  })
})

describe('compilePolicies', () => {
  it('reports the set errors once, up front', () => {
    const compiled = compilePolicies({ identityPolicies: ['{'] })
    expect(compiled.errors?.[0]?.policyIndex).toBe(0)
  })

  it('gives the deciding statements without the full account when asked', () => {
    const compiled = compilePolicies({ identityPolicies: [createUserPolicy] })
    const result = decided(
      compiled.evaluate(
        { action: 'connect:CreateUser', resource: [user, blockedProfile] },
        { explain: false },
      ),
    )
    expect(result.decision).toBe('ExplicitDeny')
    expect(result.explanation.deciding.map((ref) => ref.sid)).toEqual(['DenyProfile'])
    expect(result.explanation.resources.every((entry) => entry.statements.length === 0)).toBe(true)
  })
})

describe('condition explanations', () => {
  it('show each clause with the values it compared', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'OwnQueuesFromTheOffice',
          Effect: 'Allow',
          Action: 'connect:DescribeQueue',
          Resource: `${instance}/queue/*`,
          Condition: {
            // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
            StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' },
            IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
          },
        },
      ],
    })
    const request = {
      action: 'connect:DescribeQueue',
      resource: `${instance}/queue/q-1`,
      context: {
        'aws:username': 'maria',
        'aws:ResourceTag/owner': 'maria',
        'aws:SourceIp': '198.51.100.1',
      },
    }
    for (const result of [
      decided(evaluate(request, { identityPolicies: [policy] })),
      decided(compilePolicies({ identityPolicies: [policy] }).evaluate(request)),
    ]) {
      expect(result.decision).toBe('ImplicitDeny')
      const condition = result.explanation.resources[0]?.statements[0]?.elements.find(
        (element) => element.element === 'Condition',
      )
      expect(condition?.matched).toBe(false)
      expect(condition?.message).toBe(
        '`aws:SourceIp` = `198.51.100.1` does not satisfy IpAddress `203.0.113.0/24`',
      )
      expect(condition?.clauses).toMatchObject([
        {
          operator: 'StringEquals',
          requestValues: ['maria'],
          policyValues: ['maria'],
          matched: true,
        },
        {
          operator: 'IpAddress',
          requestValues: ['198.51.100.1'],
          policyValues: ['203.0.113.0/24'],
          matched: false,
        },
      ])
    }
  })
})

describe('layer verdicts', () => {
  it('show what each layer said and which one blocked', () => {
    const allowAll =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'
    const onlyS3 =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'
    const result = decided(
      evaluate(
        {
          action: 'connect:DescribeUser',
          resource: user,
          principal: 'arn:aws:iam::123456789012:user/maria',
        },
        {
          identityPolicies: [allowAll],
          permissionsBoundary: onlyS3,
          serviceControlPolicies: [[allowAll]],
        },
      ),
    )
    expect(result.decision).toBe('ImplicitDeny')
    expect(result.explanation.resources[0]).toMatchObject({
      blockedBy: 'permissionsBoundary',
      reason: 'the permissions boundary does not allow the request',
      layers: [
        { policyType: 'serviceControl', level: 0, verdict: 'Allow' },
        { policyType: 'identity', verdict: 'Allow' },
        { policyType: 'permissionsBoundary', verdict: 'NoMatch' },
      ],
    })
  })
})
