import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import type { Log } from 'sarif'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import packageJson from '../../package.json' with { type: 'json' }
import { appRoot } from '../testing/build-binary.ts'
import { type Finished, repoRoot, run, type Scratch, scratch, slowTimeout } from './processes.ts'

interface ActionStep {
  readonly name?: string
  readonly id?: string
  readonly uses?: string
  readonly with?: Record<string, unknown>
  readonly shell?: string
  readonly run?: string
  readonly env?: Record<string, string>
}

interface Action {
  readonly name: string
  readonly description: string
  readonly inputs: Record<string, { description: string; required?: boolean; default?: string }>
  readonly outputs: Record<string, { description: string; value: string }>
  readonly runs: { using: string; steps: ActionStep[] }
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Action
const steps = action.runs.steps

const expressions = (text: string) => [...text.matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)]
const inputExpression = /^\$\{\{\s*inputs\.([\w-]+)\s*\}\}$/

describe('action.yml', () => {
  it('is a composite action with the documented inputs and defaults', () => {
    expect(action.runs.using).toBe('composite')
    expect(action.name).toBe('connect-policy')
    expect(
      Object.fromEntries(
        Object.entries(action.inputs).map(([name, input]) => [name, input.default]),
      ),
    ).toEqual({
      paths: '.',
      'fail-on': 'error',
      'sarif-file': 'connect-policy.sarif',
      'policy-type': 'identity',
      baseline: '',
      config: '',
      args: '',
    })
    for (const input of Object.values(action.inputs)) {
      expect(input.description.length).toBeGreaterThan(10)
      expect(input.required).not.toBe(true)
    }
    expect(action.outputs['sarif-file']?.value).toBe(`\${{ steps.validate.outputs.sarif-file }}`)
    expect(steps.some((step) => step.id === 'validate')).toBe(true)
  })

  it('sets Node up first, with actions pinned to a major version', () => {
    expect(steps[0]?.uses).toBe('actions/setup-node@v4')
    expect(steps[0]?.with).toEqual({ 'node-version': 20 })
    for (const step of steps.filter((step) => step.uses !== undefined)) {
      expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/)
    }
  })

  it('runs every script with bash, and no expression inside a script', () => {
    const scripts = steps.filter((step) => step.run !== undefined)
    expect(scripts.length).toBeGreaterThan(0)
    for (const step of scripts) {
      expect(step.shell).toBe('bash')
      expect(expressions(step.run ?? '')).toEqual([])
    }
  })

  it('hands inputs over only through env: and with:, each input to some step', () => {
    const used = new Set<string>()
    for (const step of steps) {
      const { env, with: given, ...rest } = step
      expect(JSON.stringify(rest)).not.toMatch(/inputs\./)
      for (const value of [...Object.values(env ?? {}), ...Object.values(given ?? {})]) {
        if (typeof value !== 'string') continue
        for (const [text, inside] of expressions(value)) {
          if (!inside?.includes('inputs.')) continue
          const name = inputExpression.exec(value)?.[1]
          expect(name, `${text} must be the whole value`).toBeDefined()
          expect(Object.keys(action.inputs)).toContain(name)
          used.add(name ?? '')
        }
      }
    }
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort())
  })
})

interface ActionRun {
  /** The run steps that ran, in order, until the first that failed, as the runner stops there. */
  readonly steps: readonly (Finished & { readonly id: string })[]
  /** The last step's result: the action's. */
  readonly last: Finished
  /** What the steps wrote to GITHUB_OUTPUT and GITHUB_PATH. */
  readonly output: string
  readonly path: string
}

const defaults = Object.fromEntries(
  Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? '']),
)

/** A step's `env:` with each `${{ inputs.x }}` replaced by the input's value. */
function stepEnv(step: ActionStep, inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(step.env ?? {}).map(([name, value]) => {
      const input = inputExpression.exec(value)?.[1]
      return [name, input === undefined ? value : (inputs[input] ?? '')]
    }),
  )
}

/**
 * Runs the action's `run:` steps as the runner does: `bash --noprofile --norc -eo pipefail` on a
 * file holding the script, in the workspace, with GITHUB_ACTION_PATH the repository's root (where
 * the CLI is built, so that the build step skips building), GITHUB_OUTPUT and GITHUB_PATH files,
 * and the folders a step adds to GITHUB_PATH on PATH for the steps after it. `uses:` steps are
 * left out: Node is already there.
 */
