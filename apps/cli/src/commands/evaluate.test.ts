import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DecisionValue } from '@connect-policy/core'
import { type Outcome, type SampleRequest, samples } from '@connect-policy/samples'
import { afterAll, describe, expect, it } from 'vitest'
import { memoryIo } from '../testing/memory-io.ts'
import { writeSampleFiles } from '../testing/sample-files.ts'
import { evaluate } from './evaluate.ts'

const written = writeSampleFiles()
const scratch = mkdtempSync(join(tmpdir(), 'connect-policy-evaluate-'))
afterAll(() => {
  written.remove()
  rmSync(scratch, { recursive: true, force: true })
})

async function run(args: string[], options: { stdin?: string; cwd?: string } = {}) {
  const { io, stdout, stderr } = memoryIo({
    cwd: options.cwd ?? written.root,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
  })
  const code = await evaluate(args, io)
  return { code, stdout: stdout(), stderr: stderr() }
}

interface JsonDecision {
  readonly decision: DecisionValue
  readonly expectationMet?: boolean
  readonly explanation: {
    readonly deciding: readonly {
      readonly statementIndex: number
      readonly sid?: string
      readonly policyName: string
    }[]
    readonly resources: readonly {
      readonly statements?: readonly unknown[]
      readonly reason: string
    }[]
  }
}

const expectOption: Readonly<Record<DecisionValue, string>> = {
  Allow: 'allow',
  ExplicitDeny: 'explicit-deny',
  ImplicitDeny: 'implicit-deny',
}

/** Every expectation of the samples, against every policy text the sample has. */
const cases = samples.flatMap((sample) =>
  sample.expectations.flatMap((expectation, index) => {
    const outcomes: [string, Outcome][] = []
    if (sample.corrected !== undefined) outcomes.push(['corrected', expectation.documented])
    for (const version of ['original', 'revised'] as const) {
      if (sample.printed[version]?.text !== undefined) {
        outcomes.push([
          `${version}-filled`,
          expectation.printed?.[version] ?? expectation.documented,
        ])
      }
    }
    if (sample.literal !== undefined)
      outcomes.push(['literal', expectation.literal ?? expectation.documented])
    return outcomes.map(([variant, outcome]) => ({
      name: `${sample.id} #${index} ${variant}: ${outcome}`,
      path: `${sample.id}/${variant}.json`,
      expectation,
      variant,
      outcome,
    }))
  }),
)

function requestArgs(request: SampleRequest): string[] {
  const resources = Array.isArray(request.resource) ? request.resource : [request.resource]
  return [
    '--action',
    request.action,
    ...resources.flatMap((resource) => ['--resource', resource]),
    ...(request.principal === undefined ? [] : ['--principal', request.principal]),
  ]
}

describe('evaluate: every documented expectation', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(100)
  })

  it.each(cases.map((entry) => [entry.name, entry] as const))('%s', async (_, entry) => {
    const { expectation, outcome } = entry
    const expected = outcome === 'rejected' ? 'deny' : expectOption[outcome]
    const { code, stdout, stderr } = await run([
      '--policy',
      entry.path,
      ...requestArgs(expectation.request),
      '--expect',
      expected,
      '--format',
      'json',
    ])
    if (outcome === 'rejected') {
      expect(code).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).toMatch(new RegExp(`^error: \`${entry.path}\` cannot be evaluated`))
      return
    }
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const result = JSON.parse(stdout) as JsonDecision
    expect(result.decision).toBe(outcome)
    expect(result.expectationMet).toBe(true)
    if (entry.variant === 'corrected' && expectation.deciding !== undefined) {
      expect(
        result.explanation.deciding.map((ref) => ({
          ...(ref.sid === undefined ? {} : { sid: ref.sid }),
          statementIndex: ref.statementIndex,
        })),
      ).toEqual([expectation.deciding])
    }
  })
})

const file = (name: string, value: unknown) => {
  writeFileSync(
    join(scratch, name),
    typeof value === 'string' ? value : JSON.stringify(value, null, 2),
  )
  return name
}
const allow = (action: string, extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: '*', ...extra }],
})
const deny = (action: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }],
})
const user =
  'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/agent/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
const describeUser = ['--action', 'connect:DescribeUser', '--resource', user]

