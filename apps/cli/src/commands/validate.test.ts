import { join } from 'node:path'
import { validatePolicy } from '@connect-policy/catalog'
import { atLeast, type Finding, findingSeverities, policyTypeNames } from '@connect-policy/core'
import { samples } from '@connect-policy/samples'
import { afterAll, describe, expect, it } from 'vitest'
import type { ValidateReport } from '../format/findings-json.ts'
import { memoryIo } from '../testing/memory-io.ts'
import { writeSampleFiles } from '../testing/sample-files.ts'
import { sarifProblems } from '../testing/sarif-schema.ts'
import { validate } from './validate.ts'

const written = writeSampleFiles()
afterAll(() => written.remove())
const cwd = written.root

async function run(args: string[], stdin?: string) {
  const { io, stdout, stderr } = memoryIo({ cwd, ...(stdin === undefined ? {} : { stdin }) })
  const code = await validate(args, io)
  return { code, stdout: stdout(), stderr: stderr() }
}

const policies = written.files.filter(
  (file) => file.variant !== 'original-filled' && file.variant !== 'revised-filled',
)

/** Findings as the validator gives them: the report adds each one's policy and fingerprint. */
function asValidated(findings: readonly Finding[] | undefined): Finding[] {
  return (findings ?? []).map((finding) => {
    const {
      fingerprint: _f,
      policy: _p,
      policyLabel: _l,
      ...rest
    } = finding as Finding & {
      fingerprint?: string
      policy?: string
      policyLabel?: string
    }
    return rest
  })
}

describe('validate: the documented examples', () => {
  it.each(policies.map((file) => [file.path, file] as const))(
    '%s: reports what the validator finds, exit 1 exactly when one is an error',
    async (_, file) => {
      const expected = validatePolicy(file.text)
      const { code, stdout } = await run(['--format', 'json', file.path])
      const report = JSON.parse(stdout) as ValidateReport
      expect(
        report.files.map((entry) => ({ ...entry, findings: asValidated(entry.findings) })),
      ).toEqual([{ file: file.path, findings: expected }])
      expect(code).toBe(expected.some((finding) => finding.severity === 'error') ? 1 : 0)
    },
  )

  it('finds nothing above a suggestion in the corrected policies, exit 0', async () => {
    const corrected = policies
      .filter((file) => file.variant === 'corrected')
      .map((file) => file.path)
    const { code, stdout } = await run(['--fail-on', 'warning', ...corrected])
    expect(code).toBe(0)
    expect(stdout).toMatch(new RegExp(`^checked ${corrected.length} files: `, 'm'))
  })
})

describe('validate: inputs', () => {
  const revised =
    samples.find((sample) => sample.id === 'create-user-deny-security-profile')?.printed.revised
      ?.text ?? ''

  it('reads standard input for `-`, under the name `<stdin>` or `--stdin-name`', async () => {
    const plain = await run(['-'], revised)
    expect(plain.code).toBe(1)
    expect(plain.stdout).toMatch(
      /^<stdin>:9:28: error: remove the trailing comma before `\}` \[trailing-comma\]$/m,
    )
    const named = await run(['--stdin-name', 'policies/agent.json', '-'], revised)
    expect(named.stdout).toMatch(/^policies\/agent\.json:9:28: error:/m)
  })

  it('reads files relative to the working folder, and absolute paths', async () => {
    const path = 'create-user-deny-security-profile/revised.json'
    const relative = await run([path])
    const absolute = await run([join(cwd, path)])
    expect(relative.stdout).toContain(`${path}:9:28: error:`)
    expect(absolute.stdout).toContain(`${join(cwd, path)}:9:28: error:`)
  })

  it.each([
    [[], 'error: no policy file given: name files or folders, or `-` for standard input\n'],
    [['-', '-'], 'error: standard input (`-`) can be read only once\n'],
    [
      ['--format', 'xml', 'x.json'],
      'error: `--format` must be one of human, json, sarif, not `xml`\n',
    ],
    [
      ['--fail-on', 'warnings', 'x.json'],
      'error: `--fail-on` must be one of error, security-warning, warning, suggestion, not `warnings`: did you mean `warning`\n',
    ],
    [
      ['--policy-type', 'boundary', 'x.json'],
      'error: `--policy-type` must be one of identity, resource, permissionsBoundary, permissions-boundary, session, serviceControl, service-control, scp, resourceControl, resource-control, rcp, not `boundary`\n',
    ],
    [
      ['--suppress', 'trailing-coma,nope', 'x.json'],
      'error: `--suppress`: `trailing-coma` is not a finding code: did you mean `trailing-comma`\nerror: `--suppress`: `nope` is not a finding code (docs/findings.md lists them)\n',
    ],
    [['--verbose', 'x.json'], 'error: unknown option `--verbose`\n'],
  ])('%j: exit 2 and a message on stderr, nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await run(args)
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message })
  })
})

