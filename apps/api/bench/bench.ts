/**
 * Loads the API on loopback with autocannon: `POST /v1/evaluate` (a documented policy set, one
 * request) and `GET /healthz` (the trivial route), after a warm-up, in three setups: request log
 * on and off with the rate limiter off (both routes then pass the same middleware), and the
 * defaults (log and limiter on), then bare node:http for scale. Prints req/s and p50/p99 latency
 * of each route and their ratio, and writes them to the API section of docs/benchmarks.md. Takes
 * about three minutes.
 *
 *   pnpm --filter @connect-policy/api bench [-- --duration 10 --connections 50 --no-write]
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { samples } from '@connect-policy/samples'
import autocannon from 'autocannon'

const apiDirectory = fileURLToPath(new URL('..', import.meta.url))
const documentPath = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url))
const startMarker = '<!-- api:start -->'
const endMarker = '<!-- api:end -->'

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '5' },
    'no-write': { type: 'boolean', default: false },
  },
})
const duration = Number(options.duration)
const warmup = Number(options.warmup)
const connections = Number(options.connections)
const rounds = Number(options.rounds)

const seedId = 'create-user-deny-security-profile'

/** The seed: the corrected policy of a documented example and one of its requests. */
function seed() {
  const sample = samples.find((candidate) => candidate.id === seedId)
  const expectation = sample?.expectations.find((candidate) => candidate.documented === 'Allow')
  if (sample?.corrected === undefined || expectation === undefined) {
    throw new Error(`the seed sample \`${seedId}\` has changed`)
  }
  return { policy: sample.corrected, request: expectation.request }
}

function seedBody(): string {
  const { policy, request } = seed()
  return JSON.stringify({ policies: { identityPolicies: [policy] }, request })
}

/** The seed with a policy set no earlier request had: every request compiles its set. */
function freshSeedBody(): () => string {
  const { policy, request } = seed()
  let count = 0
  return () => {
    count++
    const fresh = policy.replace('"Statement": [', `"Id": "bench-${count}", "Statement": [`)
    return JSON.stringify({ policies: { identityPolicies: [fresh] }, request })
  }
}

async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const giveUp = Date.now() + 60_000
  while (Date.now() < giveUp) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('the server was not ready within 60 s')
}

interface Setup {
  readonly name: string
  readonly logLevel: 'info' | 'silent'
  readonly rateLimit: boolean
  /** Also load evaluate with a new policy set on every request. */
  readonly fresh: boolean
  /** Also load evaluate at fewer connections, to show how latency grows with requests in flight. */
  readonly sweep: boolean
}

const setups: readonly Setup[] = [
  { name: 'log on, limiter off', logLevel: 'info', rateLimit: false, fresh: true, sweep: false },
  {
    name: 'log off, limiter off',
    logLevel: 'silent',
    rateLimit: false,
    fresh: false,
    sweep: false,
  },
  {
    name: 'defaults: log on, limiter on',
    logLevel: 'info',
    rateLimit: true,
    fresh: false,
    sweep: true,
  },
]

/** The server as `pnpm start` runs it, its log thrown away rather than read by this process. */
/** A server under load: where it answers, and its process, whose CPU time is read. */
interface Target {
  readonly url: string
  readonly pid?: number
}

/**
 * CPU time a process has used, user and system, all its threads, in microseconds; `undefined`
 * where /proc cannot tell. Linux counts it in clock ticks of 1/100 s (USER_HZ).
 */
function cpuMicroseconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // the command name, in parentheses, may hold spaces: fields are counted after it
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10_000
  } catch {
    return undefined
  }
}

