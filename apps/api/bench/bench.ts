/**
 * Loads the API on loopback with autocannon and holds it to its targets (bench/targets.ts).
 * Three setups of the API run at once, each in its own process: the defaults (request log and
 * rate limiter on), log on with the limiter off, and both off; beside them, bare Express 5 with
 * one route, in its own process. In interleaved rounds it loads `POST /v1/evaluate` (a documented
 * policy set, one request) on every setup and bare Express at 50 connections, `GET /healthz` on
 * every setup, the defaults and bare Express again at 10 connections, and batches of 1,000
 * requests at 1, 2 and 4 connections; then evaluate alone at fewer connections, and bare
 * node:http for scale. Prints the tables, what the log and the limiter cost and the targets;
 * writes the run to bench/results/latest.json (read by `bench:check`) and the API section of
 * docs/benchmarks.md. Takes about four minutes.
 *
 *   pnpm --filter @connect-policy/api bench [-- --duration 10 --rounds 5 --warmup 3 --no-write]
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checkTargets, describeCount, describeOutcome } from '@connect-policy/bench'
import { batchBody, batchSize, freshSeedBody, seedBody, seedId } from './bodies.ts'
import {
  apiDirectory,
  combine,
  commonOptions,
  cpuPerRequest,
  currentCommit,
  documentPath,
  eachRound,
  interleave,
  load,
  loadAverage,
  type Measured,
  machine,
  markdownTable,
  measuredOn,
  number,
  onInterrupt,
  optional,
  type Plumbing,
  type Probe,
  paceOf,
  percent,
  type RouteLoad,
  type Running,
  roundRatios,
  type Summary,
  scriptArguments,
  startApi,
  startBaseline,
  summary,
  today,
  warmUp,
  withServers,
  writeSection,
} from './harness.ts'
import type { ApiBenchResults, BatchFigure, RoundFigure } from './results.ts'
import { resultsPath } from './results.ts'
import { type Metrics, targets } from './targets.ts'

const { values } = parseArgs({ args: scriptArguments(), options: commonOptions })
const pace = paceOf(values)
/** Seconds each probe is loaded in one round. */
const slice = pace.duration / pace.rounds

const setups = {
  defaults: {
    name: 'defaults: log on, limiter on',
    plumbing: { logLevel: 'info', rateLimit: true },
  },
  logOn: { name: 'log on, limiter off', plumbing: { logLevel: 'info', rateLimit: false } },
  logOff: { name: 'log off, limiter off', plumbing: { logLevel: 'silent', rateLimit: false } },
} as const satisfies Record<string, { name: string; plumbing: Plumbing }>

const routes = {
  evaluate: { name: 'POST /v1/evaluate', method: 'POST', path: '/v1/evaluate', body: seedBody() },
  fresh: {
    name: 'POST /v1/evaluate, a new set each request',
    method: 'POST',
    path: '/v1/evaluate',
    body: freshSeedBody(),
  },
  batch: {
    name: `POST /v1/evaluate, ${number(batchSize)} requests, explain none`,
    method: 'POST',
    path: '/v1/evaluate',
    body: batchBody(),
  },
  healthz: { name: 'GET /healthz', method: 'GET', path: '/healthz' },
  root: { name: 'GET /', method: 'GET', path: '/' },
  sameAnswer: { name: 'POST /', method: 'POST', path: '/', body: seedBody() },
} satisfies Record<string, RouteLoad>

/** The connections of the latency target. */
const latencyConnections = 10
/** The target's connections for the throughput against bare Express. */
const throughputConnections = 50
const batchConnections = [1, 2, 4] as const
/** Evaluate alone after the rounds, at fewer connections than the main load's. */
const sweepConnections = [1, 2, 5, 25].filter((inFlight) => inFlight < pace.connections)

