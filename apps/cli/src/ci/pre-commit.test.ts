import { accessSync, constants, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { appRoot } from '../testing/build-binary.ts'
import { repoRoot, run, scratch, slowTimeout } from './processes.ts'

interface Hook {
  readonly id: string
  readonly name: string
  readonly entry: string
  readonly language: string
  readonly files?: string
  readonly exclude?: string
  readonly args?: readonly string[]
  readonly pass_filenames?: boolean
  readonly require_serial?: boolean
}

const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[]
const validateHook = hooks.find((hook) => hook.id === 'connect-policy')

/**
 * The files pre-commit hands a hook: those whose path from the repository's root `files` matches
 * and `exclude` does not (Python's `re.search`; these patterns read the same in JavaScript).
 */
function selectFiles(hook: Hook, paths: readonly string[]): string[] {
  const files = new RegExp(hook.files ?? '')
  const exclude = hook.exclude === undefined ? undefined : new RegExp(hook.exclude)
  return paths.filter((path) => files.test(path) && !exclude?.test(path))
}

/**
 * Runs a hook as pre-commit does for `language: script`: the entry split into words, its first
 * word a path from the root of the hook's repository (this one, where the CLI is built, so the
 * script runs it without building), then the hook's args and the selected files, in the root of
 * the repository being committed to. With `require_serial`, one run gets every file.
 */
function runHook(hook: Hook, cwd: string, files: readonly string[]) {
  const [script = '', ...words] = hook.entry.split(/\s+/)
  return run(join(repoRoot, script), [...words, ...(hook.args ?? []), ...files], { cwd })
}

const repository = scratch('pre-commit')
afterAll(() => repository.remove())
const tree = {
  'policies/agent.json': { example: 'agent.json' },
  'policies/admin-fixed.json': { example: 'admin-fixed.json' },
  'policies/printed/admin.json': { example: 'admin.json' },
  'README.md': { text: '# infrastructure\n' },
  'template.yaml': {
    text: 'Resources:\n  Agent:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: connect:DescribeInstanc\n            Resource: "*"\n',
  },
  'docker-compose.yml': { text: 'services:\n  web:\n    image: nginx\n' },
}
for (const [path, content] of Object.entries(tree)) repository.write(path, content)

describe('.pre-commit-hooks.yaml', () => {
  it('defines the validate hook, run by the script that builds the CLI once', () => {
    expect(validateHook).toMatchObject({
      name: 'connect-policy validate',
      language: 'script',
      files: '\\.(json|ya?ml|template)$',
      require_serial: true,
    })
    const script = join(repoRoot, validateHook?.entry.split(/\s+/)[0] ?? '')
    expect(() => accessSync(script, constants.X_OK)).not.toThrow()
    expect(validateHook?.entry).toBe('scripts/connect-policy.sh validate --ignore-unrecognized')
  })

  it('selects the policy files of a commit', () => {
    if (validateHook === undefined) throw new Error('no connect-policy hook')
    expect(selectFiles(validateHook, Object.keys(tree))).toEqual([
      'policies/agent.json',
      'policies/admin-fixed.json',
      'policies/printed/admin.json',
      'template.yaml',
      'docker-compose.yml',
    ])
  })

  it('exit 0 when the files committed are clean', { timeout: slowTimeout }, async () => {
    if (validateHook === undefined) throw new Error('no connect-policy hook')
    const files = selectFiles(validateHook, [
      'policies/agent.json',
      'policies/admin-fixed.json',
      'README.md',
      'docker-compose.yml',
    ])
    const result = await runHook(validateHook, repository.root, files)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^checked 2 files: no findings/m)
  })

  it('exit 1 with each finding where it is', { timeout: slowTimeout }, async () => {
    if (validateHook === undefined) throw new Error('no connect-policy hook')
    const result = await runHook(
      validateHook,
      repository.root,
      selectFiles(validateHook, Object.keys(tree)),
    )
    expect(result.code, result.stderr).toBe(1)
    expect(result.stdout).toContain(
      'policies/printed/admin.json:9:28: error: remove the trailing comma before `}` [trailing-comma]',
    )
    // a CloudFormation template among the files, its finding at its line in the template
    expect(result.stdout).toMatch(
      /^template\.yaml:9:21: error: Agent: policy Agent: .*\[unknown-action\]$/m,
    )
  })

  it('takes args from the configuration that uses it', { timeout: slowTimeout }, async () => {
    if (validateHook === undefined) throw new Error('no connect-policy hook')
    const configured = {
      ...validateHook,
      args: ['--suppress', 'trailing-comma,invalid-connect-id'],
    }
    const result = await runHook(configured, repository.root, ['policies/printed/admin.json'])
    expect(result.code, result.stderr).toBe(0)
  })
})

describe('the README', () => {
  const readme = readFileSync(join(appRoot, 'README.md'), 'utf8')
  const configuration = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)]
    .map((match) => match[1] ?? '')
    .find((text) => text.includes('repos:'))

  it('shows a pre-commit configuration with the hooks this repository defines', () => {
    const { repos } = parse(configuration ?? '') as {
      repos: { repo: string; rev: string; hooks: { id: string; files?: string }[] }[]
    }
    const used = repos.flatMap((repo) => repo.hooks)
    expect(used.length).toBeGreaterThan(0)
    for (const hook of used) {
      expect(hooks.map((defined) => defined.id)).toContain(hook.id)
      if (hook.files !== undefined)
        expect(new RegExp(hook.files).test('policies/agent.json')).toBe(true)
    }
  })
})
