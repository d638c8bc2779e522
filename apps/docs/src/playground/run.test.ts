import { awsCatalog } from '@connect-policy/catalog'
import { describe, expect, it } from 'vitest'
import { applyFix, auditedPolicy, policyName, requestOf, runPlayground } from './run.ts'
import type { PlaygroundState } from './state.ts'

const contacts =
  'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/contact/*'
const contact = contacts.replace('*', 'c1')
const allow = { Effect: 'Allow', Action: 'connect:StartContactRecording', Resource: contacts }

function stateWith(statements: object[], extra: Partial<PlaygroundState> = {}): PlaygroundState {
  return {
    policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2),
    policyType: 'identity',
    action: 'connect:StartContactRecording',
    resources: [contact],
    principal: '',
    context: [],
    ...extra,
  }
}

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
    expect(allowed.findings).toEqual([])
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
    const run = runPlayground(
      { ...stateWith([allow]), policy: '{"Version": "2012-10-17", "Statement": [}' },
      catalog,
    )
    expect(run.result.decision).toBeUndefined()
    expect(run.result.errors?.length).toBeGreaterThan(0)
    expect(run.findings.map((finding) => finding.severity)).toContain('error')
  })

  it('evaluates as a resource-based policy when asked', () => {
    const run = runPlayground(
      stateWith([{ ...allow, Principal: { AWS: 'arn:aws:iam::123456789012:user/alice' } }], {
        policyType: 'resource',
        principal: 'arn:aws:iam::123456789012:user/alice',
      }),
      catalog,
    )
    expect(run.result.decision).toBe('Allow')
    expect(run.findings.filter((finding) => finding.severity === 'error')).toEqual([])
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
    expect(state.policy.slice(start.offset, end.offset)).toBe('"connect:DescribeUser "')
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
    const run = runPlayground({ ...stateWith([]), policy: text }, awsCatalog())
    const trailing = run.findings.find((finding) => finding.code === 'trailing-comma')
    if (trailing === undefined) throw new Error('no trailing-comma finding')
    expect(applyFix(text, trailing)).toBe(text.replace('"*",}', '"*"}'))
  })
})
