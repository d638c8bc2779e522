import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { appRoot } from '../testing/build-binary.ts'
import { examples } from '../testing/examples.ts'

/** The repository's root: where action.yml and .pre-commit-hooks.yaml are. */
export const repoRoot = join(appRoot, '..', '..')

/** The bundled CLI that global setup builds. */
export const builtCli = join(appRoot, 'bin', 'connect-policy.js')

/**
 * Only what the programs need from the caller's environment: the tests must not depend on the
 * caller's CI, NO_COLOR or npm settings (pnpm, which runs the tests, sets `npm_config_*`).
 */
export const baseEnv: Readonly<Record<string, string>> = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? tmpdir(),
  npm_config_update_notifier: 'false',
}

export interface Finished {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs a program to its end without a shell, asynchronously so that test files run side by side. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Readonly<Record<string, string>> },
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...baseEnv, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** A temporary folder, removed by `remove`. */
export interface Scratch {
  readonly root: string
  /** Writes a file, making its folders; `example` copies a file of apps/cli/examples instead. */
  write(path: string, content: { text: string } | { example: string }): string
  remove(): void
}

export function scratch(prefix: string): Scratch {
  const root = mkdtempSync(join(tmpdir(), `connect-policy-${prefix}-`))
  return {
    root,
    write(path, content) {
      const target = join(root, path)
      mkdirSync(dirname(target), { recursive: true })
      if ('text' in content) writeFileSync(target, content.text)
      else copyFileSync(join(examples, content.example), target)
      return target
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
}

/** Generous: the machines that run the tests are shared, and a CLI run loads the service reference. */
export const slowTimeout = 120_000