describe('validate: files that cannot be read', () => {
  it('reports each one and still checks every other file, exit 2', async () => {
    const { code, stdout, stderr } = await run([
      'missing.json',
      'create-user-deny-security-profile/revised.json',
      'gone.json',
    ])
    expect(code).toBe(2)
    expect(stderr).toBe(
      'error: cannot read `missing.json`: no such file\nerror: cannot read `gone.json`: no such file\n',
    )
    expect(stdout).toContain('create-user-deny-security-profile/revised.json:9:28: error:')
    expect(stdout).toMatch(/^checked 1 file: /m)
  })

  it('reads a folder to any depth', async () => {
    const { stdout } = await run(['--format', 'json', 'create-user-deny-security-profile'])
    const report = JSON.parse(stdout) as ValidateReport
    const read = report.files.map((file) => file.file)
    const named = policies.filter((file) =>
      file.path.startsWith('create-user-deny-security-profile/'),
    )
    expect(named.length).toBeGreaterThan(1)
    for (const file of named) expect(read).toContain(file.path)
  })
})

describe('validate: options', () => {
  const text =
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["connect:DescribeUser", "connect:DescribeUser"], "Resource": "*"}, {"Effect": "Allow", "Action": "*", "Resource": "*"}]}'
  const findings = validatePolicy(text)

  it('has findings of several severities to work with', () => {
    expect(new Set(findings.map((finding) => finding.severity)).size).toBeGreaterThan(1)
  })

  it.each(findingSeverities)(
    '--fail-on %s: exit 1 exactly when a finding is that grave or graver',
    async (failOn) => {
      const { code } = await run(['--fail-on', failOn, '-'], text)
      expect(code).toBe(findings.some((finding) => atLeast(finding.severity, failOn)) ? 1 : 0)
    },
  )

  it('--suppress leaves out the codes named, comma-separated or repeated', async () => {
    const codes = [...new Set(findings.map((finding) => finding.code))]
    const [first = '', ...rest] = codes
    const { code, stdout } = await run(
      ['--format', 'json', '--suppress', first, '--suppress', rest.join(','), '-'],
      text,
    )
    expect((JSON.parse(stdout) as ValidateReport).files[0]?.findings).toEqual([])
    expect(code).toBe(0)
  })

  it('--policy-type validates as that type', async () => {
    const trust =
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*"}}'
    const { stdout } = await run(['--policy-type', 'resource', '--format', 'json', '-'], trust)
    const report = JSON.parse(stdout) as ValidateReport
    expect(report.policyType).toBe('resource')
    expect(asValidated(report.files[0]?.findings)).toEqual(
      validatePolicy(trust, { policyType: 'resource' }),
    )
    expect(report.files[0]?.findings.map((finding) => finding.code)).toContain('missing-principal')
  })

  it.each(Object.entries(policyTypeNames))(
    '--policy-type %s: the names the API takes, and the same type',
    async (name, type) => {
      const { stdout } = await run(['--policy-type', name, '--format', 'json', '-'], text)
      const report = JSON.parse(stdout) as ValidateReport
      expect(report.policyType).toBe(type)
      expect(asValidated(report.files[0]?.findings)).toEqual(
        validatePolicy(text, { policyType: type }),
      )
    },
  )

  it('--format sarif writes a log that validates against the subset schema', async () => {
    const { code, stdout } = await run(['--format', 'sarif', '--fail-on', 'suggestion', '-'], text)
    expect(code).toBe(1)
    expect(sarifProblems(JSON.parse(stdout))).toEqual([])
  })

  it('--format json counts findings and says how many fail', async () => {
    const { stdout } = await run(['--format', 'json', '--fail-on', 'suggestion', '-'], text)
    const report = JSON.parse(stdout) as ValidateReport
    expect(report.failing).toBe(findings.length)
    expect(Object.values(report.counts).reduce((a, b) => a + b, 0)).toBe(findings.length)
    expect(report.serviceReference.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('colours only a terminal without NO_COLOR', async () => {
    const colours = async (isTTY: boolean, env: Record<string, string>) => {
      const { io, stdout } = memoryIo({ cwd, stdin: text, isTTY, env })
      await validate(['-'], io)
      return stdout().includes('\u001b[')
    }
    expect(await colours(true, {})).toBe(true)
    expect(await colours(true, { NO_COLOR: '1' })).toBe(false)
    expect(await colours(false, {})).toBe(false)
  })
})

describe('validate --help', () => {
  it('shows usage, options and examples', async () => {
    const { code, stdout } = await run(['--help'])
    expect(code).toBe(0)
    expect(stdout).toContain('Usage: connect-policy validate')
    expect(stdout).toContain('Examples:')
  })
})