file('read.json', allow('connect:Describe*'))
file('all.json', allow('*'))
file('deny-connect.json', deny('connect:*'))
file(
  'tagged.json',
  allow('connect:DescribeUser', {
    Condition: { StringEquals: { 'aws:PrincipalTag/team': 'support' } },
  }),
)
file(
  'any-tag.json',
  allow('connect:DescribeUser', {
    Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'cost'] } },
  }),
)
file(
  'before-2027.json',
  allow('connect:DescribeUser', {
    Condition: { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
  }),
)
file('rcp-full.json', {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
})
file('rcp-deny-s3.json', {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }],
})
file(
  'broken.json',
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",}]}',
)

async function decisionOf(args: string[], stdin?: string): Promise<DecisionValue | number> {
  const { code, stdout } = await run(['--format', 'json', ...args], {
    cwd: scratch,
    ...(stdin === undefined ? {} : { stdin }),
  })
  return code === 0 ? (JSON.parse(stdout) as JsonDecision).decision : code
}

describe('evaluate: policy types', () => {
  it.each([
    ['an identity policy', ['--policy', 'read.json'], 'Allow'],
    ['no identity policy allows', ['--policy', 'tagged.json'], 'ImplicitDeny'],
    [
      'a Deny in any identity policy',
      ['--policy', 'read.json', '--policy', 'deny-connect.json'],
      'ExplicitDeny',
    ],
    [
      'a permissions boundary that allows',
      ['--policy', 'read.json', '--boundary', 'all.json'],
      'Allow',
    ],
    [
      'a permissions boundary that does not',
      ['--policy', 'read.json', '--boundary', 'tagged.json'],
      'ImplicitDeny',
    ],
    [
      'a session policy that does not allow',
      ['--policy', 'read.json', '--session-policy', 'tagged.json'],
      'ImplicitDeny',
    ],
    [
      'SCP levels that all allow',
      ['--policy', 'read.json', '--scp', 'all.json', '--scp', 'read.json'],
      'Allow',
    ],
    [
      'an SCP level that does not allow',
      ['--policy', 'read.json', '--scp', 'all.json', '--scp', 'tagged.json'],
      'ImplicitDeny',
    ],
    [
      'an SCP level of two policies, one allowing',
      ['--policy', 'read.json', '--scp', 'all.json', '--scp', 'tagged.json,read.json'],
      'Allow',
    ],
    [
      'a deny-list SCP without FullAWSAccess',
      ['--policy', 'read.json', '--scp', 'deny-connect.json'],
      'ExplicitDeny',
    ],
    [
      'an RCP level without an Allow',
      ['--policy', 'read.json', '--rcp', 'rcp-deny-s3.json'],
      'ImplicitDeny',
    ],
    [
      'an RCP level with RCPFullAWSAccess',
      ['--policy', 'read.json', '--rcp', 'rcp-full.json,rcp-deny-s3.json'],
      'Allow',
    ],
    ['an RCP without `Principal: *`', ['--policy', 'read.json', '--rcp', 'read.json'], 2],
    ['a resource policy alone, naming no principal', ['--resource-policy', 'read.json'], 2],
    ['a policy AWS would reject', ['--policy', 'broken.json'], 2],
  ])('%s: %s', async (_, policies, expected) => {
    expect(await decisionOf([...policies, ...describeUser])).toBe(expected)
  })
})

