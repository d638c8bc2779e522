import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { samples } from '@connect-policy/samples'
import { afterAll, describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import { appRoot } from './testing/build-binary.ts'
import { writeSampleFiles } from './testing/sample-files.ts'
import { sarifProblems } from './testing/sarif-schema.ts'

const binary = join(appRoot, 'bin', 'connect-policy.js')
const written = writeSampleFiles()
afterAll(() => written.remove())

// Only what the binary needs: the tests must not depend on the caller's NO_COLOR, TERM or CI.
const baseEnv = { PATH: process.env.PATH ?? '' }

// `script` (util-linux) runs the binary on a pseudo-terminal, the only way to see colours
const hasScript = existsSync('/usr/bin/script')

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function cli(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Run {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [binary, ...args], {
    cwd: written.root,
    encoding: 'utf8',
    env: { ...baseEnv, ...options.env },
    ...(options.input === undefined ? {} : { input: options.input }),
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const timeout = 60_000
const createUser = samples.find((sample) => sample.id === 'create-user-deny-security-profile')
const printedRevised = 'create-user-deny-security-profile/revised.json'
const corrected = 'create-user-deny-security-profile/corrected.json'

describe('the built binary', () => {
  it('is a Node script with a shebang, executable', () => {
    const text = readFileSync(binary, 'utf8')
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true)
    const direct = spawnSync(binary, ['--version'], { encoding: 'utf8', env: baseEnv })
    expect(direct.stdout).toBe(`${packageJson.version}\n`)
  })

  it('--version and --help: exit 0', { timeout }, () => {
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' })
    const help = cli(['validate', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: connect-policy validate/)
  })

  it('validate files: exit 1 with errors, 0 without, findings with line and caret', {
    timeout,
  }, () => {
    const broken = cli(['validate', printedRevised])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain(
      `${printedRevised}:9:28: error: remove the trailing comma before \`}\` [trailing-comma]\n  9 |             "Resource": "*",\n    |                            ^\n  fix: Remove the comma: delete \`,\``,
    )
    expect(broken.stderr).toBe('')
    const clean = cli(['validate', corrected])
    expect(clean.code).toBe(0)
    expect(clean.stdout).toMatch(
      /^checked 1 file: no findings \(service reference of \d{4}-\d{2}-\d{2}\)\n$/,
    )
  })

  it('validate standard input', { timeout }, () => {
    const run = cli(['validate', '--format', 'json', '-'], {
      input: createUser?.printed.revised?.text ?? '',
    })
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as {
      files: { file: string; findings: { code: string }[] }[]
    }
    expect(report.files[0]?.file).toBe('<stdin>')
    expect(report.files[0]?.findings.map((finding) => finding.code)).toContain('trailing-comma')
  })

  it('validate --format sarif over every printed example: valid SARIF 2.1.0', { timeout }, () => {
    const printed = written.files.filter(
      (file) => file.variant === 'original' || file.variant === 'revised',
    )
    const run = cli(['validate', '--format', 'sarif', ...printed.map((file) => file.path)])
    expect(run.code).toBe(1)
    const log = JSON.parse(run.stdout) as { runs: { results: unknown[]; artifacts: unknown[] }[] }
    expect(sarifProblems(log)).toEqual([])
    expect(log.runs[0]?.artifacts).toHaveLength(printed.length)
    expect(log.runs[0]?.results.length).toBeGreaterThan(0)
  })

  it('usage and input errors: exit 2, the message on stderr', { timeout }, () => {
    const missing = cli(['validate', 'missing.json'])
    expect({ code: missing.code, stderr: missing.stderr }).toEqual({
      code: 2,
      stderr: 'error: cannot read `missing.json`: no such file\n',
    })
    expect(cli(['frobnicate'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: unknown command `frobnicate`: see `connect-policy --help`\n',
    })
  })

  describe('evaluate --expect', () => {
    const expectation = createUser?.expectations[0]
    const request = expectation?.request
    const resources =
      request === undefined
        ? []
        : Array.isArray(request.resource)
          ? request.resource
          : [request.resource]
    const args = [
      'evaluate',
      '--policy',
      corrected,
      '--action',
      request?.action ?? '',
      ...resources.flatMap((resource) => ['--resource', resource]),
    ]

    it('is the documented explicit deny', () => {
      expect(expectation?.documented).toBe('ExplicitDeny')
    })

    it('met: exit 0', { timeout }, () => {
      const run = cli([...args, '--expect', 'deny'])
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/^decision: ExplicitDeny\n/)
    })

    it('not met: exit 1, why on stderr', { timeout }, () => {
      const run = cli([...args, '--expect', 'allow', '--explain'])
      expect(run.code).toBe(1)
      expect(run.stdout).toContain('applies and decides')
      expect(run.stderr).toBe('expected `allow`, but the decision is `ExplicitDeny`\n')
    })

    it('a policy AWS would reject: exit 2', { timeout }, () => {
      const run = cli([
        'evaluate',
        '--policy',
        printedRevised,
        '--action',
        'connect:CreateUser',
        '--resource',
        '*',
      ])
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(
        /^error: `create-user-deny-security-profile\/revised\.json` cannot be evaluated: 2 errors\n/,
      )
    })
  })

  describe('evaluate: findings beside the decision', () => {
    const instanceId = 'a1b2c3d4-5678-90ab-cdef-111122223333'
    const instance = `arn:aws:connect:us-east-1:123456789012:instance/${instanceId}`
    const agent = `${instance}/agent/1e2f3a4b-5c6d-7e8f-9a0b-1c2d3e4f5a6b`
    const policy = (name: string, effect: string, action: string, extra = {}) =>
      writeFileSync(
        join(written.root, name),
        JSON.stringify(
          {
            Version: '2012-10-17',
            Statement: [{ Effect: effect, Action: action, Resource: '*', ...extra }],
          },
          null,
          2,
        ),
      )
    policy('connect.json', 'Allow', 'connect:*')
    policy('spaced-allow.json', 'Allow', 'connect:DeleteUser ')
    policy('spaced-deny.json', 'Deny', 'connect:DeleteUser ')
    const onInstance = { Condition: { StringEquals: { 'connect:InstanceId': instanceId } } }
    policy('list-queues.json', 'Allow', 'connect:ListQueues', onInstance)
    policy('describe-queue.json', 'Allow', 'connect:DescribeQueue', onInstance)
    const evaluate = (policies: string[], action: string, resource: string, more: string[] = []) =>
      cli([
        'evaluate',
        ...policies.flatMap((file) => ['--policy', file]),
        '--action',
        action,
        '--resource',
        resource,
        ...more,
      ])
    const findingsOf = (run: Run) =>
      (JSON.parse(run.stdout) as { findings: { code: string; suggestion?: string }[] }).findings

    it('an unknown action: the decision, a warning with the action meant, exit 0', {
      timeout,
    }, () => {
      const run = evaluate(['connect.json'], 'connect:DescribeUsr', agent)
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(
        /^decision: Allow\n(.*\n){2}warning \[unknown-action\]: `DescribeUsr` is not an action of Amazon Connect: did you mean `connect:DescribeUser` /,
      )
      const json = evaluate(['connect.json'], 'connect:DescribeUsr', agent, ['--format', 'json'])
      expect(findingsOf(json)).toEqual([
        expect.objectContaining({ code: 'unknown-action', suggestion: 'connect:DescribeUser' }),
      ])
    })

    it('CreateUser given only the user: missing-required-resource, --expect still met', {
      timeout,
    }, () => {
      const run = evaluate(['connect.json'], 'connect:CreateUser', agent, ['--expect', 'allow'])
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
      expect(run.stdout).toContain('warning [missing-required-resource]: ')
    })

    it('a Deny whose action has a space around it: exit 2; an Allow: a finding at its place', {
      timeout,
    }, () => {
      const denied = evaluate(['connect.json', 'spaced-deny.json'], 'connect:DeleteUser', agent)
      expect(denied.code).toBe(2)
      expect(denied.stderr).toContain('spaced-deny.json:6:17: error: ')
      expect(denied.stderr).toContain('[action-has-whitespace]')
      const allowed = evaluate(['spaced-allow.json'], 'connect:DeleteUser', agent)
      expect(allowed.code).toBe(0)
      expect(allowed.stdout).toMatch(
        /^decision: ImplicitDeny\n[\s\S]*^warning \[action-has-whitespace\]: .* {2}spaced-allow\.json:6:17$/m,
      )
    })

    it('connect:InstanceId as the service reference says', { timeout }, () => {
      const listed = evaluate(
        ['describe-queue.json'],
        'connect:DescribeQueue',
        `${instance}/queue/9a8b7c6d-5e4f-3a2b-1c0d-9e8f7a6b5c4d`,
        ['--expect', 'allow'],
      )
      expect(listed.code).toBe(0)
      const unlisted = evaluate(['list-queues.json'], 'connect:ListQueues', `${instance}/queue/*`, [
        '--expect',
        'implicit-deny',
      ])
      expect(unlisted.code).toBe(0)
    })

    it.skipIf(!hasScript)('coloured on a terminal, unless NO_COLOR is set', { timeout }, () => {
      const command = `"${process.execPath}" "${binary}" evaluate --policy connect.json --action connect:DescribeUsr --resource ${agent}`
      const onTerminal = (env: Record<string, string>) =>
        spawnSync('script', ['-qec', command, '/dev/null'], {
          cwd: written.root,
          encoding: 'utf8',
          env: { ...baseEnv, TERM: 'xterm', ...env },
        }).stdout
      expect(onTerminal({})).toContain('\u001b[33mwarning\u001b[39m \u001b[2m[unknown-action]')
      expect(onTerminal({ NO_COLOR: '1' })).not.toContain('\u001b[')
    })
  })

  it('samples and catalog read their data from the installed packages', { timeout }, () => {
    const shown = cli(['samples', 'show', 'wisdom-query-assistant'])
    expect(shown.code).toBe(0)
    expect(shown.stdout).toMatch(/^wisdom-query-assistant: /)
    const looked = cli(['catalog', 'connect:CreateUser'])
    expect(looked.code).toBe(0)
    expect(looked.stdout).toMatch(
      /^service reference: @cloud-copilot\/iam-data [\d.]+, data of \d{4}-\d{2}-\d{2}$/m,
    )
  })

  it('stops quietly when the reader closes the pipe early', { timeout }, async () => {
    const child = spawn(process.execPath, [binary, 'catalog', 'connect'], { env: baseEnv })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
  })
})

describe('colours', () => {
  const onTerminal = (env: Record<string, string>) =>
    spawnSync(
      'script',
      ['-qec', `"${process.execPath}" "${binary}" validate ${printedRevised}`, '/dev/null'],
      {
        cwd: written.root,
        encoding: 'utf8',
        env: { ...baseEnv, TERM: 'xterm', ...env },
      },
    ).stdout

  it('none through a pipe', { timeout }, () => {
    expect(cli(['validate', printedRevised]).stdout).not.toContain('\u001b[')
  })

  it.skipIf(!hasScript)('on a terminal, unless NO_COLOR is set', { timeout }, () => {
    expect(onTerminal({})).toContain('\u001b[31merror\u001b[39m')
    expect(onTerminal({ NO_COLOR: '1' })).not.toContain('\u001b[')
  })
})