async function runAction(workspace: string, given: Record<string, string>): Promise<ActionRun> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'connect-policy-runner-'))
  const githubOutput = join(runnerTemp, 'github-output')
  const githubPath = join(runnerTemp, 'github-path')
  writeFileSync(githubOutput, '')
  writeFileSync(githubPath, '')
  const inputs = { ...defaults, ...given }
  const ran: (Finished & { id: string })[] = []
  try {
    for (const [index, step] of steps.entries()) {
      if (step.run === undefined) continue
      const script = join(runnerTemp, `step-${index}.sh`)
      writeFileSync(script, step.run)
      const added = readFileSync(githubPath, 'utf8').split('\n').filter(Boolean).reverse()
      const result = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd: workspace,
        env: {
          ...stepEnv(step, inputs),
          PATH: [...added, process.env.PATH ?? ''].join(delimiter),
          GITHUB_ACTION_PATH: repoRoot,
          GITHUB_OUTPUT: githubOutput,
          GITHUB_PATH: githubPath,
          RUNNER_TEMP: runnerTemp,
        },
      })
      ran.push({ id: step.id ?? step.name ?? `#${index}`, ...result })
      if (result.code !== 0) break
    }
    const last = ran.at(-1)
    if (last === undefined) throw new Error('action.yml has no run step')
    return {
      steps: ran,
      last,
      output: readFileSync(githubOutput, 'utf8'),
      path: readFileSync(githubPath, 'utf8'),
    }
  } finally {
    rmSync(runnerTemp, { recursive: true, force: true })
  }
}

function readSarif(path: string): Log {
  return JSON.parse(readFileSync(path, 'utf8')) as Log
}

const workspaces: Scratch[] = []
function workspace(files: Record<string, { text: string } | { example: string }>): Scratch {
  const folder = scratch('action')
  for (const [path, content] of Object.entries(files)) folder.write(path, content)
  workspaces.push(folder)
  return folder
}
afterAll(() => {
  for (const folder of workspaces) folder.remove()
})

describe('the action, run as the runner runs it', () => {
  it('with its defaults: finds the policies under the working directory, exit 0 when clean', {
    timeout: slowTimeout,
  }, async () => {
    const folder = workspace({
      'policies/agent.json': { example: 'agent.json' },
      'policies/team/admin-fixed.json': { example: 'admin-fixed.json' },
      // not policies: JSON of no format read, and a dependency's files
      'package.json': { text: '{ "name": "infrastructure" }\n' },
      'node_modules/some-dependency/policy.json': { example: 'admin.json' },
    })
    const result = await runAction(folder.root, {})
    const [build] = result.steps
    // the CLI is built in the repository, so the build step only puts it on PATH
    expect(build?.code, build?.stderr).toBe(0)
    expect(build?.stdout).toBe('')
    expect(result.last.code, result.last.stderr).toBe(0)
    expect(result.last.stdout).toMatch(/^checked 2 files: no findings/m)
    const sarif = readSarif(join(folder.root, 'connect-policy.sarif'))
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]?.results).toEqual([])
    expect(result.output).toBe('sarif-file=connect-policy.sarif\n')
  })

  it('puts `connect-policy` on PATH for the steps after it', { timeout: slowTimeout }, async () => {
    const folder = workspace({ 'agent.json': { example: 'agent.json' } })
    const result = await runAction(folder.root, { paths: 'agent.json' })
    const added = result.path.trim()
    expect(added).not.toBe('')
    const later = await run('bash', ['-c', 'connect-policy --version'], {
      cwd: folder.root,
      env: { PATH: `${added}${delimiter}${process.env.PATH ?? ''}` },
    })
    expect(later).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' })
  })

  it('exit 1 on findings at or above fail-on, each in the SARIF log where it is', {
    timeout: slowTimeout,
  }, async () => {
    const folder = workspace({
      'policies/identity/admin.json': { example: 'admin.json' },
      'policies/identity/agent.json': { example: 'agent.json' },
    })
    const result = await runAction(folder.root, {
      paths: 'policies/**/*.json',
      'sarif-file': 'findings.sarif',
    })
    expect(result.last.code, result.last.stderr).toBe(1)
    expect(result.last.stdout).toContain(
      'policies/identity/admin.json:9:28: error: remove the trailing comma before `}` [trailing-comma]',
    )
    const results = readSarif(join(folder.root, 'findings.sarif')).runs[0]?.results ?? []
    expect(results.map((found) => found.ruleId)).toContain('trailing-comma')
    expect(
      results.map((found) => found.locations?.[0]?.physicalLocation?.artifactLocation?.uri),
    ).toContain('policies/identity/admin.json')
    expect(result.output).toBe('sarif-file=findings.sarif\n')
  })

  it('passes policy-type, fail-on and args on to the CLI', { timeout: slowTimeout }, async () => {
    const folder = workspace({ 'scp.json': { example: 'scp.json' } })
    const asked = { paths: 'scp.json', 'fail-on': 'security-warning' }
    // an SCP read as an identity policy allows everything: security warnings
    expect((await runAction(folder.root, asked)).last.code).toBe(1)
    const asScp = await runAction(folder.root, { ...asked, 'policy-type': 'scp' })
    expect(asScp.last.code, asScp.last.stderr).toBe(0)
    const suppressed = await runAction(folder.root, {
      ...asked,
      args: '--suppress allow-all\n--suppress pass-role-any-role',
    })
    expect(suppressed.last.code, suppressed.last.stderr).toBe(0)
    expect(suppressed.last.stdout).toMatch(/^checked 1 file: 1 warning \(/m)
  })

  it('exit 2 on a file that cannot be read, with no SARIF log nor output', {
    timeout: slowTimeout,
  }, async () => {
    const folder = workspace({ 'agent.json': { example: 'agent.json' } })
    const result = await runAction(folder.root, { paths: 'agent.json missing.json' })
    expect(result.last.code).toBe(2)
    expect(result.last.stderr).toContain('error: cannot read `missing.json`: no such file')
    expect(existsSync(join(folder.root, 'connect-policy.sarif'))).toBe(false)
    expect(result.output).toBe('')
  })

  it('with a baseline: findings it holds are not reported again, exit 0', {
    timeout: slowTimeout,
  }, async () => {
    const folder = workspace({ 'policies/admin.json': { example: 'admin.json' } })
    const recorded = spawnSync(
      process.execPath,
      [join(appRoot, 'bin/connect-policy.js'), 'baseline', '--output', 'base.json', 'policies'],
      { cwd: folder.root, encoding: 'utf8' },
    )
    expect(recorded.status, recorded.stderr).toBe(0)
    const before = await runAction(folder.root, { paths: 'policies' })
    expect(before.last.code).toBe(1)
    const after = await runAction(folder.root, { paths: 'policies', baseline: 'base.json' })
    expect(after.last.code, after.last.stdout).toBe(0)
    expect(after.last.stdout).toMatch(/^not listed: \d+ in the baseline$/m)
  })

  it('exit 2 when a folder holds no policy', { timeout: slowTimeout }, async () => {
    const folder = workspace({ 'package.json': { text: '{ "name": "infrastructure" }\n' } })
    const result = await runAction(folder.root, {})
    expect(result.last.code).toBe(2)
    expect(result.last.stderr).toContain(
      'error: no file holds a policy in `.` (1 file is none of the formats read)',
    )
  })

  it('reads inputs as data: shell syntax in an input is not run', {
    timeout: slowTimeout,
  }, async () => {
    const folder = workspace({ 'agent.json': { example: 'agent.json' } })
    const result = await runAction(folder.root, {
      paths: 'agent.json $(touch ran-paths)',
      args: '`touch ran-args`',
    })
    expect(result.last.code).toBe(2)
    expect(existsSync(join(folder.root, 'ran-paths'))).toBe(false)
    expect(existsSync(join(folder.root, 'ran-args'))).toBe(false)
  })
})

