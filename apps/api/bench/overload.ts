/**
 * Overloads the API: hundreds of connections (500 unless told) on `POST /v1/evaluate` at once,
 * each sending its next request as soon as it has an answer, while a probe in a process of its own
 * opens a new connection to `/healthz` every 100 ms and times the answer, as a load balancer's
 * health check does. Reports what the load got (decisions, requests shed with 503 `overloaded`,
 * 503 `request-timeout`, client timeouts, errors) and the probe's latency (p50, p99, max)
 * before and during the load. Before the load, it probes `/healthz` the same way, on the API's
 * port and on `HEALTH_PORT`, while eight expensive requests are in flight (a batch of 100 against
 * 20 policies of 1,000 condition values each, eight connections sending one after another), and
 * holds the median to its target: the probes answer while the worker threads work, which the
 * unit tests assert as an order, and this measures as a time. Writes the run to its section of
 * docs/benchmarks.md.
 *
 *   pnpm --filter @connect-policy/api bench:overload [-- --connections 500 --duration 60 --busy 15 --body seed --no-write]
 *
 * `--body seed` is one explained decision of a documented policy; `batch` a batch of 100
 * requests of it; `heavy` a batch of 100 requests against 20 policies of 1,000 condition values
 * each (a few milliseconds a request: large but valid work).
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import { checkTargets, describeOutcome, type Target } from '@connect-policy/bench'
import autocannon from 'autocannon'
import { defaultConfig } from '../src/env.ts'
import { expensiveBatchBody } from '../src/testing/expensive.ts'
import { batchBody, seedBody, seedId } from './bodies.ts'
import {
  apiDirectory,
  currentCommit,
  documentPath,
  freePort,
  loadAverage,
  markdownTable,
  measuredOn,
  number,
  onInterrupt,
  percentile,
  scriptArguments,
  startApi,
  withServers,
  writeSection,
} from './harness.ts'

const { values } = parseArgs({
  args: scriptArguments(),
  options: {
    connections: { type: 'string', default: '500' },
    duration: { type: 'string', default: '60' },
    timeout: { type: 'string', default: '30' },
    idle: { type: 'string', default: '5' },
    busy: { type: 'string', default: '15' },
    body: { type: 'string', default: 'seed' },
    'queue-max': { type: 'string' },
    'delay-max': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
})

function positive(name: 'connections' | 'duration' | 'timeout' | 'idle' | 'busy'): number {
  const value = Number(values[name])
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`--${name} \`${values[name]}\`: must be a positive number`)
  }
  return value
}

const connections = Math.round(positive('connections'))
const duration = positive('duration')
/** Seconds autocannon waits for an answer before it counts a timeout and reconnects. */
const clientTimeout = positive('timeout')
/** Seconds the probe runs before the load, for its latency on an idle server. */
const idleSeconds = positive('idle')
/** Seconds of the probes while expensive requests are in flight. */
const busySeconds = positive('busy')
/** Expensive requests in flight while the probes are timed. */
const expensiveInFlight = 8
const defaults = defaultConfig()
/** The API's `REQUEST_TIMEOUT_MS`: a 503 sooner than it is a request shed, not timed out. */
const requestTimeoutMs = defaults.requestTimeoutMs
const probeEveryMs = 100

/** The API's settings the run changes from their defaults. */
const settings: Record<string, string> = {
  ...(values['queue-max'] === undefined ? {} : { POOL_QUEUE_MAX: values['queue-max'] }),
  ...(values['delay-max'] === undefined ? {} : { EVENT_LOOP_DELAY_MAX_MS: values['delay-max'] }),
}

const bodies = {
  seed: {
    text: () => seedBody(),
    words: `one request against the corrected policy of \`${seedId}\`, explained`,
  },
  batch: {
    text: () => batchBody(100),
    words: `a batch of 100 requests against the corrected policy of \`${seedId}\`, explain none`,
  },
  heavy: {
    text: () => JSON.stringify(expensiveBatchBody({ requests: 100 })),
    words:
      'a batch of 100 requests against 20 policies of 1,000 condition values each (large but valid work)',
  },
} as const
type BodyName = keyof typeof bodies
if (!Object.hasOwn(bodies, values.body)) {
  throw new Error(`--body \`${values.body}\`: must be one of ${Object.keys(bodies).join(', ')}`)
}
const bodyName = values.body as BodyName

/**
 * The probe, in a process of its own so that autocannon's work in this one does not delay it: a
 * GET of `/healthz` on a new connection every `every` ms, each timed from when it was due,
 * until its standard input closes; then it writes what it measured on its standard output.
 */