/** Fails loudly unless a batch is answered with a decision for every request. */
async function checkBatchAnswer(server: Running): Promise<void> {
  const response = await fetch(`${server.url}${routes.batch.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: routes.batch.body,
  })
  const answer = (await response.json()) as { results?: { decision?: unknown }[] }
  const decided = answer.results?.filter((result) => typeof result.decision === 'string').length
  if (response.status !== 200 || decided !== batchSize) {
    throw new Error(
      `a batch of ${batchSize} got ${response.status} with ${decided ?? 'no'} decisions: ${JSON.stringify(answer).slice(0, 500)}`,
    )
  }
}

/** The text the API answers to the evaluate probe's body, checked to be a decision. */
async function evaluateAnswer(server: Running): Promise<string> {
  const response = await fetch(`${server.url}${routes.evaluate.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: routes.evaluate.body,
  })
  const text = await response.text()
  if (response.status !== 200 || !text.includes('"decision"')) {
    throw new Error(`evaluate answered ${response.status}: ${text.slice(0, 500)}`)
  }
  return text
}

function probesOf(servers: {
  readonly defaults: Running
  readonly logOn: Running
  readonly logOff: Running
  readonly express: Running
  readonly sameAnswer: Running
}) {
  const at = (target: Running, route: RouteLoad, connections = pace.connections): Probe => ({
    target,
    route,
    connections,
  })
  return {
    // the pairs compared are next to each other: express and defaults, defaults and log on, log
    // on and log off
    express: at(servers.express, routes.root),
    evaluate: at(servers.defaults, routes.evaluate),
    sameAnswer: at(servers.sameAnswer, routes.sameAnswer),
    logOnEvaluate: at(servers.logOn, routes.evaluate),
    logOffEvaluate: at(servers.logOff, routes.evaluate),
    logOnFresh: at(servers.logOn, routes.fresh),
    defaultsHealthz: at(servers.defaults, routes.healthz),
    logOnHealthz: at(servers.logOn, routes.healthz),
    logOffHealthz: at(servers.logOff, routes.healthz),
    expressAt10: at(servers.express, routes.root, latencyConnections),
    evaluateAt10: at(servers.defaults, routes.evaluate, latencyConnections),
    batch1: at(servers.defaults, routes.batch, 1),
    batch2: at(servers.defaults, routes.batch, 2),
    batch4: at(servers.defaults, routes.batch, 4),
  } satisfies Record<string, Probe>
}
type ProbeName = keyof ReturnType<typeof probesOf>

/** Each setup's probes of evaluate and `/healthz` at the main load's connections. */
const probesOfSetup = {
  defaults: { evaluate: 'evaluate', healthz: 'defaultsHealthz' },
  logOn: { evaluate: 'logOnEvaluate', healthz: 'logOnHealthz' },
  logOff: { evaluate: 'logOffEvaluate', healthz: 'logOffHealthz' },
} as const satisfies Record<keyof typeof setups, { evaluate: ProbeName; healthz: ProbeName }>
const setupNames = Object.keys(setups) as (keyof typeof setups)[]

interface Run {
  readonly combined: Record<ProbeName, Measured>
  readonly ratios: ApiBenchResults['ratios']
  readonly healthzRatios: Record<keyof typeof setups, RoundFigure>
  readonly batch: readonly BatchFigure[]
  readonly sweep: readonly Measured[]
  readonly nodeHttp: Measured
  readonly loadAverage: number
  /** The bytes of evaluate's answer, which the same-answer baseline sends. */
  readonly answerBytes: number
}

