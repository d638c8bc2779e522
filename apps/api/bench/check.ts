/**
 * `pnpm bench:check`: compares the last `pnpm bench` run with the API's targets and says which
 * are met. Exits 1 when one is not, 2 when there is no run to check.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { checkTargets, describeOutcomes } from '@connect-policy/bench'
import { type ApiBenchResults, resultsPath } from './results.ts'
import { targets } from './targets.ts'

const text = await readFile(resultsPath, 'utf8').catch(() => undefined)
if (text === undefined) {
  console.error(`no results at ${fileURLToPath(resultsPath)}: run \`pnpm bench\` first`)
  process.exit(2)
}
const results = JSON.parse(text) as ApiBenchResults
const { pace } = results
console.log(
  `run of ${results.date} at ${results.commit} on ${results.machine}: ${pace.rounds} rounds of ${pace.duration / pace.rounds} s a probe`,
)
const outcomes = checkTargets(targets, results.metrics)
console.log(describeOutcomes(outcomes))
process.exitCode = outcomes.some((outcome) => !outcome.met) ? 1 : 0