describe('the README', () => {
  const readme = readFileSync(join(appRoot, 'README.md'), 'utf8')
  const workflow =
    [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].find((match) =>
      match[1]?.includes('jobs:'),
    )?.[1] ?? ''

  it('shows a workflow that uses the action with its inputs and uploads its SARIF log', () => {
    const jobs = (parse(workflow) as { jobs: Record<string, { steps: ActionStep[] }> }).jobs
    const workflowSteps = Object.values(jobs).flatMap((job) => job.steps)
    const uses = workflowSteps.find((step) => step.uses?.startsWith('connect-policy/'))
    expect(uses).toBeDefined()
    for (const name of Object.keys(uses?.with ?? {}))
      expect(Object.keys(action.inputs)).toContain(name)
    const upload = workflowSteps.find((step) => step.uses?.startsWith('github/codeql-action/'))
    expect(upload?.with?.sarif_file).toBe(`\${{ steps.${uses?.id}.outputs.sarif-file }}`)
  })
})

describe("the repository README's CI set-up", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('### In CI'), readme.indexOf('## Working on it'))
  const block = /^```yaml\n([\s\S]*?)^```$/m.exec(section)?.[1] ?? ''
  const [workflow = '', hooks = ''] = block.split('# .pre-commit-config.yaml')

  it('fits on a screen', () => {
    expect(section.split('\n').length).toBeLessThan(45)
  })

  it('uses the action with inputs it has, uploads its SARIF, and names a hook that exists', () => {
    const jobs = (parse(workflow) as { jobs: Record<string, { steps: ActionStep[] }> }).jobs
    const steps = Object.values(jobs).flatMap((job) => job.steps)
    const uses = steps.find((step) => step.uses?.startsWith('connect-policy/'))
    expect(Object.keys(uses?.with ?? {}).length).toBeGreaterThan(0)
    for (const name of Object.keys(uses?.with ?? {})) {
      expect(Object.keys(action.inputs)).toContain(name)
    }
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/'))
    expect(upload?.with?.sarif_file).toBe(`\${{ steps.${uses?.id}.outputs.sarif-file }}`)
    const config = parse(hooks) as { repos: { hooks: { id: string }[] }[] }
    const defined = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string
    }[]
    for (const hook of config.repos.flatMap((repo) => repo.hooks)) {
      expect(defined.map((entry) => entry.id)).toContain(hook.id)
    }
  })
})
