import { awsCatalog } from '@connect-policy/catalog'
import { describe, expect, it } from 'vitest'
import {
  applyFix,
  auditedPolicy,
  policyLabels,
  policySetOf,
  policySetProblem,
  requestOf,
  runPlayground,
} from './run.ts'
import type { PlaygroundPolicy, PlaygroundState } from './state.ts'

const contacts =
  'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/contact/*'
const contact = contacts.replace('*', 'c1')
const allow = { Effect: 'Allow', Action: 'connect:StartContactRecording', Resource: contacts }

const policyName = 'identity-based policy'

const policyText = (statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)

function stateWith(
  statements: object[],
  extra: Partial<PlaygroundState> & { type?: PlaygroundPolicy['type'] } = {},
): PlaygroundState {
  const { type = 'identity', ...rest } = extra
  return {
    policies: [{ type, level: 0, text: policyText(statements) }],
    selected: 0,
    action: 'connect:StartContactRecording',
    resources: [contact],
    principal: '',
    context: [],
    ...rest,
  }
}

/** A state whose one policy is this text. */
const withText = (text: string): PlaygroundState => ({
  ...stateWith([]),
  policies: [{ type: 'identity', level: 0, text }],
})

describe('runPlayground', () => {
  const catalog = awsCatalog()

  it('audits the policy for Amazon Connect, up to the size of a policy AWS accepts', () => {
    const risky = runPlayground(
      stateWith([{ Effect: 'Allow', Action: 'connect:DeleteInstance', Resource: '*' }]),
      catalog,
    )
    if (risky.audit?.errors !== undefined) throw new Error('no audit')
    expect(risky.audit?.findings.map((finding) => finding.code)).toEqual(['delete-instance'])
    const clean = runPlayground(stateWith([allow]), catalog)
    expect(clean.audit?.errors === undefined && clean.audit?.findings).toEqual([])
    const huge = stateWith([{ ...allow, Sid: 'x'.repeat(auditedPolicy) }])
    expect(runPlayground(huge, catalog).audit).toBeUndefined()
    expect(runPlayground(stateWith([allow])).audit).toBeUndefined()
  })

  it('allows, then denies explicitly once a Deny is added, naming its statement', () => {
    const allowed = runPlayground(stateWith([allow]), catalog)
    expect(allowed.result.decision).toBe('Allow')
    expect(allowed.findings).toEqual([[]])
    const denied = runPlayground(
      stateWith([allow, { ...allow, Sid: 'NoRecording', Effect: 'Deny' }]),
      catalog,
    )
    expect(denied.result.decision).toBe('ExplicitDeny')
    if (denied.result.errors !== undefined) throw new Error('no decision')
    expect(denied.result.explanation.deciding.map((s) => [s.sid, s.policyName])).toEqual([
      ['NoRecording', policyName],
    ])
    expect(denied.description?.statements?.[1]?.text).toMatch(
      /^Statement #1 \(`NoRecording`\) denies/,
    )
  })

  it('gives no decision for a policy AWS would refuse, and the findings say why', () => {
    const run = runPlayground(withText('{"Version": "2012-10-17", "Statement": [}'), catalog)
    expect(run.result.decision).toBeUndefined()
    expect(run.result.errors?.length).toBeGreaterThan(0)
    expect(run.findings[0]?.map((finding) => finding.severity)).toContain('error')
  })

  it('evaluates as a resource-based policy when asked', () => {
    const run = runPlayground(
      stateWith([{ ...allow, Principal: { AWS: 'arn:aws:iam::123456789012:user/alice' } }], {
        type: 'resource',
        principal: 'arn:aws:iam::123456789012:user/alice',
      }),
      catalog,
    )
    expect(run.result.decision).toBe('Allow')
    expect(run.findings[0]?.filter((finding) => finding.severity === 'error')).toEqual([])
  })
})

