// Adds up the vitest JSON reports of every package and app into one closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

let passed = 0
let failed = 0
let skipped = 0
const reports = []
for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue
  for (const name of readdirSync(group)) {
    const file = join(group, name, 'test-results', 'vitest.json')
    if (!existsSync(file)) continue
    const report = JSON.parse(readFileSync(file, 'utf8'))
    passed += report.numPassedTests
    failed += report.numFailedTests + (report.numRuntimeErrors ?? 0)
    skipped += report.numPendingTests + report.numTodoTests
    reports.push(
      `${group}/${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
    )
  }
}
for (const line of reports) console.log(line)
if (reports.length === 0) {
  console.log('no test reports found')
  failed += 1
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