async function measure(): Promise<Run> {
  return withServers(async (keep) => {
    const servers = {
      defaults: await keep(startApi(setups.defaults.name, apiDirectory, setups.defaults.plumbing)),
      logOn: await keep(startApi(setups.logOn.name, apiDirectory, setups.logOn.plumbing)),
      logOff: await keep(startApi(setups.logOff.name, apiDirectory, setups.logOff.plumbing)),
      express: await keep(startBaseline('bare Express 5')),
    }
    await checkBatchAnswer(servers.defaults)
    const answer = await evaluateAnswer(servers.defaults)
    const withSameAnswer = {
      ...servers,
      sameAnswer: await keep(startBaseline('bare Express 5, the same answer', { ANSWER: answer })),
    }
    const probes = probesOf(withSameAnswer)
    await warmUp(probes, pace.warmup)
    const slices = await interleave(probes, pace.rounds, slice)
    const averageAfterRounds = loadAverage()
    const combined = Object.fromEntries(
      Object.entries(slices).map(([name, list]) => [name, combine(list)]),
    ) as Record<ProbeName, Measured>

    const batch = batchConnections.map((connections): BatchFigure => {
      const measured = combined[`batch${connections}`]
      if (measured.failures > 0) {
        throw new Error(
          `batches at ${connections} connections: ${measured.failures} errors or non-2xx of ${measured.requests} calls`,
        )
      }
      return {
        connections,
        callsPerSecond: measured.requestsPerSecond,
        decisionsPerSecond: measured.requestsPerSecond * batchSize,
        p99: measured.p99,
      }
    })

    const sweep: Measured[] = []
    for (const connections of sweepConnections) {
      sweep.push(await load({ ...probes.evaluate, connections }, slice))
    }
    const node = await keep(startBaseline('bare node:http'))
    const nodeProbe = { target: node, route: routes.root, connections: pace.connections }
    await load(nodeProbe, pace.warmup)
    const nodeHttp = await load(nodeProbe, pace.duration)

    return {
      combined,
      ratios: {
        evaluateOfExpress: roundRatios(slices.evaluate, slices.express),
        p99OverExpress: roundRatios(slices.evaluateAt10, slices.expressAt10, (m) => m.p99),
        evaluateOfSameAnswer: roundRatios(slices.evaluate, slices.sameAnswer),
        logOnOfLogOff: roundRatios(slices.logOnEvaluate, slices.logOffEvaluate),
        limiterOnOfOff: roundRatios(slices.evaluate, slices.logOnEvaluate),
      },
      healthzRatios: Object.fromEntries(
        setupNames.map((name) => {
          const { evaluate, healthz } = probesOfSetup[name]
          return [name, roundRatios(slices[evaluate], slices[healthz])]
        }),
      ) as Record<keyof typeof setups, RoundFigure>,
      batch,
      sweep,
      nodeHttp,
      loadAverage: averageAfterRounds,
      answerBytes: Buffer.byteLength(answer),
    }
  })
}

function metricsOf(run: Run): Metrics {
  const best = Math.max(...run.batch.map((figure) => figure.decisionsPerSecond))
  return {
    // measured at other connections, the throughput target is not measured
    ...(pace.connections === throughputConnections
      ? { evaluateThroughputOfExpress: run.ratios.evaluateOfExpress.median }
      : {}),
    evaluateP99OverExpress: run.ratios.p99OverExpress.median,
    batchDecisionsPerSecond: best,
  }
}

const milliseconds = (value: number) => number(value, 2)

function setupsTable({ combined }: Run): string {
  const row = (setup: string, measured: Summary) => [
    setup,
    `\`${measured.route}\``,
    number(measured.requestsPerSecond),
    milliseconds(measured.p50),
    milliseconds(measured.p99),
    optional(cpuPerRequest(measured)),
    String(measured.failures),
  ]
  return markdownTable(
    [
      'setup',
      'route',
      'req/s',
      'p50 (ms)',
      'p99 (ms)',
      'server CPU per request (µs)',
      'errors and non-2xx',
    ],
    [
      row(setups.defaults.name, combined.evaluate),
      row(setups.defaults.name, combined.defaultsHealthz),
      row(setups.logOn.name, combined.logOnEvaluate),
      row(setups.logOn.name, combined.logOnFresh),
      row(setups.logOn.name, combined.logOnHealthz),
      row(setups.logOff.name, combined.logOffEvaluate),
      row(setups.logOff.name, combined.logOffHealthz),
      row('bare Express 5, one route', combined.express),
      row('bare Express 5, the same body and answer', combined.sameAnswer),
    ],
    [2, 3, 4, 5, 6],
  )
}

/**
 * Latency as requests in flight grow. With `n` requests always in flight and `x` answered a
 * second, each waits `n / x` seconds on average (Little's law): the last column, to hold against
 * the measured p50.
 */