describe('runPlayground with the service reference', () => {
  const catalog = awsCatalog()
  const instance = contacts.replace('/contact/*', '')
  const user = `${instance}/agent/u1`
  const everything = { Effect: 'Allow', Action: 'connect:*', Resource: '*' }

  function findingsOf(run: ReturnType<typeof runPlayground>) {
    if (run.result.errors !== undefined) throw new Error('no decision')
    return run.result.findings
  }

  it('reports an action the reference does not know beside the decision, with the likely name', () => {
    const run = runPlayground(
      stateWith([everything], { action: 'connect:DescribeUsr', resources: [user] }),
      catalog,
    )
    expect(run.result.decision).toBe('Allow')
    const [finding, ...others] = findingsOf(run)
    expect(others).toEqual([])
    expect(finding?.code).toBe('unknown-action')
    expect(finding?.suggestion).toBe('connect:DescribeUser')
  })

  it('reports the resources CreateUser is authorized against that the request leaves out', () => {
    const run = runPlayground(
      stateWith([everything], { action: 'connect:CreateUser', resources: [user] }),
      catalog,
    )
    expect(findingsOf(run).map((finding) => finding.code)).toEqual(['missing-required-resource'])
  })

  it('reports an Allow entry that matches nothing with its statement and range', () => {
    const state = stateWith(
      [{ ...everything, Action: ['connect:DescribeUser ', 'connect:ListUsers'] }],
      {
        action: 'connect:ListUsers',
        resources: [instance],
      },
    )
    const [finding] = findingsOf(runPlayground(state, catalog))
    expect(finding?.code).toBe('action-has-whitespace')
    expect(finding?.statement?.policyName).toBe(policyName)
    const { start, end } = finding?.range ?? { start: { offset: 0 }, end: { offset: 0 } }
    expect(state.policies[0]?.text.slice(start.offset, end.offset)).toBe('"connect:DescribeUser "')
  })

  it('says nothing about the request without the reference', () => {
    const run = runPlayground(
      stateWith([everything], { action: 'connect:DescribeUsr', resources: [user] }),
    )
    expect(findingsOf(run)).toEqual([])
  })

  it('explains a statement read both ways and a clause whose outcome AWS leaves open', () => {
    const byInstance = {
      ...everything,
      Condition: { StringEquals: { 'connect:InstanceId': '00fbeee1-123e-111e-93e3-11111bfbfcc1' } },
    }
    const unsure = runPlayground(
      stateWith([byInstance], { action: 'connect:DescribeUsr', resources: [user] }),
      catalog,
    )
    if (unsure.result.errors !== undefined) throw new Error('no decision')
    const [trace] = unsure.result.explanation.resources[0]?.statements ?? []
    expect(trace?.note).toMatch(/`connect:InstanceId`/)

    const open = runPlayground(
      stateWith([{ ...everything, Condition: { StringEquals: { 'aws:TagKeys': 'team' } } }], {
        action: 'connect:TagResource',
        resources: [user],
        context: [{ key: 'aws:TagKeys', value: 'team, owner' }],
      }),
      catalog,
    )
    expect(open.result.decision).toBe('ImplicitDeny')
    if (open.result.errors !== undefined) throw new Error('no decision')
    const condition = open.result.explanation.resources[0]?.statements[0]?.elements.find(
      (element) => element.element === 'Condition',
    )
    expect(condition?.clauses?.[0]?.undocumented).toBe('several-values-without-qualifier')
  })
})

describe('requestOf', () => {
  it('leaves out empty rows and splits the values of multi-valued keys only', () => {
    const request = requestOf(
      stateWith([], {
        action: ' connect:TagResource ',
        resources: [contact, ' ', ''],
        principal: ' ',
        context: [
          { key: 'aws:TagKeys', value: 'team, owner' },
          { key: 'aws:ResourceTag/Team', value: 'a, b' },
          { key: ' ', value: 'ignored' },
        ],
      }),
      awsCatalog(),
    )
    expect(request).toEqual({
      action: 'connect:TagResource',
      resource: [contact],
      context: { 'aws:TagKeys': ['team', 'owner'], 'aws:ResourceTag/Team': 'a, b' },
    })
  })
})

