import { spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validatePolicy } from '@connect-policy/catalog'
import { evaluate } from '@connect-policy/core'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toAuthorizationRequest } from './evaluation/to-authorization-request.ts'
import { samples } from './index.ts'

// Outside the workspace, Node resolves the packages without the `@connect-policy/source`
// condition, so through the `types` and `default` entries of their exports: the compiled `dist/`.
// This file checks that Node 20 runs that code as it stands, with no loader and no flag: every
// package entry imports, and the README's code sample runs and prints its decision and findings.

const workspace = fileURLToPath(new URL('../../../', import.meta.url))
/** The packages published as JavaScript, each after the packages it imports. */
const published = ['core', 'catalog', 'samples'] as const
/** Every entry of their exports that runs outside the workspace. */
const entries = [
  '@connect-policy/core',
  '@connect-policy/core/testing',
  '@connect-policy/catalog',
  '@connect-policy/samples',
] as const

/** The newest modification time of the files a package's build reads, tests aside. */
function newestInput(folder: string): number {
  const times = readdirSync(join(folder, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
    .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs)
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) {
    times.push(statSync(join(folder, file)).mtimeMs)
  }
  times.push(statSync(join(workspace, 'tsconfig.base.json')).mtimeMs)
  return Math.max(...times)
}

/** Runs a package's `build` script, as `pnpm build` does, and resolves with its output. */
function build(folder: string): Promise<{ code: number | null; output: string }> {
  const { scripts } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    scripts: { build: string }
  }
  const path = [join(folder, 'node_modules', '.bin'), process.env.PATH].join(delimiter)
  return new Promise((resolve, reject) => {
    const child = spawn(scripts.build, {
      cwd: folder,
      shell: true,
      env: { ...process.env, PATH: path },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
    })
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, output }))
  })
}

/** The fenced `ts` block of the root README that uses both core and catalog. */
function readmeSample(): string {
  const readme = readFileSync(join(workspace, 'README.md'), 'utf8')
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)]
    .map((match) => match[1] ?? '')
    .filter(
      (block) =>
        block.includes("from '@connect-policy/core'") &&
        block.includes("from '@connect-policy/catalog'"),
    )
  expect(blocks, 'one ts block of README.md imports core and catalog').toHaveLength(1)
  return blocks[0] ?? ''
}

/** The sample as JavaScript: types stripped, imports kept as written. */
function toJavaScript(source: string): string {
  const { outputText, diagnostics } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
    reportDiagnostics: true,
  })
  expect(diagnostics ?? []).toEqual([])
  return outputText
}

let project = ''

/** Runs plain `node` (no flag from this process, no NODE_OPTIONS) in the outside project. */
function node(args: readonly string[]) {
  const { NODE_OPTIONS: _ignored, ...env } = process.env
  return spawnSync(process.execPath, args, { cwd: project, env, encoding: 'utf8', timeout: 60_000 })
}

beforeAll(async () => {
  // A fresh `dist`. Under turbo (`npm test`), packages/samples/turbo.json makes this package's
  // `test` depend on its `build`, which depends on the builds of core and catalog: they run first
  // (or turbo restores their `dist` from its cache), and a change to any of the three packages or
  // to the README runs this test again instead of replaying it. Run any other way (`npx vitest
  // run` here), the packages whose `dist` is missing or older than what it is built from are
  // built below, in order, with their own `build` script; on a clean clone that is about ten
  // seconds, and nothing once `dist` is up to date.
  for (const name of published) {
    const folder = join(workspace, 'packages', name)
    const built = join(folder, 'dist', 'index.js')
    if (existsSync(built) && statSync(built).mtimeMs >= newestInput(folder)) continue
    const { code, output } = await build(folder)
    expect(code, `the build of packages/${name} fails:\n${output}`).toBe(0)
  }
  project = mkdtempSync(join(tmpdir(), 'connect-policy-plain-node-'))
  expect(
    relative(workspace, project).startsWith('..'),
    'the project is outside the workspace',
  ).toBe(true)
  // A project that depends on the packages as an installation would link them: Node reads each
  // one's package.json and exports, and finds their own dependencies from their real folders.
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'outside',
      private: true,
      type: 'module',
      dependencies: Object.fromEntries(
        published.map((name) => [
          `@connect-policy/${name}`,
          `file:${join(workspace, 'packages', name)}`,
        ]),
      ),
    }),
  )
  mkdirSync(join(project, 'node_modules', '@connect-policy'), { recursive: true })
  for (const name of published) {
    symlinkSync(
      join(workspace, 'packages', name),
      join(project, 'node_modules', '@connect-policy', name),
      'junction',
    )
  }
}, 300_000)

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true })
})

describe('the built packages, in plain Node', () => {
  it.each(entries)('%s imports from dist with the names the source exports', async (entry) => {
    const specifier = JSON.stringify(entry)
    const script = [
      `const url = import.meta.resolve(${specifier})`,
      `const names = Object.keys(await import(${specifier})).sort()`,
      'console.log(JSON.stringify({ url, names }))',
    ].join('\n')
    const { status, stdout, stderr } = node(['--input-type=module', '--eval', script])
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const { url, names } = JSON.parse(stdout) as { url: string; names: string[] }
    const dist = join(workspace, 'packages', entry.split('/')[1] ?? '', 'dist', sep)
    expect(fileURLToPath(url).startsWith(dist), url).toBe(true)
    expect(names).toEqual(Object.keys(await import(/* @vite-ignore */ entry)).sort())
  })

  // The README evaluates CreateUser on a new user, a security profile and a routing profile: the
  // documented example that denies one security profile, with the request that names it.
  const sample = samples.find(({ id }) => id === 'create-user-deny-security-profile')
  const expectation = sample?.expectations.find(
    ({ request }) => Array.isArray(request.resource) && request.resource.length === 3,
  )
  const [userArn, securityProfileArn, routingProfileArn] = [expectation?.request.resource].flat()
  const request = expectation && toAuthorizationRequest(expectation.request)
  const texts = {
    'the corrected policy': sample?.corrected,
    'the policy as printed (AWS refuses it)': sample?.printed.revised?.text,
  }

  it.each(Object.entries(texts))(
    "the README's code sample runs on %s and prints what the packages decide and find",
    (_, text) => {
      expect(text).toBeDefined()
      expect(request).toBeDefined()
      if (text === undefined || request === undefined) return
      // The sample's free variables are given as globals, set by a module it imports first, so
      // that a name the sample comes to declare itself only hides ours.
      const givens = { text, userArn, securityProfileArn, routingProfileArn, request }
      writeFileSync(
        join(project, 'givens.mjs'),
        `Object.assign(globalThis, ${JSON.stringify(givens)})\n`,
      )
      writeFileSync(
        join(project, 'readme-sample.mjs'),
        `import './givens.mjs'\n${toJavaScript(readmeSample())}`,
      )
      const { status, stdout, stderr } = node(['readme-sample.mjs'])
      expect(status, stderr).toBe(0)
      const printed = stdout + stderr
      const result = evaluate(request, { identityPolicies: [text] })
      if (result.decision === undefined) {
        for (const error of result.errors) expect(printed).toContain(error.message)
      } else {
        expect(printed).toContain(result.decision)
      }
      const findings = validatePolicy(text, { policyType: 'identity' })
      for (const finding of findings) {
        expect(printed).toContain(`'${finding.code}'`)
        expect(printed).toContain(finding.message)
      }
    },
  )
})
