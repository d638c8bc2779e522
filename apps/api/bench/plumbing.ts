/**
 * A plumbing library against the hand-written piece it replaced (or the reverse), in the same
 * run: the API at a base git ref (its `src` and
 * package.json put in `.bench-base`, beside the API's node_modules, through which its imports
 * resolve) and the current one, both started with the same environment, `POST /v1/evaluate`
 * loaded on each in interleaved rounds, in three setups: the defaults (log and limiter on), log
 * only and limiter only. A library is kept unless it costs more than 10 % of the route's
 * throughput against the hand-written piece. Prints the comparison and writes it to its section
 * of docs/benchmarks.md; `.bench-base` is deleted at the end. Takes about two minutes.
 *
 *   pnpm --filter @connect-policy/api bench:plumbing -- --base 8f0e9ab [--duration 10 --rounds 5 --warmup 3 --no-write]
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { seedBody, seedId } from './bodies.ts'
import {
  apiDirectory,
  combine,
  commonOptions,
  currentCommit,
  documentPath,
  eachRound,
  git,
  interleave,
  loadAverage,
  type Measured,
  markdownTable,
  measuredOn,
  number,
  onInterrupt,
  type Plumbing,
  type Probe,
  paceOf,
  percent,
  type Running,
  repositoryDirectory,
  roundRatios,
  scriptArguments,
  startApi,
  warmUp,
  withServers,
  writeSection,
} from './harness.ts'

const usage =
  'usage: bench:plumbing -- --base <git ref> --piece <name> --title <what is compared> [--library base|current] [--duration 10 --rounds 5 --warmup 3 --connections 50 --no-write]'
const { values } = parseArgs({
  args: scriptArguments(),
  options: {
    ...commonOptions,
    base: { type: 'string' },
    piece: { type: 'string' },
    title: { type: 'string' },
    library: { type: 'string', default: 'current' },
  },
})
if (
  values.base === undefined ||
  values.piece === undefined ||
  !/^[a-z0-9-]+$/.test(values.piece) ||
  values.title === undefined ||
  (values.library !== 'base' && values.library !== 'current')
) {
  console.error(usage)
  process.exit(2)
}
const baseRef = values.base
/** The piece compared, for its section of the document: `rate-limiter`. */
const piece = values.piece
const title = values.title
/** Which side holds the library: the other holds the hand-written piece. */
const librarySide: 'base' | 'current' = values.library
const pace = paceOf(values)
const slice = pace.duration / pace.rounds

/** Where the base's `src` and package.json go: inside the API, so its imports resolve. */
const baseDirectory = fileURLToPath(new URL('../.bench-base', import.meta.url))

/** Most of the route's throughput a library may cost against the hand-written piece. */
const maximumCost = 0.1

interface Setup {
  readonly name: string
  readonly plumbing: Plumbing
  /** What the setup turns on beyond what every request passes (body reading, request ids). */
  readonly turnsOn: string
}

const setups = {
  defaults: {
    name: 'defaults: log on, limiter on',
    plumbing: { logLevel: 'info', rateLimit: true },
    turnsOn: 'request log, rate limiter',
  },
  logOnly: {
    name: 'log only: limiter off',
    plumbing: { logLevel: 'info', rateLimit: false },
    turnsOn: 'request log',
  },
  limiterOnly: {
    name: 'limiter only: LOG_LEVEL=silent',
    plumbing: { logLevel: 'silent', rateLimit: true },
    turnsOn: 'rate limiter',
  },
} as const satisfies Record<string, Setup>
type SetupName = keyof typeof setups
const setupNames = Object.keys(setups) as SetupName[]

const evaluate = {
  name: 'POST /v1/evaluate',
  method: 'POST',
  path: '/v1/evaluate',
  body: seedBody(),
} as const

/** The base's commit, short; an error when `ref` names none. */
function commitOf(ref: string): string {
  return git(['rev-parse', '--short', '--verify', `${ref}^{commit}`])
}

/** The base's `src` and package.json in `.bench-base`, as `git archive | tar -x` gives them. */
function materialize(commit: string): void {
  rmSync(baseDirectory, { recursive: true, force: true })
  mkdirSync(baseDirectory, { recursive: true })
  const archive = execFileSync(
    'git',
    ['archive', commit, 'apps/api/src', 'apps/api/package.json'],
    { cwd: repositoryDirectory, maxBuffer: 1024 ** 3 },
  )
  execFileSync('tar', ['-x', '--strip-components=2', '-C', baseDirectory], { input: archive })
}

const removeBase = () => rmSync(baseDirectory, { recursive: true, force: true })

/** Fails loudly unless both servers decide the seed alike, with a 200. */
async function checkSameDecision(current: Running, base: Running): Promise<void> {
  const decide = async (server: Running) => {
    const response = await fetch(`${server.url}${evaluate.path}`, {
      method: evaluate.method,
      headers: { 'content-type': 'application/json' },
      body: evaluate.body,
    })
    const answer = (await response.json()) as { decision?: unknown }
    return `${response.status} ${String(answer.decision)}`
  }
  const [now, then] = [await decide(current), await decide(base)]
  if (now !== then || !now.startsWith('200 ')) {
    throw new Error(`the seed is decided \`${now}\` now and \`${then}\` at the base`)
  }
}

