// Adds up the vitest JSON reports of every package and app into one closing line, after the name
// of every test that failed (with the first line of its message) or did not run (skipped or
// todo), so that a run's last lines say which tests to look at.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

let passed = 0
let failed = 0
let skipped = 0
const reports = []
const notRun = []
const failures = []
for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue
  for (const name of readdirSync(group).sort()) {
    const file = join(group, name, 'test-results', 'vitest.json')
    if (!existsSync(file)) continue
    let report
    try {
      report = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      // a report cut short by a crash: its tests cannot be counted as passed
      reports.push(`${group}/${name}: unreadable report (${error.message})`)
      failed += 1
      continue
    }
    passed += report.numPassedTests
    failed += report.numFailedTests + (report.numRuntimeErrors ?? 0)
    skipped += report.numPendingTests + report.numTodoTests
    reports.push(
      `${group}/${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
    )
    for (const result of report.testResults ?? []) {
      // vitest writes absolute paths; from the repository's root they read the same anywhere
      const path = relative(process.cwd(), result.name)
      for (const test of result.assertionResults ?? []) {
        if (test.status === 'passed') continue
        const title = [...(test.ancestorTitles ?? []), test.title].join(' > ')
        if (test.status === 'failed') {
          failures.push(`failed: ${path} > ${title}`, `  ${firstLine(test.failureMessages)}`)
          continue
        }
        notRun.push(`${test.status === 'todo' ? 'todo' : 'skipped'}: ${path} > ${title}`)
      }
    }
  }
}
for (const line of reports) console.log(line)
for (const line of notRun) console.log(line)
for (const line of failures) console.log(line)
if (reports.length === 0) {
  console.log('no test reports found')
  failed += 1
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)

function firstLine(messages) {
  const text = String((messages ?? [])[0] ?? '(no message)')
  // stack traces and diffs follow the first line; 300 characters name the failure
  return text.split('\n')[0].slice(0, 300)
}
