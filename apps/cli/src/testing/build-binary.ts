import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The folder of the CLI package, where `build.mjs` writes `bin/connect-policy.js`. */
export const appRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Vitest global setup: builds the binary before any test runs, so that the subprocess tests run
 * what users run, on a clean clone where only the tests are run and `bin/` is not committed.
 */
export function setup(): void {
  const built = spawnSync(process.execPath, ['build.mjs'], { cwd: appRoot, encoding: 'utf8' })
  if (built.status !== 0) {
    throw new Error(`building the binary failed:\n${built.stderr}${built.stdout}`)
  }
}
