import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

/** The closing summary of CI, `.ci/summarize.mjs`, run in a folder of fixture reports. */
const script = fileURLToPath(new URL('../../../../.ci/summarize.mjs', import.meta.url))
const fixture = fileURLToPath(new URL('./fixtures/vitest-skipped.json', import.meta.url))

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** A checkout holding these reports (`<group>/<name>/test-results/vitest.json`). */
function checkout(reports: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'connect-policy-summary-'))
  folders.push(root)
  for (const [where, text] of Object.entries(reports)) {
    const file = join(root, where, 'test-results', 'vitest.json')
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text.replaceAll('<root>', root))
  }
  return root
}

function summarize(root: string) {
  const run = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8' })
  return { code: run.status, lines: run.stdout.trimEnd().split('\n'), stderr: run.stderr }
}

const skippedReport = readFileSync(fixture, 'utf8')
const passingReport = JSON.stringify({
  numPassedTests: 5,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  testResults: [],
})

describe('the closing summary', () => {
  it('names every test that did not run, file and full name, before its one closing line', () => {
    const root = checkout({ 'apps/docs': skippedReport, 'packages/core': passingReport })
    const { code, lines, stderr } = summarize(root)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(lines).toEqual([
      'packages/core: 5 passed, 0 failed',
      'apps/docs: 2 passed, 0 failed',
      'todo: apps/docs/src/env.test.ts > readEnv > reads a setting of a later version',
      'skipped: apps/docs/tests/site.browser.test.ts > the site in Chromium > has no console error on any page',
      "skipped: apps/docs/tests/site.browser.test.ts > the site in Chromium > dark mode > keeps the decision table's colours",
      "skipped: apps/docs/tests/site.browser.test.ts > the site in Chromium > fits a phone's width",
      '7 passed, 0 failed, 4 skipped',
    ])
  })

  it('names none when every test ran, and ends with the same one line', () => {
    const { code, lines } = summarize(checkout({ 'packages/core': passingReport }))
    expect(code).toBe(0)
    expect(lines).toEqual(['packages/core: 5 passed, 0 failed', '5 passed, 0 failed, 0 skipped'])
  })

  it('counts a report it cannot read as a failure, and exits 1', () => {
    const root = checkout({
      'apps/api': '{"numPassedTests": 3, "testR',
      'packages/core': passingReport,
    })
    const { code, lines } = summarize(root)
    expect(code).toBe(1)
    expect(lines.at(-1)).toBe('5 passed, 1 failed, 0 skipped')
    expect(lines.some((line) => line.startsWith('apps/api: unreadable report'))).toBe(true)
  })

  it('fails when there is no report at all', () => {
    const root = mkdtempSync(join(tmpdir(), 'connect-policy-summary-'))
    folders.push(root)
    copyFileSync(fixture, join(root, 'not-a-report.json'))
    const { code, lines } = summarize(root)
    expect(code).toBe(1)
    expect(lines).toEqual(['no test reports found', '0 passed, 1 failed, 0 skipped'])
  })
})