async function startServer(setup: Setup): Promise<Target & { stop: () => Promise<void> }> {
  const port = await freePort()
  // the workspace packages are read as TypeScript source: see the exports of their package.json
  const typescript = ['--conditions=@connect-policy/source', '--import', 'tsx']
  const child = spawn(process.execPath, [...typescript, 'src/server.ts'], {
    cwd: apiDirectory,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: setup.logLevel,
      // when on, the limiter counts every request, with a limit no run reaches
      RATE_LIMIT_MAX: setup.rateLimit ? '1000000' : '0',
      RATE_LIMIT_WINDOW_MS: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  await waitUntilReady(url, child)
  return {
    url,
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    stop: async () => {
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
    },
  }
}

/**
 * What the machine can do at all: Node's own HTTP server answering the probe's body, with no
 * Express, no middleware, nothing to compute; and Express 5 alone answering it, which is the
 * floor for any Express app here.
 */
const baselineServers = {
  'bare node:http': `
const { createServer } = require('node:http')
createServer((request, response) => {
  response.setHeader('content-type', 'application/json; charset=utf-8')
  response.end('{"status":"ok"}')
}).listen(Number(process.env.PORT), '127.0.0.1')
`,
  'bare Express 5': `
const express = require('express')
const app = express()
app.get('/', (request, response) => { response.json({ status: 'ok' }) })
app.listen(Number(process.env.PORT), '127.0.0.1')
`,
} as const
type BaselineName = keyof typeof baselineServers

async function baselineOf(name: BaselineName): Promise<Measured> {
  const port = await freePort()
  const child = spawn(process.execPath, ['-e', baselineServers[name]], {
    // `require('express')` resolves from the API package, whose dependency it is
    cwd: apiDirectory,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  try {
    const giveUp = Date.now() + 10_000
    for (;;) {
      try {
        await fetch(url)
        break
      } catch (error) {
        if (Date.now() > giveUp) throw error
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    const route = { name: `GET / on ${name}`, method: 'GET', path: '/' } as const
    const target = { url, ...(child.pid === undefined ? {} : { pid: child.pid }) }
    await load(target, route, warmup)
    return await load(target, route, duration)
  } finally {
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await exited
  }
}

interface Baselines {
  readonly node: Measured
  readonly express: Measured
}

interface RouteLoad {
  readonly name: string
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly body?: string | (() => string)
}

interface Measured {
  readonly route: string
  readonly connections: number
  readonly requests: number
  readonly seconds: number
  readonly requestsPerSecond: number
  readonly p50: number
  readonly p99: number
  readonly failures: number
  /** CPU time the server used while the slice ran, when the platform tells. */
  readonly cpuMicroseconds?: number
}

async function load(
  target: Target,
  route: RouteLoad,
  seconds: number,
  inFlight = connections,
): Promise<Measured> {
  const { body } = route
  const cpuBefore = cpuMicroseconds(target.pid)
  const result = await autocannon({
    url: `${target.url}${route.path}`,
    method: route.method,
    connections: inFlight,
    duration: seconds,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' } }),
    ...(typeof body === 'string' ? { body } : {}),
    ...(typeof body === 'function'
      ? { requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }] }
      : {}),
  })
  const cpuAfter = cpuMicroseconds(target.pid)
  return {
    route: route.name,
    connections: inFlight,
    ...(cpuBefore === undefined || cpuAfter === undefined
      ? {}
      : { cpuMicroseconds: cpuAfter - cpuBefore }),
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  }
}

/**
 * Slices of one route taken together: requests over time, the median weighted by requests, and
 * the worst p99 of any slice (percentiles of slices do not merge exactly; the worst is the safe
 * figure to report).
 */
function combine(slices: readonly Measured[]): Measured {
  const [first] = slices
  if (first === undefined) throw new Error('no slice measured')
  const requests = slices.reduce((sum, slice) => sum + slice.requests, 0)
  const seconds = slices.reduce((sum, slice) => sum + slice.seconds, 0)
  return {
    route: first.route,
    connections: first.connections,
    requests,
    seconds,
    requestsPerSecond: requests / seconds,
    p50: slices.reduce((sum, slice) => sum + slice.p50 * slice.requests, 0) / requests,
    p99: Math.max(...slices.map((slice) => slice.p99)),
    failures: slices.reduce((sum, slice) => sum + slice.failures, 0),
    ...(slices.every((slice) => slice.cpuMicroseconds !== undefined)
      ? { cpuMicroseconds: slices.reduce((sum, slice) => sum + (slice.cpuMicroseconds ?? 0), 0) }
      : {}),
  }
}

/** The server's CPU time per answered request, in microseconds, when it was measured. */
function cpuPerRequest(measured: Measured): number | undefined {
  return measured.cpuMicroseconds === undefined
    ? undefined
    : measured.cpuMicroseconds / measured.requests
}

/**
 * Loads the routes in turn, `rounds` slices each, so that other work on the machine weighs on
 * every route alike rather than on whichever ran while it was busy. Returns each route's slices.
 */
async function interleave(target: Target, list: readonly RouteLoad[]): Promise<Measured[][]> {
  const slices = list.map((): Measured[] => [])
  for (let round = 0; round < rounds; round++) {
    for (const [index, route] of list.entries()) {
      slices[index]?.push(await load(target, route, duration / rounds))
    }
  }
  return slices
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/**
 * The ratio of two routes' throughput, round by round (each round loads both routes one after
 * the other, so they meet the same machine), and the median of those ratios: one busy moment
 * moves one round's ratio, not the figure.
 */
function roundRatios(numerator: readonly Measured[], denominator: readonly Measured[]): number[] {
  return numerator.map(
    (slice, round) =>
      slice.requestsPerSecond / (denominator[round]?.requestsPerSecond ?? Number.NaN),
  )
}

interface SetupResult {
  readonly setup: Setup
  readonly evaluate: Measured
  readonly trivial: Measured
  readonly fresh?: Measured
  /** The median of the rounds' ratios of evaluate to the trivial route. */
  readonly ratio: number
  /** Each round's ratio, in the order they ran. */
  readonly ratios: readonly number[]
  /** Evaluate at fewer connections than the rest. */
  readonly sweep: readonly Measured[]
  /** The machine's load average over the last minute, when the setup ended. */
  readonly load: number
}

const routes = {
  evaluate: { name: 'POST /v1/evaluate', method: 'POST', path: '/v1/evaluate', body: seedBody() },
  fresh: {
    name: 'POST /v1/evaluate, a new set each request',
    method: 'POST',
    path: '/v1/evaluate',
    body: freshSeedBody(),
  },
  trivial: { name: 'GET /healthz', method: 'GET', path: '/healthz' },
} satisfies Record<string, RouteLoad>

/** Connections of the sweep, fewer than the main load's. */
const sweepConnections = [1, 2, 5, 10, 25].filter((inFlight) => inFlight < connections)

async function runSetup(setup: Setup): Promise<SetupResult> {
  const server = await startServer(setup)
  try {
    for (const route of [routes.trivial, routes.evaluate]) await load(server, route, warmup)
    const list = [routes.trivial, routes.evaluate, ...(setup.fresh ? [routes.fresh] : [])]
    const [trivial, evaluate, fresh] = await interleave(server, list)
    if (trivial === undefined || evaluate === undefined) throw new Error('a route was not measured')
    const ratios = roundRatios(evaluate, trivial)
    const sweep: Measured[] = []
    if (setup.sweep) {
      for (const inFlight of sweepConnections) {
        sweep.push(await load(server, routes.evaluate, duration / rounds, inFlight))
      }
    }
    return {
      sweep,
      setup,
      evaluate: combine(evaluate),
      trivial: combine(trivial),
      ...(fresh === undefined ? {} : { fresh: combine(fresh) }),
      ratio: median(ratios),
      ratios,
      load: loadavg()[0] ?? 0,
    }
  } finally {
    await server.stop()
  }
}

const number = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

const optional = (value: number | undefined) => (value === undefined ? 'n/a' : number(value))

function table(results: readonly SetupResult[]): string {
  const rows = results.flatMap((result) =>
    [result.evaluate, ...(result.fresh === undefined ? [] : [result.fresh]), result.trivial].map(
      (measured) =>
        `| ${result.setup.name} | \`${measured.route}\` | ${number(measured.requestsPerSecond)} | ${number(measured.p50, 1)} | ${number(measured.p99, 1)} | ${optional(cpuPerRequest(measured))} | ${measured.failures} | ${number(result.load, 1)} |`,
    ),
  )
  return [
    '| setup | route | req/s | p50 (ms) | p99 (ms) | server CPU per request (µs) | errors and non-2xx | load average |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n')
}

/**
 * Evaluate's latency as requests in flight grow. With `n` requests always in flight and `x`
 * answered a second, each waits `n / x` seconds on average (Little's law): the last column, to
 * hold against the measured p50.
 */
function sweepTable(results: readonly SetupResult[]): string {
  const rows = results.flatMap((result) =>
    result.sweep.length === 0
      ? []
      : [...result.sweep, result.evaluate].map(
          (measured) =>
            `| ${result.setup.name} | ${measured.connections} | ${number(measured.requestsPerSecond)} | ${number(measured.p50, 1)} | ${number(measured.p99, 1)} | ${number((measured.connections / measured.requestsPerSecond) * 1000, 1)} |`,
        ),
  )
  if (rows.length === 0) return ''
  return [
    '| setup | connections | req/s | p50 (ms) | p99 (ms) | connections ÷ req/s (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n')
}

function verdict(result: SetupResult): string {
  const ratioMet = result.ratio >= 0.7
  const latencyMet = result.evaluate.p99 < 10
  const each = result.ratios.map((ratio) => `${number(ratio * 100)} %`).join(', ')
  const evaluateCpu = cpuPerRequest(result.evaluate)
  const trivialCpu = cpuPerRequest(result.trivial)
  const cpu =
    evaluateCpu === undefined || trivialCpu === undefined
      ? ''
      : `; by the server's CPU time, an evaluate call costs ${number(evaluateCpu)} µs against ${number(trivialCpu)} µs (${number((trivialCpu / evaluateCpu) * 100)} %)`
  return `${result.setup.name}: evaluate at **${number(result.ratio * 100)} %** of the trivial route's throughput, the median of the rounds' ${each} (target ≥ 70 %: ${ratioMet ? 'met' : 'not met'}), evaluate p99 **${number(result.evaluate.p99, 1)} ms** (target < 10 ms: ${latencyMet ? 'met' : 'not met'})${cpu}`
}

function baselineWords({ node, express }: Baselines): string {
  const figures = (measured: Measured) =>
    `${number(measured.requestsPerSecond)} req/s, p50 ${number(measured.p50, 1)} ms and p99 ${number(measured.p99, 1)} ms (errors and non-2xx: ${measured.failures})`
  return `For scale, at ${connections} connections on the same machine: Node's own \`http\` server with nothing on it answers ${figures(node)}; Express 5 with one route and nothing else answers ${figures(express)}, the floor for any Express app here. With ${connections} requests always in flight, a p99 under 10 ms needs well over ${number(connections * 100)} req/s.`
}

function section(results: readonly SetupResult[], baseline: Baselines, date: string): string {
  const cpu = cpus()
  return `${startMarker}
## API (\`apps/api\`)

\`pnpm --filter @connect-policy/api bench\` starts the server as \`pnpm start\` does (a child
process on loopback, its log written to nowhere), waits for \`/readyz\`, warms each route up for
${warmup} s, then loads each for ${duration} s with autocannon at ${connections} connections, in
${rounds} rounds that load each route in turn (p50 is the slices' median weighted by requests,
p99 the worst slice's, and the ratio the median of the rounds' ratios):
\`POST /v1/evaluate\` with the corrected policy of the documented example \`${seedId}\` and one
\`connect:CreateUser\` request (explained, the default), and \`GET /healthz\`. With the rate
limiter off, both routes pass the same middleware (request id, log, deadline, helmet); the probe
is never rate limited, so with the limiter on (the defaults, limit set out of reach) the evaluate
route carries one more middleware than the trivial one. The same set on every request is compiled
once and kept (\`COMPILED_SET_CACHE_CHARS\`); the row *a new set each request* defeats that cache
and shows the cost of compiling on every call. *Server CPU per request* is the server process's
user and system time (all its threads, read from \`/proc\`) over the requests it answered: unlike
throughput, it does not move when autocannon, which shares the cores, takes more of them.

${table(results)}

${results.map((result) => `- ${verdict(result)}`).join('\n')}

\`POST /v1/evaluate\` alone at fewer connections, in the defaults setup: latency is time spent
queueing behind the requests in flight, as the last column (Little's law) shows.

${sweepTable(results)}

${baselineWords(baseline)}

Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores shared by the server and autocannon
(and by other work on the machine: the last column is its one-minute load average as each setup
ended), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, ${process.platform}. Measured ${date}.
${endMarker}`
}

async function writeSection(text: string): Promise<void> {
  let document = ''
  try {
    document = await readFile(documentPath, 'utf8')
  } catch {
    document = '# Benchmarks\n'
  }
  const start = document.indexOf(startMarker)
  const end = document.indexOf(endMarker)
  const updated =
    start >= 0 && end > start
      ? `${document.slice(0, start)}${text}${document.slice(end + endMarker.length)}`
      : `${document.trimEnd()}\n\n${text}\n`
  await writeFile(documentPath, updated)
}

async function main(): Promise<void> {
  const results: SetupResult[] = []
  for (const setup of setups) results.push(await runSetup(setup))
  const baseline = {
    node: await baselineOf('bare node:http'),
    express: await baselineOf('bare Express 5'),
  }
  process.stdout.write(
    `\n${table(results)}\n\n${results.map(verdict).join('\n')}\n\n${sweepTable(results)}\n\n${baselineWords(baseline)}\n`,
  )
  if (!options['no-write']) {
    await writeSection(section(results, baseline, new Date().toISOString().slice(0, 10)))
    process.stdout.write(`\nwritten to ${documentPath}\n`)
  }
}

await main()