const probeSource = `
const http = require('node:http')
const [url, every, timeout] = process.argv.slice(1)
const target = new URL(url)
const results = []
let stopping = false
let inFlight = 0
const report = () => process.stdout.write(JSON.stringify(results))
function probe() {
  if (stopping) return
  const due = performance.now()
  inFlight++
  const done = (status) => {
    inFlight--
    results.push({ ms: performance.now() - due, status })
    if (stopping && inFlight === 0) report()
  }
  const request = http.get(
    { host: target.hostname, port: target.port, path: '/healthz', agent: false, timeout: Number(timeout) },
    (response) => {
      response.resume()
      response.on('end', () => done(response.statusCode))
    },
  )
  request.on('timeout', () => request.destroy(new Error('timeout')))
  request.on('error', () => done(0))
}
const timer = setInterval(probe, Number(every))
process.stdin.resume()
process.stdin.on('end', () => {
  stopping = true
  clearInterval(timer)
  if (inFlight === 0) report()
})
`

interface ProbeResult {
  readonly ms: number
  /** 0 when no answer came. */
  readonly status: number
}

/** Starts the probe; `stop` ends it and gives what it measured. */
function startProbe(url: string): { stop(): Promise<ProbeResult[]> } {
  const child = spawn(
    process.execPath,
    ['-e', probeSource, url, String(probeEveryMs), String(clientTimeout * 1000)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8')
  })
  return {
    stop: async () => {
      const exited = once(child, 'exit')
      child.stdin.end()
      await exited
      return JSON.parse(output) as ProbeResult[]
    },
  }
}

interface LoadOutcome {
  readonly seconds: number
  /** Answers by kind. */
  readonly ok: number
  readonly shed: number
  readonly timedOut: number
  readonly other: number
  /** autocannon's own: connections errors, and requests with no answer within the client timeout. */
  readonly errors: number
  readonly clientTimeouts: number
  /** autocannon's connections that got at least one answer. */
  readonly connectionsAnswered: number
  /** Milliseconds of the 2xx answers, ascending. */
  readonly okLatencies: readonly number[]
  /** Milliseconds of the answers shed, ascending. */
  readonly shedLatencies: readonly number[]
}

async function overload(
  url: string,
  body: string,
  load: { readonly connections: number; readonly duration: number } = { connections, duration },
): Promise<LoadOutcome> {
  let ok = 0
  let shed = 0
  let timedOut = 0
  let other = 0
  const okLatencies: number[] = []
  const shedLatencies: number[] = []
  const answeredClients = new Set<unknown>()
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/v1/evaluate`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections: load.connections,
        duration: load.duration,
        timeout: clientTimeout,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    )
    instance.on('response', (client, status, _bytes, milliseconds) => {
      answeredClients.add(client)
      if (status >= 200 && status < 300) {
        ok++
        okLatencies.push(milliseconds)
      } else if (status === 503 && milliseconds < requestTimeoutMs) {
        // the deadline's 503 comes at the deadline, never sooner: sooner, it was shed
        shed++
        shedLatencies.push(milliseconds)
      } else if (status === 503) {
        timedOut++
      } else {
        other++
      }
    })
  })
  okLatencies.sort((a, b) => a - b)
  shedLatencies.sort((a, b) => a - b)
  return {
    seconds: result.duration,
    ok,
    shed,
    timedOut,
    other,
    errors: result.errors,
    clientTimeouts: result.timeouts,
    connectionsAnswered: answeredClients.size,
    okLatencies,
    shedLatencies,
  }
}

interface ProbeFigures {
  readonly probes: number
  readonly answered: number
  readonly p50: number
  readonly p99: number
  readonly max: number
}

function figures(results: readonly ProbeResult[]): ProbeFigures {
  const answered = results.filter((result) => result.status === 200)
  const latencies = results.map((result) => result.ms).sort((a, b) => a - b)
  return {
    probes: results.length,
    answered: answered.length,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
  }
}

/** The figures the targets of this benchmark are about. */
type LivenessMetric = 'healthzP50WhileBusy' | 'ownHealthzP50WhileBusy'

const milliseconds = (value: number) => `${number(value, 1)} ms`

/**
 * A probe on a new connection is answered at once while expensive requests are in flight: their
 * work is on the worker threads, not on the event loop that answers the probe.
 */
const livenessTargets: readonly Target<LivenessMetric>[] = [
  {
    metric: 'healthzP50WhileBusy',
    description: `\`/healthz\` p50 on the API's port while ${expensiveInFlight} expensive requests are in flight`,
    direction: 'atMost',
    threshold: 50,
    format: milliseconds,
  },
  {
    metric: 'ownHealthzP50WhileBusy',
    description: `\`/healthz\` p50 on \`HEALTH_PORT\` while ${expensiveInFlight} expensive requests are in flight`,
    direction: 'atMost',
    threshold: 50,
    format: milliseconds,
  },
]

