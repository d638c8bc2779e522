import { type Decision, evaluate } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import {
  renderDecisionHuman,
  renderEvaluationFinding,
  statementLabel,
} from './explanation-human.ts'
import { createStyle } from './style.ts'

const plain = createStyle(false)
const user = 'arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-1'
const policy = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: 'connect:Describe*', Resource: '*' },
      {
        Sid: 'NotFromOffice',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      },
    ],
  },
  null,
  2,
)
const scp =
  '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}'

function decide(context: Record<string, string>): Decision {
  const result = evaluate(
    { action: 'connect:DescribeUser', resource: user, context },
    {
      identityPolicies: [{ name: 'agent.json', policy }],
      serviceControlPolicies: [[{ name: 'root.json', policy: scp }]],
    },
  )
  if (result.errors !== undefined) throw new Error(result.errors[0]?.message)
  return result
}

describe('renderDecisionHuman', () => {
  it("names the decision, the deciding statement with its place, and each resource's reason", () => {
    const output = renderDecisionHuman(
      { action: 'connect:DescribeUser' },
      decide({ 'aws:SourceIp': '10.1.2.3' }),
      false,
      plain,
    )
    expect(output).toBe(
      [
        'decision: Allow',
        'action: connect:DescribeUser',
        'decided by: identity-based policy `agent.json` statement #0 `Read` (Allow)  agent.json:4:5',
        'decided by: service control policy level 0 `root.json` statement #0 (Allow)  root.json:1:40',
        '',
        `resource ${user}`,
        '  Allow: allowed by `agent.json` statement Read',
        '',
      ].join('\n'),
    )
  })

  it('with explain: every layer, and every statement with why it applied or did not', () => {
    const output = renderDecisionHuman(
      { action: 'connect:DescribeUser', principal: 'arn:aws:iam::123456789012:role/agent' },
      decide({ 'aws:SourceIp': '10.1.2.3' }),
      true,
      plain,
    )
    expect(output).toContain('principal: arn:aws:iam::123456789012:role/agent')
    expect(output).toContain(
      '  layers: service control policy level 0 Allow, identity-based policy Allow',
    )
    expect(output).toContain(
      '    ✓ identity-based policy `agent.json` statement #0 `Read` (Allow) applies and decides  agent.json:4:5',
    )
    expect(output).toContain(
      '    ✗ identity-based policy `agent.json` statement #1 `NotFromOffice` (Deny) does not apply  agent.json:10:5',
    )
    expect(output).toContain(
      '        ✗ Condition: `aws:SourceIp` = `10.1.2.3` does not satisfy NotIpAddress `10.0.0.0/8`  agent.json:17:11',
    )
    expect(output).toContain(
      '    ✓ service control policy level 0 `root.json` statement #0 (Allow) applies and decides  root.json:1:40',
    )
  })

  it('names no deciding statement for an implicit deny', () => {
    const result = evaluate(
      { action: 'connect:DeleteUser', resource: user, context: { 'aws:SourceIp': '10.1.2.3' } },
      { identityPolicies: [{ name: 'agent.json', policy }] },
    )
    if (result.errors !== undefined) throw new Error('not evaluated')
    const output = renderDecisionHuman({ action: 'connect:DeleteUser' }, result, false, plain)
    expect(output).toContain('decision: ImplicitDeny')
    expect(output).toContain(
      'decided by: no statement (an implicit deny: see the reason for each resource)',
    )
  })

  it('escapes control characters that a request or policy could carry to the terminal', () => {
    const output = renderDecisionHuman(
      { action: 'connect:DescribeUser\u001b[2J' },
      decide({ 'aws:SourceIp': '10.1.2.3' }),
      false,
      plain,
    )
    expect(output).toContain('action: connect:DescribeUser\\u001b[2J')
    expect(output).not.toContain('\u001b')
  })
})

describe('statementLabel', () => {
  it('quotes the Sid and the policy name', () => {
    const [ref] = decide({ 'aws:SourceIp': '10.1.2.3' }).explanation.deciding
    if (ref === undefined) throw new Error('no deciding statement')
    expect(statementLabel(ref)).toBe(
      'identity-based policy `agent.json` statement #0 `Read` (Allow)',
    )
  })
})

describe('conditions of several clauses', () => {
  it('list each clause under the Condition element, with its own place', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 'connect:DescribeUser',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:PrincipalTag/team': 'support' },
          Bool: { 'aws:SecureTransport': 'true' },
        },
      },
    })
    const result = evaluate(
      {
        action: 'connect:DescribeUser',
        resource: user,
        context: { 'aws:PrincipalTag/team': 'sales', 'aws:SecureTransport': true },
      },
      { identityPolicies: [{ name: 'p.json', policy: text }] },
    )
    if (result.errors !== undefined) throw new Error('not evaluated')
    const output = renderDecisionHuman({ action: 'connect:DescribeUser' }, result, true, plain)
    expect(output).toMatch(
      /\n {10}✗ `aws:PrincipalTag\/team` = `sales` does not satisfy StringEquals `support` {2}p\.json:1:\d+\n/,
    )
    expect(output).toMatch(
      /\n {10}✓ `aws:SecureTransport` = `true` satisfies Bool `true` {2}p\.json:1:\d+\n/,
    )
  })
})