interface Compared {
  readonly setup: Setup
  readonly current: Measured
  readonly base: Measured
  readonly ratio: { readonly median: number; readonly rounds: readonly number[] }
}

async function measure(): Promise<Compared[]> {
  return withServers(async (keep) => {
    const probes: Record<string, Probe> = {}
    for (const name of setupNames) {
      const { plumbing } = setups[name]
      const current = await keep(startApi(`current, ${name}`, apiDirectory, plumbing))
      const base = await keep(startApi(`base, ${name}`, baseDirectory, plumbing))
      await checkSameDecision(current, base)
      // each pair next to each other in a round
      probes[`${name} current`] = {
        target: current,
        route: evaluate,
        connections: pace.connections,
      }
      probes[`${name} base`] = { target: base, route: evaluate, connections: pace.connections }
    }
    await warmUp(probes, pace.warmup)
    const slices = await interleave(probes, pace.rounds, slice)
    return setupNames.map((name): Compared => {
      const current = slices[`${name} current`] ?? []
      const base = slices[`${name} base`] ?? []
      return {
        setup: setups[name],
        current: combine(current),
        base: combine(base),
        ratio: roundRatios(current, base),
      }
    })
  })
}

/** What the library costs of the route's throughput against the hand-written piece. */
function libraryCost({ ratio }: Compared): number {
  return librarySide === 'current' ? 1 - ratio.median : 1 - 1 / ratio.median
}

function verdict(row: Compared): string {
  const cost = libraryCost(row)
  if (cost > maximumCost) {
    return `the library costs ${percent(cost)}: more than ${percent(maximumCost)}`
  }
  return cost >= 0
    ? `the library costs ${percent(cost)}`
    : `the library is ${percent(-cost)} faster`
}

function table(compared: readonly Compared[]): string {
  return markdownTable(
    [
      'setup',
      'turns on',
      'current req/s',
      'current p99 (ms)',
      'base req/s',
      'base p99 (ms)',
      'current / base',
      'each round',
      'verdict',
    ],
    compared.map((row) => [
      row.setup.name,
      row.setup.turnsOn,
      number(row.current.requestsPerSecond),
      number(row.current.p99, 2),
      number(row.base.requestsPerSecond),
      number(row.base.p99, 2),
      `**${percent(row.ratio.median)}**`,
      eachRound(row.ratio.rounds),
      verdict(row),
    ]),
    [2, 3, 4, 5, 6],
  )
}

const rule = `A library is kept unless it costs more than ${percent(maximumCost)} of the route's throughput against the hand-written piece, taken as the median of the rounds' ratios (current / base; the library is on the ${librarySide} side).`

/** The commits between the base and HEAD that touched the API's source, a short line each. */
function commitsBetween(base: string): string[] {
  const log = git(['log', '--no-decorate', '--format=%h %s', `${base}..HEAD`, '--', 'apps/api/src'])
  return log === ''
    ? []
    : log.split('\n').map((line) => (line.length > 110 ? `${line.slice(0, 109)}…` : line))
}

function section(
  compared: readonly Compared[],
  base: string,
  current: string,
  averageAfterRounds: number,
): string {
  const commits = commitsBetween(base)
  return `<!-- api-plumbing-${piece}:start -->
### ${title}

\`pnpm --filter @connect-policy/api bench:plumbing -- --base ${baseRef} --piece ${piece} --library ${librarySide}\`
puts the API's \`src\` and package.json at base commit ${base} in \`apps/api/.bench-base\`,
starts it and the current API (${current}) with the same environment, each in its own process
on loopback with its log written to nowhere, warms them up for ${pace.warmup} s and loads
\`POST /v1/evaluate\` (the corrected policy of \`${seedId}\`, one request) on each at
${pace.connections} connections with autocannon, in ${pace.rounds} interleaved rounds of
${number(slice, 1)} s a server (every other round in the reverse order). The limiter, when on,
has a limit no run reaches. Each ratio holds everything the two differ by in \`apps/api/src\`
(${commits.length === 0 ? `the base is not an ancestor of the current commit but a variant of it: “${git(['log', '-1', '--format=%s', base])}”` : `${commits.length} commits`}).

${rule}

${table(compared)}

${measuredOn(averageAfterRounds)}
<!-- api-plumbing-${piece}:end -->`
}

async function main(): Promise<void> {
  onInterrupt(removeBase)
  const base = commitOf(baseRef)
  const current = currentCommit()
  let compared: Compared[]
  let averageAfterRounds = 0
  try {
    materialize(base)
    compared = await measure()
  } finally {
    averageAfterRounds = loadAverage()
    removeBase()
  }
  const failed = compared.filter((row) => row.current.failures + row.base.failures > 0)
  if (failed.length > 0) {
    throw new Error(
      `errors or non-2xx in ${failed.map((row) => `${row.setup.name} (current ${row.current.failures}, base ${row.base.failures})`).join(', ')}`,
    )
  }
  process.stdout.write(
    `\n${title}\nbase ${base}, current ${current}\n${rule}\n\n${table(compared)}\n`,
  )
  if (pace.write) {
    await writeSection(
      {
        start: `<!-- api-plumbing-${piece}:start -->`,
        end: `<!-- api-plumbing-${piece}:end -->`,
        after: '<!-- api:end -->',
      },
      section(compared, base, current, averageAfterRounds),
    )
    process.stdout.write(`written to ${documentPath}\n`)
  }
}

await main()
