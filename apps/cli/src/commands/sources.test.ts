import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ValidateReport } from '../format/findings-json.ts'
import { main } from '../main.ts'
import { memoryIo } from '../testing/memory-io.ts'

// The files the readers are tested with, in the shapes the real tools write them.
const testFiles = fileURLToPath(
  new URL('../../../../packages/sources/test-files/', import.meta.url),
)
let cwd = ''

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'connect-policy-sources-'))
  cpSync(testFiles, join(cwd, 'infra'), { recursive: true })
})
afterAll(() => rmSync(cwd, { recursive: true, force: true }))

async function run(args: readonly string[]) {
  const { io, stdout, stderr } = memoryIo({ cwd })
  const code = await main(args, io)
  return { code, stdout: stdout(), stderr: stderr() }
}

async function report(args: readonly string[]) {
  const result = await run(['validate', '--format', 'json', ...args])
  return { ...result, report: JSON.parse(result.stdout) as ValidateReport }
}

/** The text a finding's range covers in the file it names. */
function textAt(file: string, range: { start: { offset: number }; end: { offset: number } }) {
  const text = readFileSync(join(cwd, file), 'utf8').replace(/^\uFEFF/, '')
  return text.slice(range.start.offset, range.end.offset)
}

describe('validate reads policies where they live', () => {
  it.each([
    ['infra/cloudformation/connect-agents.yaml', 'connect:DescribeInstanc'],
    ['infra/cloudformation/connect-agents.json', 'connect:DescribeInstanc'],
    ['infra/cdk/ConnectAgentsStack.template.json', 'connect:ListQueue'],
    ['infra/terraform/plan-with-unknowns.json', 'connect:DescribeInstanc'],
    ['infra/account/authorization-details.json', 'connect:GetCurrentUserDat'],
  ])('%s: the misspelt action, pointed at in the file, exit 1', async (file, action) => {
    const { code, report: result } = await report([file])
    expect(code).toBe(1)
    const findings =
      result.files[0]?.findings.filter((finding) => finding.code === 'unknown-action') ?? []
    expect(findings.some((finding) => textAt(file, finding.range).includes(action))).toBe(true)
  })

  it('names the policy of each finding in the human output, with the line in the template', async () => {
    const { stdout } = await run(['validate', 'infra/cloudformation/connect-agents.yaml'])
    expect(stdout).toMatch(
      /^infra\/cloudformation\/connect-agents\.yaml:\d+:\d+: error: AgentRole: inline policy agent-workspace: .*DescribeInstanc/m,
    )
  })

  it('reads a folder with include and exclude globs, leaving out files that hold no policy', async () => {
    const { report: result } = await report([
      '--include',
      '**/*.yaml',
      '--exclude',
      '**/other/**',
      'infra',
    ])
    expect(result.files.map((file) => file.file)).toEqual([
      'infra/cloudformation/connect-agents.yaml',
    ])
    const all = await report(['infra'])
    expect(all.report.skipped).toContain('infra/other/package.json')
    expect(all.report.files.map((file) => file.file)).toContain('infra/terraform/state.json')
  })

  it('reports a file that cannot be read and one that is none of the formats, checks the others, exit 2', async () => {
    const { code, stdout, stderr } = await run([
      'validate',
      'infra/nothing-here.yaml',
      'infra/other/docker-compose.yml',
      'infra/cdk/ConnectAgentsStack.template.json',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('cannot read `infra/nothing-here.yaml`: no such file')
    expect(stdout).toContain('is none of the files connect-policy reads')
    expect(stdout).toContain('connect:ListQueue')
  })

  it('reports a policy known only after apply instead of missing it', async () => {
    const { stdout } = await run(['validate', 'infra/terraform/plan-with-unknowns.json'])
    expect(stdout).toContain('[policy-known-after-apply]')
  })

  it('honours a suppression comment in YAML', async () => {
    const { report: result } = await report(['infra/cloudformation/connect-agents.yaml'])
    const { report: json } = await report(['infra/cloudformation/connect-agents.json'])
    const preview = (r: ValidateReport) =>
      r.files[0]?.findings.filter((finding) =>
        finding.message.includes('StartAgentAssistPreview'),
      ) ?? []
    expect(preview(result)).toEqual([])
    expect(preview(json)).toHaveLength(1)
  })

  it('writes fingerprints and keeps rule metadata in SARIF', async () => {
    const { stdout } = await run([
      'validate',
      '--format',
      'sarif',
      'infra/cdk/ConnectAgentsStack.template.json',
    ])
    const log = JSON.parse(stdout) as {
      runs: {
        results: { partialFingerprints?: Record<string, string> }[]
        tool: { driver: { rules: { help?: unknown }[] } }
      }[]
    }
    const [run0] = log.runs
    expect(run0?.results.length).toBeGreaterThan(0)
    for (const result of run0?.results ?? []) {
      expect(Object.values(result.partialFingerprints ?? {})[0]).toMatch(/^[0-9a-f]{16}$/)
    }
    expect(run0?.tool.driver.rules.every((rule) => rule.help !== undefined)).toBe(true)
  })
})

describe('suppression comments in the Terraform configuration beside a plan', () => {
  it('cover the findings of the resource they sit above, in the root module and in a module', async () => {
    const folder = join(cwd, 'terraform-suppressed')
    mkdirSync(join(folder, 'modules/connect-agent'), { recursive: true })
    cpSync(join(testFiles, 'terraform/plan-with-unknowns.json'), join(folder, 'plan.json'))
    const main = readFileSync(join(testFiles, 'terraform/config/main.tf'), 'utf8').replace(
      'resource "aws_iam_policy" "connect_readonly" {',
      '# connect-policy-ignore: unknown-action -- checked with the Connect team\nresource "aws_iam_policy" "connect_readonly" {',
    )
    writeFileSync(join(folder, 'main.tf'), main)
    const module = readFileSync(
      join(testFiles, 'terraform/config/modules/connect-agent/main.tf'),
      'utf8',
    )
    writeFileSync(
      join(folder, 'modules/connect-agent/main.tf'),
      module.replace(
        'resource "aws_iam_role" "agent" {',
        'resource "aws_iam_role" "agent" {\n  # connect-policy-ignore: all',
      ),
    )
    const plain = await report(['infra/terraform/plan-with-unknowns.json'])
    const { report: result } = await report(['terraform-suppressed/plan.json'])
    const codes = (r: ValidateReport) => r.files[0]?.findings.map((finding) => finding.code) ?? []
    expect(codes(plain.report)).toContain('unknown-action')
    expect(codes(result)).not.toContain('unknown-action')
    expect((result as ValidateReport & { suppressed: number }).suppressed).toBeGreaterThan(0)
    const left = result.files[0]?.findings.map((finding) => finding.message) ?? []
    expect(left.some((message) => message.startsWith('module.connect.aws_iam_role.agent'))).toBe(
      false,
    )
  })
})

describe('baselines', () => {
  it('records today, then reports only what is new, across edits elsewhere in the file', async () => {
    const folder = join(cwd, 'baseline')
    mkdirSync(folder, { recursive: true })
    const template = readFileSync(join(testFiles, 'cloudformation/connect-agents.yaml'), 'utf8')
    writeFileSync(join(folder, 'template.yaml'), template)
    const recorded = await run(['baseline', '--output', 'baseline/base.json', 'baseline'])
    expect(recorded.code).toBe(0)
    expect(recorded.stdout).toMatch(/^recorded \d+ findings of 1 file in baseline\/base\.json$/m)

    // lines added above every policy, and a new mistake
    const edited = template
      .replace('Resources:', '# a comment\n\nResources:')
      .replace('connect:UpdateUserRoutingProfile', 'connect:UpdateUserRoutingProfil')
    writeFileSync(join(folder, 'template.yaml'), edited)
    const { code, report: result } = await report(['--baseline', 'baseline/base.json', 'baseline'])
    expect(result.files[0]?.findings.map((finding) => finding.code)).toEqual(['unknown-action'])
    expect(result.files[0]?.findings[0]?.message).toContain('UpdateUserRoutingProfil')
    expect(code).toBe(1)
  })

  it('refuses a file that is not a baseline', async () => {
    const { code, stderr } = await run([
      'validate',
      '--baseline',
      'infra/other/package.json',
      'infra/cdk',
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('is not a baseline written by `connect-policy baseline`')
  })
})

describe('the config file', () => {
  it('is read from the folder the command runs in, with suppressions by code and path', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'connect-policy-config-'))
    try {
      cpSync(join(testFiles, 'cdk'), join(folder, 'cdk'), { recursive: true })
      writeFileSync(
        join(folder, 'connect-policy.config.json'),
        JSON.stringify({
          failOn: 'warning',
          suppress: [{ codes: ['unknown-action'], paths: ['cdk/**'] }],
        }),
      )
      const { io, stdout } = memoryIo({ cwd: folder })
      const code = await main(['validate', '--format', 'json', 'cdk'], io)
      const result = JSON.parse(stdout()) as ValidateReport & { suppressed: number }
      expect(result.failOn).toBe('warning')
      expect(result.suppressed).toBeGreaterThan(0)
      expect(result.files.flatMap((file) => file.findings).map((f) => f.code)).not.toContain(
        'unknown-action',
      )
      expect(code).toBe(result.failing > 0 ? 1 : 0)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('that cannot be read or is not JSON is a usage error naming it, as is such a baseline', async () => {
    writeFileSync(join(cwd, 'broken.json'), '{ "failOn": ')
    for (const [args, message] of [
      [['--config', 'broken.json'], 'error: the config file `broken.json` is not JSON: '],
      [['--config', 'none.json'], 'error: cannot read the config file `none.json`: '],
      [['--baseline', 'broken.json'], 'error: the baseline `broken.json` is not JSON: '],
      [['--baseline', 'none.json'], 'error: cannot read the baseline `none.json`: '],
    ] as const) {
      const { code, stderr } = await run(['validate', ...args, 'infra/cdk'])
      expect(code).toBe(2)
      expect(stderr.startsWith(message), stderr).toBe(true)
    }
  })

  it('is checked against its schema, every mistake said with its place', async () => {
    const path = join(cwd, 'bad.config.json')
    writeFileSync(
      path,
      JSON.stringify({
        failOn: 'sometimes',
        suppress: [{ codes: ['unknown-acton'] }],
        colour: true,
      }),
    )
    const { code, stderr } = await run(['validate', '--config', 'bad.config.json', 'infra/cdk'])
    expect(code).toBe(2)
    expect(stderr).toContain('`bad.config.json` at `failOn`')
    expect(stderr).toContain('colour')
  })
})
