import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runFuzz } from './fuzz.ts'
import { loadBases } from './inputs/bases.ts'
import { defaultCaseOptions } from './inputs/case-at.ts'
import { replayInput } from './replay.ts'
import { count } from './report/format.ts'
import { figures, renderSummary } from './report/summary.ts'
import { withSection } from './report/write-section.ts'

const usage = `usage: pnpm --filter @connect-policy/fuzz fuzz -- [options]

  --inputs N        inputs to run (default 10000)
  --seed N          seed of the inputs (default 1)
  --from N          index of the first input (default 0)
  --workers N       worker threads (default 1)
  --timeout-ms N    a call without an answer after N ms is a hang (default 2000)
  --slow-ms N       a call over N ms is slow (default 10)
  --max-seconds N   stop handing out inputs after N seconds
  --minimise-ms N   time to minimise each finding's input (default 2000; 0 keeps inputs whole)
  --max-scale N     the largest count a mutation or adversarial family repeats (default 20000)
  --corpus N        AWS managed policies to mutate (default all; 0 for the documented examples only)
  --findings DIR    where to write findings (default packages/fuzz/findings)
  --write           write the summary into docs/benchmarks.md (<!-- fuzz:start/end -->)
  --json            print the figures as JSON after the summary
  --replay N        run input N of the seed in this process and print what each call did`

const options = {
  inputs: { type: 'string', default: '10000' },
  seed: { type: 'string', default: '1' },
  from: { type: 'string', default: '0' },
  workers: { type: 'string', default: '1' },
  'timeout-ms': { type: 'string', default: '2000' },
  'slow-ms': { type: 'string', default: '10' },
  'max-seconds': { type: 'string' },
  'minimise-ms': { type: 'string', default: '2000' },
  'max-scale': { type: 'string' },
  corpus: { type: 'string' },
  findings: { type: 'string' },
  write: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  replay: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback
  const value = Number(text.replaceAll('_', ''))
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} takes a whole number, not \`${text}\``)
  return value
}

async function main(argv: string[]): Promise<number> {
  // `pnpm fuzz -- --inputs 5` hands the script its `--`
  const args = argv[0] === '--' ? argv.slice(1) : argv
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; args: string[] }>>
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: false })
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    return 2
  }
  const { values } = parsed
  if (values.help) {
    console.log(usage)
    return 0
  }
  const seed = integer('seed', values.seed, 1)
  const corpus =
    values.corpus === undefined ? Number.POSITIVE_INFINITY : integer('corpus', values.corpus, 0)
  if (values.replay !== undefined) {
    return replayInput(
      seed,
      integer('replay', values.replay, 0),
      loadBases(corpus),
      Number(values['slow-ms']),
    )
  }
  const root = fileURLToPath(new URL('../../../', import.meta.url))
  const settings = {
    seed,
    from: integer('from', values.from, 0),
    inputsAsked: integer('inputs', values.inputs, 10_000),
    workers: Math.max(1, integer('workers', values.workers, 1)),
    timeoutMs: integer('timeout-ms', values['timeout-ms'], 2000),
    slowMs: integer('slow-ms', values['slow-ms'], 10),
    maxSeconds:
      values['max-seconds'] === undefined
        ? Number.POSITIVE_INFINITY
        : integer('max-seconds', values['max-seconds'], 0),
  }
  const findingsDirectory =
    values.findings ?? fileURLToPath(new URL('../findings/', import.meta.url))
  let lastProgress = 0
  console.error(
    `reading the documented examples${corpus > 0 ? ' and the AWS managed policies' : ''}…`,
  )
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2)} at the start`
  const { result, bases, written } = await runFuzz({
    ...settings,
    inputs: settings.inputsAsked,
    minimiseMs: integer('minimise-ms', values['minimise-ms'], 2000),
    corpus,
    findingsDirectory,
    caseOptions: {
      ...defaultCaseOptions,
      maxScale: integer('max-scale', values['max-scale'], defaultCaseOptions.maxScale),
    },
    onProgress: (stats, elapsedMs) => {
      if (elapsedMs - lastProgress < 10_000) return
      lastProgress = elapsedMs
      const run = Object.values(stats.inputs).reduce((sum, value) => sum + (value ?? 0), 0)
      const found = Object.entries(stats.findings)
        .map(([kind, value]) => `${kind} ${count(value ?? 0)}`)
        .join(', ')
      console.error(
        `${count(elapsedMs / 1000)} s: ${count(run)} inputs (${count(run / (elapsedMs / 1000))}/s)${found ? `; ${found}` : ''}`,
      )
    },
  })
  const summary = renderSummary(result, {
    ...settings,
    corpus: bases.corpus,
    date: new Date().toISOString().slice(0, 10),
    machine,
  })
  console.log(summary)
  if (written.length > 0)
    console.log(`\n${written.length} findings written to ${findingsDirectory}`)
  const figure = figures(result)
  if (values.json) console.log(JSON.stringify(figure, null, 2))
  if (values.write) {
    const path = `${root}docs/benchmarks.md`
    let document: string | undefined
    try {
      document = readFileSync(path, 'utf8')
    } catch {
      document = undefined
    }
    const section = [
      '## Fuzzing: every exported entry point',
      '',
      "Written by `pnpm --filter @connect-policy/fuzz fuzz -- --write` (`packages/fuzz`): random inputs (core's fast-check arbitraries, any JSON, any value), real policies mutated (the documented examples and the AWS managed policies: characters flipped, inserted and deleted, keys removed, written twice and renamed, types swapped, deep nesting, huge strings and numbers, many wildcards, repeated `${`, long digit runs, many values, resources and statements) and adversarial families scaled from 1 to 20,000 repetitions, sent through every exported function of core, catalog (with the whole service reference) and samples, in worker threads that are terminated when a call hangs. A malformed policy (not JSON, or one `parsePolicy` reports an error for) is evaluated alone and beside a policy that allows everything, as a boundary, session policy, SCP, RCP or resource policy: it must never give Allow. Compiled and direct evaluation must decide alike. Each finding is saved with its input (minimised when a smaller one was found in 2 s) to `packages/fuzz/findings/`.",
      '',
      summary,
    ].join('\n')
    writeFileSync(path, withSection(document, section))
    console.log(`\nwritten to ${path}`)
  }
  return figure.crashes + figure.hangs + figure.malformedAllow + figure.mismatches > 0 ? 1 : 0
}

process.exitCode = await main(process.argv.slice(2))