function latencyTable(run: Run): string {
  const { combined } = run
  const row = (server: string, measured: Summary) => [
    server,
    String(measured.connections),
    number(measured.requestsPerSecond),
    milliseconds(measured.p50),
    milliseconds(measured.p99),
    number((measured.connections / measured.requestsPerSecond) * 1000, 2),
  ]
  const evaluate = [...run.sweep, combined.evaluateAt10, combined.evaluate].sort(
    (a, b) => a.connections - b.connections,
  )
  return markdownTable(
    ['server', 'connections', 'req/s', 'p50 (ms)', 'p99 (ms)', 'connections ÷ req/s (ms)'],
    [
      ...evaluate.map((measured) =>
        row(`\`POST /v1/evaluate\`, ${setups.defaults.name}`, measured),
      ),
      row('bare Express 5, one route', combined.expressAt10),
      row('bare Express 5, one route', combined.express),
    ],
    [1, 2, 3, 4, 5],
  )
}

function batchTable(run: Run): string {
  return markdownTable(
    ['connections', 'calls/s', 'decisions/s', 'p50 (ms)', 'p99 (ms)', 'errors and non-2xx'],
    run.batch.map((figure) => {
      const measured = run.combined[`batch${figure.connections}` as ProbeName]
      return [
        String(figure.connections),
        number(figure.callsPerSecond, 1),
        number(figure.decisionsPerSecond),
        milliseconds(measured.p50),
        milliseconds(measured.p99),
        String(measured.failures),
      ]
    }),
    [0, 1, 2, 3, 4, 5],
  )
}

/** What the request log and the rate limiter cost, and how evaluate compares with `/healthz`. */
function costWords(run: Run): string[] {
  const cost = (figure: RoundFigure) =>
    `**${percent(1 - figure.median)}** of evaluate's throughput (on over off, the median of the rounds' ratios: ${percent(figure.median)}; each round: ${eachRound(figure.rounds)})`
  const healthz = (name: keyof typeof setups) => {
    const evaluateCpu = cpuPerRequest(run.combined[probesOfSetup[name].evaluate])
    const healthzCpu = cpuPerRequest(run.combined[probesOfSetup[name].healthz])
    const cpu =
      evaluateCpu === undefined || healthzCpu === undefined
        ? ''
        : `; by the server's CPU time, an evaluate call costs ${number(evaluateCpu)} µs against ${number(healthzCpu)} µs`
    return `${setups[name].name}: evaluate at ${percent(run.healthzRatios[name].median)} of \`GET /healthz\`'s throughput (each round: ${eachRound(run.healthzRatios[name].rounds)})${cpu}`
  }
  const same = run.ratios.evaluateOfSameAnswer
  return [
    `bare Express 5 reading the same body and sending the same answer (${number(run.answerBytes)} bytes, written as the API writes it), deciding nothing: evaluate reaches **${percent(same.median)}** of its throughput (each round: ${eachRound(same.rounds)}): what is left between this baseline and bare Express with one route is what reading such a body and sending such an answer cost any Express app`,
    `log off vs log on (limiter off): the request log costs ${cost(run.ratios.logOnOfLogOff)}`,
    `limiter off vs on (log on): the rate limiter (express-rate-limit) costs ${cost(run.ratios.limiterOnOfOff)}`,
    ...setupNames.map(healthz),
  ]
}

function targetWords(run: Run, metrics: Metrics): string[] {
  const rounds: Partial<Record<keyof Metrics, string>> = {
    evaluateThroughputOfExpress: `each round: ${eachRound(run.ratios.evaluateOfExpress.rounds)}`,
    evaluateP99OverExpress: `each round: ${run.ratios.p99OverExpress.rounds.map((ratio) => `×${number(ratio, 2)}`).join(', ')}`,
    batchDecisionsPerSecond: `at ${run.batch.map((figure) => figure.connections).join(', ')} connections: ${run.batch.map((figure) => `${number(figure.decisionsPerSecond)}/s`).join(', ')}`,
  }
  return checkTargets(targets, metrics).map((outcome) => {
    const detail = rounds[outcome.target.metric]
    return `${describeOutcome(outcome)}${detail === undefined ? '' : `; ${detail}`}`
  })
}