describe('evaluate: the request', () => {
  it.each([
    ['a context key the condition needs', ['--context', 'aws:PrincipalTag/team=support'], 'Allow'],
    ['another value', ['--context', 'aws:PrincipalTag/team=sales'], 'ImplicitDeny'],
    ['no context', [], 'ImplicitDeny'],
  ])('%s', async (_, context, expected) => {
    expect(await decisionOf(['--policy', 'tagged.json', ...describeUser, ...context])).toBe(
      expected,
    )
  })

  it.each([
    [
      'a multi-valued key with one match',
      ['--context', 'aws:TagKeys=x', '--context', 'aws:TagKeys=cost'],
      'Allow',
    ],
    ['`key[]=` with one value', ['--context', 'aws:TagKeys[]=team'], 'Allow'],
    ['`key[]=` with no values', ['--context', 'aws:TagKeys[]='], 'ImplicitDeny'],
  ])('%s', async (_, context, expected) => {
    expect(await decisionOf(['--policy', 'any-tag.json', ...describeUser, ...context])).toBe(
      expected,
    )
  })

  it.each([
    ['ISO 8601', '2026-06-01T00:00:00Z', 'Allow'],
    ['epoch seconds', String(Date.UTC(2027, 5, 1) / 1000), 'ImplicitDeny'],
  ])('--time as %s', async (_, time, expected) => {
    expect(
      await decisionOf(['--policy', 'before-2027.json', ...describeUser, '--time', time]),
    ).toBe(expected)
  })

  it('--request gives the same decision as the options', async () => {
    file('request.json', {
      action: 'connect:DescribeUser',
      resource: user,
      context: { 'aws:PrincipalTag/team': 'support' },
    })
    expect(await decisionOf(['--policy', 'tagged.json', '--request', 'request.json'])).toBe('Allow')
  })

  it('reads a policy from standard input', async () => {
    expect(
      await decisionOf(['--policy', '-', ...describeUser], JSON.stringify(allow('connect:*'))),
    ).toBe('Allow')
  })

  it.each([
    [
      [...describeUser],
      'error: no policy given: name one with `--policy <file>` (or another policy option)\n',
    ],
    [['--policy', 'read.json'], 'error: `--action` is needed, or `--request <file.json>`\n'],
    [
      ['--policy', 'read.json', '--action', 'connect:DescribeUser'],
      'error: `--resource` is needed, or `--request <file.json>`: give `*` for an action that takes no resource\n',
    ],
    [
      [
        '--policy',
        'read.json',
        '--request',
        'request.json',
        '--action',
        'connect:X',
        '--context',
        'a=b',
      ],
      'error: `--request` cannot be combined with `--action`, `--context`: put them in the request file\n',
    ],
    [
      ['--policy', 'missing.json', ...describeUser],
      'error: cannot read `missing.json`: no such file\n',
    ],
    [
      [
        '--policy',
        'read.json',
        ...describeUser,
        '--context',
        'aws:SourceIp=10.0.0.1',
        '--context',
        'aws:SourceIp=10.0.0.2',
      ],
      'error: invalid request: context key `aws:SourceIp` holds one value, not 2\n',
    ],
    [
      ['--policy', 'read.json', '--action', 'connect:*', '--resource', user],
      'error: invalid request: the action must look like `service:ActionName`, not `connect:*`\n',
    ],
    [
      ['--policy', 'read.json', ...describeUser, '--expect', 'allowed'],
      'error: `--expect` must be one of allow, deny, explicit-deny, implicit-deny, not `allowed`: did you mean `allow`\n',
    ],
    [['--policy', 'read.json', ...describeUser, 'extra'], 'error: unexpected argument `extra`\n'],
    [
      ['--policy', 'read.json', '--scp', ',', ...describeUser],
      'error: `--scp` names no policy file\n',
    ],
  ])('%j: exit 2', async (args, message) => {
    const { code, stdout, stderr } = await run(args, { cwd: scratch })
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message })
  })
})