interface Run {
  /** The probes of the API's own port, and of the probes' own listener (`HEALTH_PORT`). */
  readonly idle: ProbeFigures
  readonly busy: ProbeFigures
  readonly busyOwn: ProbeFigures
  /** What the expensive requests got while the probes were timed. */
  readonly busyOutcome: LoadOutcome
  readonly loaded: ProbeFigures
  readonly idleOwn: ProbeFigures
  readonly loadedOwn: ProbeFigures
  readonly outcome: LoadOutcome
  readonly loadAverage: number
}

async function measure(): Promise<Run> {
  return withServers(async (keep) => {
    // one client address: any per-client limit would refuse nearly all of it, which is not
    // what is measured here
    const healthPort = await freePort()
    const server = await keep(
      startApi(
        'overload',
        apiDirectory,
        { logLevel: 'info', rateLimit: false },
        { ...settings, HEALTH_PORT: String(healthPort) },
      ),
    )
    const healthUrl = `http://127.0.0.1:${healthPort}`
    const body = bodies[bodyName].text()
    const check = await fetch(`${server.url}/v1/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    if (check.status !== 200) {
      throw new Error(`evaluate answered ${check.status}: ${(await check.text()).slice(0, 500)}`)
    }
    const idleProbes = [startProbe(server.url), startProbe(healthUrl)]
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000))
    const [idle, idleOwn] = await Promise.all(
      idleProbes.map(async (probe) => figures(await probe.stop())),
    )
    process.stdout.write(`probe while idle: p50 ${number(idle?.p50 ?? Number.NaN, 1)} ms\n`)
    process.stdout.write(
      `probing while ${expensiveInFlight} expensive requests are in flight for ${busySeconds} s\n`,
    )
    const busyProbes = [startProbe(server.url), startProbe(healthUrl)]
    const busyOutcome = await overload(server.url, bodies.heavy.text(), {
      connections: expensiveInFlight,
      duration: busySeconds,
    })
    const [busy, busyOwn] = await Promise.all(
      busyProbes.map(async (probe) => figures(await probe.stop())),
    )
    process.stdout.write(`loading ${connections} connections for ${duration} s\n`)
    const probes = [startProbe(server.url), startProbe(healthUrl)]
    const outcome = await overload(server.url, body)
    const [loaded, loadedOwn] = await Promise.all(
      probes.map(async (probe) => figures(await probe.stop())),
    )
    if (
      idle === undefined ||
      idleOwn === undefined ||
      busy === undefined ||
      busyOwn === undefined ||
      loaded === undefined ||
      loadedOwn === undefined
    ) {
      throw new Error('a probe measured nothing')
    }
    return {
      idle,
      busy,
      busyOwn,
      busyOutcome,
      loaded,
      idleOwn,
      loadedOwn,
      outcome,
      loadAverage: loadAverage(),
    }
  })
}

function probeTable(run: Run): string {
  const row = (name: string, probe: ProbeFigures) => [
    name,
    number(probe.probes),
    number(probe.answered),
    number(probe.p50, 1),
    number(probe.p99, 1),
    number(probe.max, 1),
  ]
  return markdownTable(
    [
      '`GET /healthz`, a new connection each',
      'probes',
      'answered 200',
      'p50 (ms)',
      'p99 (ms)',
      'max (ms)',
    ],
    [
      row(`API's port, idle (${idleSeconds} s before the load)`, run.idle),
      row(`API's port, ${expensiveInFlight} expensive requests in flight`, run.busy),
      row("API's port, during the load", run.loaded),
      row(`\`HEALTH_PORT\`, idle`, run.idleOwn),
      row(`\`HEALTH_PORT\`, ${expensiveInFlight} expensive requests in flight`, run.busyOwn),
      row('`HEALTH_PORT`, during the load', run.loadedOwn),
    ],
    [1, 2, 3, 4, 5],
  )
}

function loadTable(outcome: LoadOutcome): string {
  const answered = outcome.ok + outcome.shed + outcome.timedOut + outcome.other
  const perSecond = (count: number) => number(count / outcome.seconds)
  return markdownTable(
    ['what the load got', 'requests', 'per second', 'p50 (ms)', 'p99 (ms)'],
    [
      [
        '200, a decision',
        number(outcome.ok),
        perSecond(outcome.ok),
        number(percentile(outcome.okLatencies, 0.5), 1),
        number(percentile(outcome.okLatencies, 0.99), 1),
      ],
      [
        '503 `overloaded`, shed',
        number(outcome.shed),
        perSecond(outcome.shed),
        number(percentile(outcome.shedLatencies, 0.5), 1),
        number(percentile(outcome.shedLatencies, 0.99), 1),
      ],
      ['503 `request-timeout`', number(outcome.timedOut), perSecond(outcome.timedOut), '', ''],
      ['any other status', number(outcome.other), perSecond(outcome.other), '', ''],
      [
        `no answer within ${clientTimeout} s (client timeout)`,
        number(outcome.clientTimeouts),
        '',
        '',
        '',
      ],
      ['connection errors', number(outcome.errors), '', '', ''],
      [
        `connections answered at least once, of ${connections}`,
        number(outcome.connectionsAnswered),
        '',
        '',
        '',
      ],
      ['answered in all', number(answered), perSecond(answered), '', ''],
    ],
    [1, 2, 3, 4],
  )
}

/** The liveness targets against the run, a line each. */
function targetLines(run: Run): string[] {
  return checkTargets(livenessTargets, {
    healthzP50WhileBusy: run.busy.p50,
    ownHealthzP50WhileBusy: run.busyOwn.p50,
  }).map(describeOutcome)
}

/** What the expensive requests got while the probes were timed. */
function busyWords({ ok, shed, timedOut, other, seconds }: LoadOutcome): string {
  return `${number(ok)} answered 200, ${number(shed)} shed, ${number(timedOut)} \`request-timeout\` and ${number(other)} other in ${number(seconds)} s`
}

function section(run: Run, commit: string): string {
  return `<!-- api-overload:start -->
### API overload: ${connections} connections on \`POST /v1/evaluate\`, \`/healthz\` probed

\`pnpm --filter @connect-policy/api bench:overload -- --duration ${values.duration} --connections ${connections} --busy ${values.busy} --body ${bodyName}\`
started the API (${commit}) as \`pnpm start\` runs it, with its defaults (worker threads: one per
core, ${defaults.poolThreads} here; \`POOL_QUEUE_MAX\` ${settings.POOL_QUEUE_MAX ?? defaults.poolQueueMax}; \`EVENT_LOOP_DELAY_MAX_MS\` ${settings.EVENT_LOOP_DELAY_MAX_MS ?? defaults.eventLoopDelayMaxMs}; \`REQUEST_TIMEOUT_MS\`
${requestTimeoutMs}; the request log at \`info\`, written to nowhere) but for the rate limiter, off,
since every request comes from one address, and \`HEALTH_PORT\`, set to a free port. autocannon kept ${connections} connections busy on \`POST /v1/evaluate\`
(${bodies[bodyName].words}) for **${number(run.outcome.seconds)} s**, each sending its next
request as soon as it had an answer and giving up on one after ${clientTimeout} s. Meanwhile a probe
in a process of its own opened a new connection to \`/healthz\` every ${probeEveryMs} ms, timed from
when it was due, as a load balancer's health check does; it ran for ${idleSeconds} s before the
load as well, and for ${busySeconds} s before the load while ${expensiveInFlight} connections kept an expensive request
each in flight (${bodies.heavy.words}, one after another: ${busyWords(run.busyOutcome)}).
A 503 sooner than \`REQUEST_TIMEOUT_MS\` is counted as shed (\`overloaded\`): the
deadline's 503 never comes sooner.

How to read the probes: a new connection waits in the kernel's accept queue until the event loop
accepts it, and libuv (1.45 and later, in Node 20) accepts one connection per turn of the loop, so
a probe on a new connection to the API's port waits behind the load's own connections not yet
accepted, however little each turn does (the connections answered at least once say how many of
the load's got in). The same probe went to \`HEALTH_PORT\` too, the probes' own listener in a
thread of its own, which answers 200 while the event loop turns.

${loadTable(run.outcome)}

${probeTable(run)}

Targets: a probe is answered at once while expensive requests are in flight, since their work is
on the worker threads and not on the event loop that answers it (the unit tests assert this as an
order; the time is measured here):

${targetLines(run)
  .map((line) => `- ${line}`)
  .join('\n')}

${measuredOn(run.loadAverage)}
<!-- api-overload:end -->`
}

async function main(): Promise<void> {
  onInterrupt()
  const commit = currentCommit()
  const run = await measure()
  process.stdout.write(
    `\n${loadTable(run.outcome)}\n\n${probeTable(run)}\n\n${targetLines(run).join('\n')}\n`,
  )
  if (!values['no-write']) {
    await writeSection(
      {
        start: '<!-- api-overload:start -->',
        end: '<!-- api-overload:end -->',
        after: '<!-- api-soak:end -->',
      },
      section(run, commit),
    )
    process.stdout.write(`written to ${documentPath}\n`)
  }
}

await main()
