// Prints what the tests' cache must know of the browser: `<path> <version>` of the Chromium the
// docs site's browser tests drive (`CHROMIUM_PATH`, else /usr/bin/chromium, read as
// apps/docs/src/env.ts reads it), or `absent`. The root `test` script hands it to turbo as
// CONNECT_POLICY_CHROMIUM, a variable of the `test` task's hash (turbo.json), so that a run
// that skipped the browser tests is not replayed from the cache once Chromium is installed,
// and one that ran them is not replayed once it is gone or another version.
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

const given = process.env.CHROMIUM_PATH
const path = given === undefined || given.trim() === '' ? '/usr/bin/chromium' : given

/** The browser's own version line, or its size and time when it cannot say (not executable). */
function version() {
  try {
    const line = execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      // a bound, not a pace: `--version` answers in well under a second
      timeout: 20_000,
    })
    const trimmed = line.trim()
    if (trimmed !== '') return trimmed
  } catch {
    // falls through to what the file itself says
  }
  const stats = statSync(path)
  return `${stats.size} bytes, modified ${stats.mtime.toISOString()}`
}

// what the browser tests look at (apps/docs/tests/support/chromium.ts): whether the file exists
process.stdout.write(`${existsSync(path) ? `${path} ${version()}` : 'absent'}\n`)
