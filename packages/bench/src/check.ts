/**
 * `pnpm bench:check`: compares the last `pnpm bench` run with the targets of the performance
 * issue and says which are met. Exits 1 when one is not, 2 when there is no run to check.
 * Timing thresholds live here and not in unit tests: the machines are shared and noisy.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { checkGrowth, growthCpuLimitMs, growthRatioLimit } from './growth-targets.ts'
import { formatRatio } from './report/format.ts'
import type { BenchResults, GrowthResults } from './report/results.ts'
import { growthResultsPath, resultsPath } from './results-path.ts'
import { checkTargets, describeOutcome } from './target-check.ts'
import { targets } from './targets.ts'

const text = await readFile(resultsPath, 'utf8').catch(() => undefined)
if (text === undefined) {
  console.error(`no results at ${fileURLToPath(resultsPath)}: run \`pnpm bench\` first`)
  process.exit(2)
}
const results = JSON.parse(text) as BenchResults
console.log(`run of ${results.date} on ${results.machine.cpu}, Node ${results.machine.node}`)
const outcomes = checkTargets(targets, results.metrics)
for (const outcome of outcomes) console.log(describeOutcome(outcome))
// the adversarial families: each one's time at 4n over its time at n
const growthText = await readFile(growthResultsPath, 'utf8').catch(() => undefined)
const growth = growthText === undefined ? undefined : (JSON.parse(growthText) as GrowthResults)
if (growth === undefined) {
  console.log(
    `no growth run at ${fileURLToPath(growthResultsPath)}: run \`pnpm bench\` or \`pnpm --filter @connect-policy/bench bench:adversarial\``,
  )
} else {
  console.log(`growth run of ${growth.date} on ${growth.machine.cpu}, Node ${growth.machine.node}`)
}
const growthOutcomes = checkGrowth(growth?.rows ?? [])
for (const { id, row, ratioMet, cpuMet } of growthOutcomes) {
  const name = row === undefined ? id : `${row.title} (${row.operation})`
  const measured = row === undefined ? 'not measured' : formatRatio(row.ratio)
  console.log(
    `${ratioMet ? 'met    ' : 'NOT MET'}  growth of ${name} from n to 4n: ${measured} (target ≤ ${formatRatio(growthRatioLimit)})`,
  )
  const cpuAt4n = row?.cpuMedians?.at(-1)
  const cpu =
    row?.refused?.at(-1) === true
      ? 'refused up front'
      : cpuAt4n === undefined
        ? 'not measured'
        : `${cpuAt4n.toFixed(1)} ms`
  console.log(
    `${cpuMet ? 'met    ' : 'NOT MET'}  CPU time of ${name} at 4n: ${cpu} (target ≤ ${growthCpuLimitMs} ms, or refused up front)`,
  )
}
const all = [
  ...outcomes,
  ...growthOutcomes.flatMap((outcome) => [{ met: outcome.ratioMet }, { met: outcome.cpuMet }]),
]
const missed = all.filter((outcome) => !outcome.met).length
console.log(`${all.length - missed} of ${all.length} targets met`)
process.exitCode = missed > 0 ? 1 : 0
