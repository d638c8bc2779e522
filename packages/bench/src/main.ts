/**
 * `pnpm bench`: runs every benchmark of the performance issue, bounded in time (about two
 * minutes), prints each table, and writes the results to `results/latest.json` (or `--results`)
 * and, unless `--no-docs`, the core section of docs/benchmarks.md.
 *
 *   pnpm --filter @connect-policy/bench bench [-- --no-docs] [-- --only batch,parse]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { machine } from './harness/machine.ts'
import { renderSection, renderSuite } from './report/render-section.ts'
import type { BenchResults, SuiteOutcome } from './report/results.ts'
import { withSection } from './report/write-section.ts'
import { resultsPath } from './results-path.ts'
import { adversarialSuite } from './suites/adversarial.ts'
import { batchSuite } from './suites/batch.ts'
import { corpusSuite } from './suites/corpus.ts'
import { memorySuite } from './suites/memory.ts'
import { parseSuite } from './suites/parse.ts'
import { singleRequestSuites } from './suites/single-request.ts'

const documentPath = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url))

const suites: Record<string, () => SuiteOutcome[]> = {
  single: singleRequestSuites,
  batch: () => [batchSuite()],
  adversarial: () => [adversarialSuite()],
  corpus: () => [corpusSuite()],
  parse: () => [parseSuite()],
  memory: () => [memorySuite()],
}

const { values: options } = parseArgs({
  options: {
    'no-docs': { type: 'boolean', default: false },
    results: { type: 'string' },
    only: { type: 'string' },
  },
})
const chosen = options.only?.split(',') ?? Object.keys(suites)
const unknown = chosen.filter((name) => suites[name] === undefined)
if (unknown.length > 0) {
  console.error(`unknown suites: ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`)
  process.exit(2)
}

const started = performance.now()
const facts = machine()
const outcomes: SuiteOutcome[] = []
for (const name of chosen) {
  const suiteStart = performance.now()
  for (const outcome of suites[name]?.() ?? []) {
    outcomes.push(outcome)
    console.log(renderSuite(outcome.suite, outcomes.length))
  }
  console.log(`(${name}: ${((performance.now() - suiteStart) / 1000).toFixed(1)} s)\n`)
}
const results: BenchResults = {
  date: new Date().toISOString(),
  machine: facts,
  seconds: (performance.now() - started) / 1000,
  suites: outcomes.map((outcome) => outcome.suite),
  metrics: Object.assign({}, ...outcomes.map((outcome) => outcome.metrics)),
}
const section = renderSection(results)
console.log(section.slice(0, section.indexOf('### 1.')))
const target = options.results ?? fileURLToPath(resultsPath)
await mkdir(dirname(target), { recursive: true })
await writeFile(target, `${JSON.stringify(results, null, 2)}\n`)
console.log(`wrote ${target}`)
if (!options['no-docs']) {
  const document = await readFile(documentPath, 'utf8').catch(() => undefined)
  await writeFile(documentPath, withSection(document, section))
  console.log(`wrote ${documentPath}`)
}