function baselineWords(run: Run): string {
  const { nodeHttp } = run
  return `For scale, at ${pace.connections} connections on the same machine, after the rounds: Node's own \`http\` server with nothing on it answers ${number(nodeHttp.requestsPerSecond)} req/s, p50 ${milliseconds(nodeHttp.p50)} ms and p99 ${milliseconds(nodeHttp.p99)} ms (errors and non-2xx: ${nodeHttp.failures}).`
}

function section(run: Run, metrics: Metrics, results: ApiBenchResults): string {
  const list = (lines: readonly string[]) => lines.map((line) => `- ${line}`).join('\n')
  return `<!-- api:start -->
## API (\`apps/api\`)

\`pnpm --filter @connect-policy/api bench\` starts three setups of the server as \`pnpm start\`
does (child processes on loopback, their logs written to nowhere) and, beside them, bare Express 5
with one route in its own process; waits for \`/readyz\`, warms each route up for ${pace.warmup} s,
then loads them with autocannon in ${pace.rounds} interleaved rounds of ${number(slice, 1)} s a probe
(every other round in the reverse order), so that what is compared meets the same machine. The
ratios are the medians of the rounds' ratios; p50 and p99 are taken over every response's own time.
\`POST /v1/evaluate\` posts the corrected policy of the documented example \`${seedId}\` and one
\`connect:CreateUser\` request (explained, the default); the batch posts the same policy with
${number(batchSize)} requests, the example's documented ones in turn, and \`"explain": "none"\`.
The same set on every request is compiled once and kept (\`COMPILED_SET_CACHE_BYTES\`); the row
*a new set each request* defeats that cache and shows the cost of compiling on every call.
*Server CPU per request* is the server process's user and system time (all its threads, read from
\`/proc\`) over the requests it answered: unlike throughput, it does not move when autocannon,
which shares the cores, takes more of them.

### Targets

Checked by \`pnpm --filter @connect-policy/api bench:check\`, which reads the run from
\`apps/api/bench/results/latest.json\`.

${list(targetWords(run, metrics))}

### Setups at ${pace.connections} connections

The setups differ by the request log and the rate limiter (express-rate-limit, on with
a limit no run reaches; \`/healthz\` is never limited), so they show what each costs:

${setupsTable(run)}

${list(costWords(run))}

### Latency as requests in flight grow

\`POST /v1/evaluate\` in the defaults setup: at 10 and ${pace.connections} connections in the
rounds, at the others alone after them. Latency is mostly time spent queueing behind the requests
in flight, as the last column (Little's law) shows.

${latencyTable(run)}

### Batches

One call decides ${number(batchSize)} requests; decisions per second are answered calls × ${number(batchSize)} over the seconds.

${batchTable(run)}

${baselineWords(run)}

Commit ${results.commit}. ${measuredOn(results.loadAverage)}
<!-- api:end -->`
}

async function main(): Promise<void> {
  onInterrupt()
  const run = await measure()
  const metrics = metricsOf(run)
  const results: ApiBenchResults = {
    date: today(),
    commit: currentCommit(),
    machine: machine(),
    loadAverage: run.loadAverage,
    pace: {
      duration: pace.duration,
      warmup: pace.warmup,
      connections: pace.connections,
      rounds: pace.rounds,
    },
    metrics,
    ratios: run.ratios,
    batch: run.batch,
    measured: [...Object.values(run.combined), ...run.sweep, run.nodeHttp].map(summary),
  }
  process.stdout.write(
    [
      '',
      setupsTable(run),
      '',
      ...costWords(run),
      '',
      latencyTable(run),
      '',
      batchTable(run),
      '',
      baselineWords(run),
      '',
      ...targetWords(run, metrics),
      describeCount(checkTargets(targets, metrics)),
      '',
    ].join('\n'),
  )
  await mkdir(new URL('.', resultsPath), { recursive: true })
  await writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`)
  process.stdout.write(`written to ${fileURLToPath(resultsPath)}\n`)
  if (pace.write) {
    await writeSection(
      { start: '<!-- api:start -->', end: '<!-- api:end -->' },
      section(run, metrics, results),
    )
    process.stdout.write(`written to ${documentPath}\n`)
  }
}

await main()
