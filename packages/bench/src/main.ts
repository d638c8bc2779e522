/**
 * `pnpm bench`: runs every benchmark of the performance issue, bounded in time (about two
 * minutes), prints each table, and writes the results to `results/latest.json` (or `--results`)
 * and, unless `--no-docs`, the core section of docs/benchmarks.md. The adversarial growth
 * families (`growth`, also `bench:adversarial`) go to `results/growth.json` and their own section.
 *
 *   pnpm --filter @connect-policy/bench bench [-- --no-docs] [-- --only batch,parse,growth]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { machine } from './harness/machine.ts'
import { renderGrowthSection } from './report/render-growth.ts'
import { renderSection, renderSuite } from './report/render-section.ts'
import type { BenchResults, GrowthResults, SuiteOutcome } from './report/results.ts'
import { withSection } from './report/write-section.ts'
import { growthResultsPath, resultsPath } from './results-path.ts'
import { adversarialSuite } from './suites/adversarial.ts'
import { analysisSuite } from './suites/analysis.ts'
import { batchSuite } from './suites/batch.ts'
import { corpusSuite } from './suites/corpus.ts'
import { growthRows } from './suites/growth.ts'
import { memorySuite } from './suites/memory.ts'
import { parseSuite } from './suites/parse.ts'
import { singleRequestSuites } from './suites/single-request.ts'
import { sourcesSuite } from './suites/sources.ts'

const documentPath = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url))

const suites: Record<string, () => SuiteOutcome[]> = {
  single: singleRequestSuites,
  batch: () => [batchSuite()],
  adversarial: () => [adversarialSuite()],
  corpus: () => [corpusSuite()],
  parse: () => [parseSuite()],
  memory: () => [memorySuite()],
  analysis: () => [analysisSuite()],
  sources: () => [sourcesSuite()],
}

const { values: options } = parseArgs({
  options: {
    'no-docs': { type: 'boolean', default: false },
    results: { type: 'string' },
    only: { type: 'string' },
  },
})
const known = [...Object.keys(suites), 'growth']
const chosen = options.only?.split(',') ?? known
const unknown = chosen.filter((name) => !known.includes(name))
if (unknown.length > 0) {
  console.error(`unknown suites: ${unknown.join(', ')}; known: ${known.join(', ')}`)
  process.exit(2)
}
const document = async () => await readFile(documentPath, 'utf8').catch(() => undefined)

const started = performance.now()
const facts = machine()
const outcomes: SuiteOutcome[] = []
for (const name of chosen.filter((name) => name !== 'growth')) {
  const suiteStart = performance.now()
  for (const outcome of suites[name]?.() ?? []) {
    outcomes.push(outcome)
    console.log(renderSuite(outcome.suite, outcomes.length))
  }
  console.log(`(${name}: ${((performance.now() - suiteStart) / 1000).toFixed(1)} s)\n`)
}
if (outcomes.length > 0) {
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
    await writeFile(documentPath, withSection(await document(), section))
    console.log(`wrote ${documentPath}`)
  }
}

if (chosen.includes('growth')) {
  const growthStart = performance.now()
  const growthFacts = machine()
  const rows = growthRows([], (row) =>
    console.log(
      `${row.id}: ${row.sizes.join(' / ')} ${row.unit}: ${row.medians.map((median) => `${median.toFixed(1)} ms`).join(' / ')}, 4n/n ×${row.ratio.toFixed(2)}`,
    ),
  )
  const results: GrowthResults = {
    date: new Date().toISOString(),
    machine: growthFacts,
    seconds: (performance.now() - growthStart) / 1000,
    rows,
  }
  const section = renderGrowthSection(results)
  console.log(`\n${section}\n`)
  const target = fileURLToPath(growthResultsPath)
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`wrote ${target}`)
  if (!options['no-docs']) {
    await writeFile(documentPath, withSection(await document(), section, 'growth'))
    console.log(`wrote ${documentPath}`)
  }
}