describe('applyFix', () => {
  it('replaces the range of the fix with its text', () => {
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*",}]}'
    const run = runPlayground(withText(text), awsCatalog())
    const trailing = run.findings[0]?.find((finding) => finding.code === 'trailing-comma')
    if (trailing === undefined) throw new Error('no trailing-comma finding')
    expect(applyFix(text, trailing)).toBe(text.replace('"*",}', '"*"}'))
  })
})

describe('the policy set of a state', () => {
  const catalog = awsCatalog()
  const policy = (type: PlaygroundPolicy['type'], statements: object[], level = 0) => ({
    type,
    level,
    text: policyText(statements),
  })
  const base = stateWith([allow])

  it('names each policy by its kind and level, numbered when several share both', () => {
    expect(
      policyLabels([
        policy('identity', []),
        policy('identity', []),
        policy('serviceControl', [], 0),
        policy('serviceControl', [], 1),
        policy('serviceControl', [], 1),
        policy('session', []),
      ]),
    ).toEqual([
      'identity-based policy 1',
      'identity-based policy 2',
      'service control policy, level 0 (root)',
      'service control policy, level 1 1',
      'service control policy, level 1 2',
      'session policy',
    ])
  })

  it('groups service and resource control policies by level from the root down', () => {
    const set = policySetOf({
      ...base,
      policies: [
        policy('serviceControl', [allow], 2),
        policy('identity', [allow]),
        policy('serviceControl', [allow], 0),
        policy('resourceControl', [allow], 1),
        policy('serviceControl', [allow], 2),
      ],
    })
    expect(set?.serviceControlPolicies?.map((level) => level.length)).toEqual([1, 2])
    expect(set?.resourceControlPolicies?.map((level) => level.length)).toEqual([1])
    expect(set?.identityPolicies?.length).toBe(1)
  })

  it('is denied by a service control policy at any level, and allowed when every level allows', () => {
    const everything = { Effect: 'Allow', Action: '*', Resource: '*' }
    const allowedAtEveryLevel = runPlayground(
      {
        ...base,
        policies: [
          policy('identity', [allow]),
          policy('serviceControl', [everything], 0),
          policy('serviceControl', [everything], 1),
        ],
      },
      catalog,
    )
    expect(allowedAtEveryLevel.result.decision).toBe('Allow')
    const missingAtOneLevel = runPlayground(
      {
        ...base,
        policies: [
          policy('identity', [allow]),
          policy('serviceControl', [everything], 0),
          policy('serviceControl', [{ ...everything, Action: 'connect:ListUsers' }], 1),
        ],
      },
      catalog,
    )
    expect(missingAtOneLevel.result.decision).toBe('ImplicitDeny')
  })

  it('is bounded by a permissions boundary and a session policy', () => {
    const other = { ...allow, Action: 'connect:ListUsers' }
    for (const type of ['permissionsBoundary', 'session'] as const) {
      const run = runPlayground(
        { ...base, policies: [policy('identity', [allow]), policy(type, [other])] },
        catalog,
      )
      expect(run.result.decision).toBe('ImplicitDeny')
      expect(run.findings).toHaveLength(2)
    }
  })

  it('refuses two policies of a kind a request meets once, rather than drop a Deny', () => {
    const deny = { ...allow, Effect: 'Deny', Principal: '*' }
    const grant = { ...allow, Principal: '*' }
    const state = {
      ...base,
      policies: [policy('resource', [grant]), policy('resource', [deny])],
    }
    expect(policySetProblem(state)).toMatch(/one resource-based policy at most/)
    expect(policySetOf(state)).toBeUndefined()
    const run = runPlayground(state, catalog)
    expect(run.result.decision).toBeUndefined()
    expect(run.result.errors?.[0]?.message).toMatch(/one resource-based policy at most/)
  })

  it('describes the policy in the editor', () => {
    const run = runPlayground(
      {
        ...base,
        selected: 1,
        policies: [policy('identity', [allow]), policy('identity', [{ ...allow, Effect: 'Deny' }])],
      },
      catalog,
    )
    expect(run.description?.statements?.[0]?.text).toMatch(/denies/)
  })
})