describe('evaluate: output', () => {
  it('an unmet --expect: exit 1, the decision still printed, the reason on stderr', async () => {
    const { code, stdout, stderr } = await run(
      ['--policy', 'deny-connect.json', ...describeUser, '--expect', 'allow'],
      { cwd: scratch },
    )
    expect(code).toBe(1)
    expect(stdout).toMatch(/^decision: ExplicitDeny$/m)
    expect(stderr).toBe('expected `allow`, but the decision is `ExplicitDeny`\n')
  })

  it.each([
    ['allow', 'Allow', true],
    ['deny', 'ExplicitDeny', true],
    ['deny', 'ImplicitDeny', true],
    ['explicit-deny', 'ImplicitDeny', false],
    ['implicit-deny', 'ImplicitDeny', true],
    ['allow', 'ImplicitDeny', false],
  ])('--expect %s against %s: met %s', async (expected, decision, met) => {
    const policy =
      { Allow: 'read.json', ExplicitDeny: 'deny-connect.json', ImplicitDeny: 'tagged.json' }[
        decision
      ] ?? ''
    const { code } = await run(['--policy', policy, ...describeUser, '--expect', expected], {
      cwd: scratch,
    })
    expect(code).toBe(met ? 0 : 1)
  })

  it('a policy AWS would reject: its problems under their lines, on stderr', async () => {
    const { code, stderr } = await run(['--policy', 'broken.json', ...describeUser], {
      cwd: scratch,
    })
    expect(code).toBe(2)
    expect(stderr).toBe(
      [
        'error: `broken.json` cannot be evaluated: 1 error',
        'broken.json:1:91: error: remove the trailing comma before `}` [trailing-comma]',
        '  1 | {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",}]}',
        `    | ${' '.repeat(90)}^`,
        '  help: `connect-policy validate broken.json` reports every problem with a fix',
        '',
      ].join('\n'),
    )
  })

  it('names the policy type to validate a rejected policy with', async () => {
    const { code, stderr } = await run(
      ['--policy', 'read.json', '--rcp', 'tagged.json', ...describeUser],
      { cwd: scratch },
    )
    expect(code).toBe(2)
    expect(stderr).toContain(
      '  help: `connect-policy validate --policy-type rcp tagged.json` reports every problem',
    )
    const piped = await run(['--policy', '-', ...describeUser], { cwd: scratch, stdin: '{' })
    expect(piped.stderr).toContain('  help: `connect-policy validate -` reports every problem')
  })

  it('--explain: every statement, and why each did or did not apply', async () => {
    const { stdout } = await run(
      ['--policy', 'read.json', '--policy', 'tagged.json', ...describeUser, '--explain'],
      { cwd: scratch },
    )
    expect(stdout).toContain(
      '✓ identity-based policy `read.json` statement #0 (Allow) applies and decides  read.json:4:5',
    )
    expect(stdout).toContain(
      '✗ identity-based policy `tagged.json` statement #0 (Allow) does not apply  tagged.json:4:5',
    )
    expect(stdout).toMatch(/✗ Condition: `aws:PrincipalTag\/team` is not in the request/)
  })

  it('--format json: statement traces only with --explain', async () => {
    const traces = async (explain: string[]) => {
      const { stdout } = await run(
        ['--policy', 'read.json', ...describeUser, '--format', 'json', ...explain],
        { cwd: scratch },
      )
      return (JSON.parse(stdout) as JsonDecision).explanation.resources[0]?.statements
    }
    expect(await traces([])).toBeUndefined()
    expect(await traces(['--explain'])).toHaveLength(1)
  })

  it('names policies after their files in the explanation', async () => {
    const { stdout } = await run(['--policy', 'read.json', ...describeUser, '--format', 'json'], {
      cwd: scratch,
    })
    expect((JSON.parse(stdout) as JsonDecision).explanation.deciding[0]?.policyName).toBe(
      'read.json',
    )
  })
})

const instanceId = 'a1b2c3d4-5678-90ab-cdef-111122223333'
const instance = `arn:aws:connect:us-east-1:123456789012:instance/${instanceId}`
const agent = `${instance}/agent/1e2f3a4b-5c6d-7e8f-9a0b-1c2d3e4f5a6b`
const queue = `${instance}/queue/9a8b7c6d-5e4f-3a2b-1c0d-9e8f7a6b5c4d`
file('connect.json', allow('connect:*'))
file('spaced-allow.json', allow('connect:DeleteUser '))
file('spaced-deny.json', deny('connect:DeleteUser '))
const onInstance = { Condition: { StringEquals: { 'connect:InstanceId': instanceId } } }
file('list-queues.json', allow('connect:ListQueues', onInstance))
file('describe-queue.json', allow('connect:DescribeQueue', onInstance))

interface JsonFindings {
  readonly decision: DecisionValue
  readonly findings: readonly {
    readonly code: string
    readonly severity: string
    readonly message: string
    readonly suggestion?: string
    readonly statement?: { readonly policyName: string }
  }[]
}

async function jsonOf(args: string[]) {
  const { code, stdout, stderr } = await run(['--format', 'json', ...args], { cwd: scratch })
  return { code, stderr, report: code === 2 ? undefined : (JSON.parse(stdout) as JsonFindings) }
}