describe('findings beside the decision', () => {
  const spaced = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'connect:DeleteUser ', Resource: '*' }],
    },
    null,
    2,
  )
  const result = evaluate(
    { action: 'connect:DeleteUser', resource: user },
    { identityPolicies: [{ name: 'spaced.json', policy: spaced }] },
  )
  if (result.errors !== undefined) throw new Error('not evaluated')
  const [finding] = result.findings
  if (finding === undefined) throw new Error('no finding')

  it('one line each under the decision: severity, code, message, where in the policy', () => {
    const output = renderDecisionHuman({ action: 'connect:DeleteUser' }, result, false, plain)
    expect(output.split('\n').slice(0, 4)).toEqual([
      'decision: ImplicitDeny',
      'action: connect:DeleteUser',
      'decided by: no statement (an implicit deny: see the reason for each resource)',
      'warning [action-has-whitespace]: `spaced.json` statement #0: `connect:DeleteUser ` has spaces around it, so it names no action: IAM does not trim them: this Allow grants nothing through it  spaced.json:6:17',
    ])
  })

  it('a finding about the request has no place', () => {
    expect(
      renderEvaluationFinding(
        { code: 'unknown-action', severity: 'suggestion', message: 'about `x`' },
        plain,
      ),
    ).toBe('suggestion [unknown-action]: about `x`')
  })

  it("coloured by severity as validate's findings, the code and the place dimmed", () => {
    const line = renderEvaluationFinding(finding, createStyle(true))
    expect(
      line.startsWith('\u001b[33mwarning\u001b[39m \u001b[2m[action-has-whitespace]\u001b[22m: '),
    ).toBe(true)
    expect(line.endsWith('  \u001b[2mspaced.json:6:17\u001b[22m')).toBe(true)
  })

  it('escapes control characters of the message', () => {
    expect(
      renderEvaluationFinding(
        { code: 'unknown-action', severity: 'warning', message: '`a\u001b[2J`' },
        plain,
      ),
    ).toBe('warning [unknown-action]: `a\\u001b[2J`')
  })
})

describe('readings that grant least', () => {
  it("show a statement's note under it", () => {
    // without the service reference, whether AWS sends connect:InstanceId is not known
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 'connect:*',
        Resource: '*',
        Condition: { StringEquals: { 'connect:InstanceId': 'i-1' } },
      },
    })
    const result = evaluate(
      { action: 'connect:DescribeUser', resource: user },
      { identityPolicies: [{ name: 'p.json', policy: text }] },
    )
    if (result.errors !== undefined) throw new Error('not evaluated')
    const note = result.explanation.resources[0]?.statements[0]?.note
    expect(note).toBeDefined()
    const output = renderDecisionHuman({ action: 'connect:DescribeUser' }, result, true, plain)
    expect(output).toContain(
      `    ✗ identity-based policy \`p.json\` statement #0 (Allow) does not apply  p.json:1:37\n        note: ${note}\n        ✓ Action:`,
    )
  })

  it('show a clause AWS leaves open with how it was read, even as the only clause', () => {
    const text = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'connect:*', Resource: '*' },
          {
            Effect: 'Deny',
            Action: 'connect:DescribeUser',
            Resource: '*',
            Condition: { StringEquals: { 'aws:TagKeys': 'team' } },
          },
        ],
      },
      null,
      2,
    )
    const result = evaluate(
      {
        action: 'connect:DescribeUser',
        resource: user,
        context: { 'aws:TagKeys': ['team', 'cost'] },
      },
      { identityPolicies: [{ name: 'p.json', policy: text }] },
    )
    if (result.errors !== undefined) throw new Error('not evaluated')
    const output = renderDecisionHuman({ action: 'connect:DescribeUser' }, result, true, plain)
    expect(output).toContain(
      '          ✓ `aws:TagKeys` holds several values and `StringEquals` has no `ForAnyValue:` or `ForAllValues:`: AWS does not document the outcome, so this Deny reads it as holding  p.json:15:11\n',
    )
  })
})

describe('lists cut by the budget', () => {
  it('say how many deciding statements, statement traces and findings were left out', () => {
    const many = JSON.stringify({
      Version: '2012-10-17',
      Statement: Array.from({ length: 4 }, (_, index) => ({
        Sid: `Read${index}`,
        Effect: 'Allow',
        Action: ['connect:DescribeUser', ` connect:Other${index}`],
        Resource: '*',
      })),
    })
    const result = evaluate(
      { action: 'connect:DescribeUser', resource: user },
      { identityPolicies: [{ name: 'many.json', policy: many }] },
      { budget: { maxDeciding: 1, maxTraces: 2, maxFindings: 1 } },
    )
    if (result.errors !== undefined) throw new Error(result.errors[0]?.message)
    const output = renderDecisionHuman({ action: 'connect:DescribeUser' }, result, true, plain)
    expect(output).toContain('decided by: 3 more statements, not listed\n')
    expect(output).toContain('… and 3 more findings not shown\n')
    expect(output).toContain('    … and 2 more statements not shown\n')
    expect(output).toContain(
      'allowed by `many.json` statement Read0, `many.json` statement Read1, `many.json` statement Read2, `many.json` statement Read3',
    )
  })
})
