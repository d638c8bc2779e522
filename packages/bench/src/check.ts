/**
 * `pnpm bench:check`: compares the last `pnpm bench` run with the targets of the performance
 * issue and says which are met. Exits 1 when one is not, 2 when there is no run to check.
 * Timing thresholds live here and not in unit tests: the machines are shared and noisy.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { BenchResults } from './report/results.ts'
import { resultsPath } from './results-path.ts'
import { checkTargets, describeThreshold } from './targets.ts'

const text = await readFile(resultsPath, 'utf8').catch(() => undefined)
if (text === undefined) {
  console.error(`no results at ${fileURLToPath(resultsPath)}: run \`pnpm bench\` first`)
  process.exit(2)
}
const results = JSON.parse(text) as BenchResults
console.log(`run of ${results.date} on ${results.machine.cpu}, Node ${results.machine.node}`)
const outcomes = checkTargets(results.metrics)
for (const { target, value, met } of outcomes) {
  const measured = value === undefined ? 'not measured' : target.format(value)
  console.log(
    `${met ? 'met    ' : 'NOT MET'}  ${target.description}: ${measured} (target ${describeThreshold(target)})`,
  )
}
const missed = outcomes.filter((outcome) => !outcome.met).length
console.log(`${outcomes.length - missed} of ${outcomes.length} targets met`)
process.exitCode = missed > 0 ? 1 : 0