describe('evaluate: findings beside the decision', () => {
  const typo = ['--action', 'connect:DescribeUsr', '--resource', agent]

  it('an action the service reference does not know: a warning naming the action meant', async () => {
    const { code, stdout, stderr } = await run(['--policy', 'connect.json', ...typo], {
      cwd: scratch,
    })
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(stdout).toMatch(
      /^decision: Allow\naction: connect:DescribeUsr\ndecided by: .*\nwarning \[unknown-action\]: `DescribeUsr` is not an action of Amazon Connect: did you mean `connect:DescribeUser` \(AWS service reference of \d{4}-\d{2}-\d{2}\): the decision follows the patterns that match the name as written\n\n/,
    )
    const { report } = await jsonOf(['--policy', 'connect.json', ...typo])
    expect(report?.findings).toEqual([
      expect.objectContaining({
        code: 'unknown-action',
        severity: 'warning',
        suggestion: 'connect:DescribeUser',
      }),
    ])
  })

  it('a resource the action needs left out: reported, and the exit code stays the decision', async () => {
    const createUser = ['--action', 'connect:CreateUser', '--resource', agent]
    const { code, report } = await jsonOf(['--policy', 'connect.json', ...createUser])
    expect(code).toBe(0)
    expect(report?.decision).toBe('Allow')
    expect(report?.findings.map((finding) => finding.code)).toEqual(['missing-required-resource'])
    const expected = await run(['--policy', 'connect.json', ...createUser, '--expect', 'allow'], {
      cwd: scratch,
    })
    expect(expected.code).toBe(0)
    expect(expected.stdout).toContain('warning [missing-required-resource]: `connect:CreateUser`')
  })

  it('nothing to say: an empty list, and no finding line', async () => {
    const { report } = await jsonOf(['--policy', 'read.json', ...describeUser])
    expect(report?.findings).toEqual([])
    const { stdout } = await run(['--policy', 'read.json', ...describeUser], { cwd: scratch })
    expect(stdout).not.toMatch(/^(warning|suggestion) /m)
  })

  it('a Deny whose action has a space around it: nothing decided, exit 2', async () => {
    const { code, stdout, stderr } = await run(
      ['--policy', 'connect.json', '--policy', 'spaced-deny.json'].concat([
        '--action',
        'connect:DeleteUser',
        '--resource',
        agent,
      ]),
      { cwd: scratch },
    )
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^error: `spaced-deny\.json` cannot be evaluated: 1 error\n/)
    expect(stderr).toContain(
      'spaced-deny.json:6:17: error: `connect:DeleteUser ` has spaces around it, so it names no action: IAM does not trim them: a Deny that cannot be read whole could let an Allow through [action-has-whitespace]',
    )
  })

  it('an Allow whose action has a space around it: decided, the entry reported with its place', async () => {
    const args = [
      '--policy',
      'spaced-allow.json',
      '--action',
      'connect:DeleteUser',
      '--resource',
      agent,
    ]
    const { code, stdout } = await run(args, { cwd: scratch })
    expect(code).toBe(0)
    expect(stdout).toContain(
      'warning [action-has-whitespace]: `spaced-allow.json` statement #0: `connect:DeleteUser ` has spaces around it, so it names no action: IAM does not trim them: this Allow grants nothing through it  spaced-allow.json:6:17\n',
    )
    const { report } = await jsonOf(args)
    expect(report?.decision).toBe('ImplicitDeny')
    expect(report?.findings).toEqual([
      expect.objectContaining({
        code: 'action-has-whitespace',
        statement: expect.objectContaining({ policyName: 'spaced-allow.json' }),
      }),
    ])
  })

  it('connect:InstanceId follows the service reference: sent with DescribeQueue, not ListQueues', async () => {
    const listed = await jsonOf([
      '--policy',
      'describe-queue.json',
      '--action',
      'connect:DescribeQueue',
      '--resource',
      queue,
    ])
    expect(listed.report).toMatchObject({ decision: 'Allow', findings: [] })
    const unlisted = await jsonOf([
      '--policy',
      'list-queues.json',
      '--action',
      'connect:ListQueues',
      '--resource',
      `${instance}/queue/*`,
    ])
    expect(unlisted.report).toMatchObject({ decision: 'ImplicitDeny', findings: [] })
  })

  it('coloured as validate colours findings on a terminal, plain with NO_COLOR', async () => {
    const coloured = async (env: Record<string, string>) => {
      const { io, stdout } = memoryIo({ cwd: scratch, isTTY: true, env })
      await evaluate(['--policy', 'connect.json', ...typo], io)
      return stdout()
    }
    expect(await coloured({})).toContain(
      '\u001b[33mwarning\u001b[39m \u001b[2m[unknown-action]\u001b[22m: ',
    )
    expect(await coloured({ NO_COLOR: '1' })).not.toContain('\u001b[')
  })
})
