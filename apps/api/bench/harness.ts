/**
 * What the API's benchmarks share: their options, servers started as child processes on
 * loopback, autocannon loads measured with exact latencies and the server's CPU time, rounds that
 * load several probes in turn, medians of the rounds' ratios, and the sections they write to
 * docs/benchmarks.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

export const apiDirectory = fileURLToPath(new URL('..', import.meta.url))
export const repositoryDirectory = fileURLToPath(new URL('../../..', import.meta.url))
export const documentPath = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url))

/** The options of every benchmark of the API, for `parseArgs`. */
export const commonOptions = {
  duration: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '3' },
  connections: { type: 'string', default: '50' },
  rounds: { type: 'string', default: '5' },
  'no-write': { type: 'boolean', default: false },
} as const

/** How long and how hard a benchmark loads. */
export interface Pace {
  /** Seconds each probe is loaded in all, split evenly over the rounds. */
  readonly duration: number
  /** Seconds each probe is loaded before the rounds, not measured. */
  readonly warmup: number
  readonly connections: number
  readonly rounds: number
  /** Whether docs/benchmarks.md is written. */
  readonly write: boolean
}

/** The pace `commonOptions` asked for, or an error naming the option that is not a number. */
export function paceOf(values: {
  duration: string
  warmup: string
  connections: string
  rounds: string
  'no-write': boolean
}): Pace {
  const positive = (name: 'duration' | 'warmup' | 'connections' | 'rounds') => {
    const value = Number(values[name])
    if (!Number.isFinite(value) || value <= 0) {
      throw new Error(`--${name} \`${values[name]}\`: must be a positive number`)
    }
    return value
  }
  return {
    duration: positive('duration'),
    warmup: positive('warmup'),
    connections: Math.round(positive('connections')),
    rounds: Math.round(positive('rounds')),
    write: !values['no-write'],
  }
}

/**
 * The script's arguments, without the `--` that `pnpm <script> -- --flag` may pass along.
 */
export function scriptArguments(): string[] {
  const given = process.argv.slice(2)
  return given[0] === '--' ? given.slice(1) : given
}

/** A server under load: what it is, where it answers, and its process, whose CPU time is read. */
export interface Target {
  readonly name: string
  readonly url: string
  readonly pid?: number
}

export interface Running extends Target {
  stop(): Promise<void>
}

/** The servers started here and still running, stopped if the benchmark is interrupted. */
const children = new Set<ChildProcess>()

/**
 * On SIGINT or SIGTERM, stops every server started here, runs `cleanUp` and exits, so that an
 * interrupted benchmark leaves nothing running behind it.
 */
export function onInterrupt(cleanUp: () => void = () => {}): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of children) child.kill('SIGTERM')
      cleanUp()
      process.exit(130)
    })
  }
}

export async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}

/** Waits until `url` answers 200; the child exiting first, or two minutes passing, is an error. */
async function waitUntilOk(url: string, child: ChildProcess): Promise<void> {
  const giveUp = Date.now() + 120_000
  while (Date.now() < giveUp) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
    try {
      if ((await fetch(url)).status === 200) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer 200 within 120 s`)
}

/**
 * Starts `node <args>` in `directory` with a free port in `PORT` and waits until `readyPath`
 * answers 200. Its standard output, where the API logs, is thrown away rather than read here.
 */
async function startNode(
  name: string,
  directory: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  readyPath: string,
): Promise<Running> {
  const port = await freePort()
  const child = spawn(process.execPath, args, {
    cwd: directory,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.add(child)
  child.once('exit', () => children.delete(child))
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await exited
  }
  try {
    await waitUntilOk(`${url}${readyPath}`, child)
  } catch (error) {
    await stop()
    throw error
  }
  return { name, url, ...(child.pid === undefined ? {} : { pid: child.pid }), stop }
}

/** The request log and the rate limiter, the two pieces of plumbing a setup turns on or off. */
export interface Plumbing {
  readonly logLevel: 'info' | 'silent'
  readonly rateLimit: boolean
}

/**
 * The API whose `src/server.ts` is in `directory`, as `pnpm start` runs it, ready once `/readyz`
 * says so. When on, the limiter counts every request against a limit no run reaches. `more` sets
 * other variables of its environment.
 */
export function startApi(
  name: string,
  directory: string,
  plumbing: Plumbing,
  more: Readonly<Record<string, string>> = {},
): Promise<Running> {
  // the workspace packages are read as TypeScript source: see the exports of their package.json
  const args = ['--conditions=@connect-policy/source', '--import', 'tsx', 'src/server.ts']
  const env = {
    ...more,
    LOG_LEVEL: plumbing.logLevel,
    RATE_LIMIT_MAX: plumbing.rateLimit ? '1000000' : '0',
    RATE_LIMIT_WINDOW_MS: '1000',
  }
  return startNode(name, directory, args, env, '/readyz')
}

/**
 * What the machine can do at all: Node's own HTTP server answering a small JSON body, with no
 * Express, no middleware, nothing to compute; Express 5 with one route and nothing else, the
 * floor for any Express app here (both answer `GET /`); and Express 5 reading a JSON body and
 * answering the text in `ANSWER` to `POST /`, the floor for a route that takes the request the
 * API takes and sends the answer it sends, without deciding anything.
 */
export const baselineServers = {
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
  'bare Express 5, the same answer': `
const express = require('express')
const answer = process.env.ANSWER
const app = express()
app.get('/', (request, response) => { response.json({ status: 'ok' }) })
app.post('/', express.json({ limit: '1mb' }), (request, response) => {
  response.setHeader('content-type', 'application/json; charset=utf-8')
  response.setHeader('content-length', Buffer.byteLength(answer))
  response.end(answer)
})
app.listen(Number(process.env.PORT), '127.0.0.1')
`,
} as const
export type BaselineName = keyof typeof baselineServers

/** A baseline server in its own process; `require('express')` resolves from the API package. */
export function startBaseline(
  name: BaselineName,
  env: Readonly<Record<string, string>> = {},
): Promise<Running> {
  return startNode(name, apiDirectory, ['-e', baselineServers[name]], env, '/')
}

/**
 * Runs `body` with a `keep` that records each server it starts, and stops them all when `body`
 * ends, whether it returned or threw.
 */
export async function withServers<T>(
  body: (keep: (starting: Promise<Running>) => Promise<Running>) => Promise<T>,
): Promise<T> {
  const running: Running[] = []
  try {
    return await body(async (starting) => {
      const server = await starting
      running.push(server)
      return server
    })
  } finally {
    await Promise.all(running.map((server) => server.stop()))
  }
}

export interface RouteLoad {
  readonly name: string
  readonly method: 'GET' | 'POST'
  readonly path: string
  /** The body of every request, or a function giving each request its own. */
  readonly body?: string | (() => string)
}

/** One thing a round loads: a route of a server at some connections. */
export interface Probe {
  readonly target: Target
  readonly route: RouteLoad
  readonly connections: number
}

export interface Measured {
  /** The server's name. */
  readonly target: string
  readonly route: string
  readonly connections: number
  /** Answered requests, whatever their status. */
  readonly requests: number
  readonly seconds: number
  readonly requestsPerSecond: number
  /** Milliseconds, from every response's own time rather than autocannon's whole-millisecond histogram. */
  readonly p50: number
  readonly p99: number
  /** Errors, timeouts and responses other than 2xx. */
  readonly failures: number
  /** CPU time the server used while the load ran, when the platform tells. */
  readonly cpuMicroseconds?: number
  /** Every response's time in milliseconds, ascending. */
  readonly latencies: readonly number[]
}

/** A measurement without its latencies, as written to JSON. */
export type Summary = Omit<Measured, 'latencies'>

export function summary({ latencies: _, ...rest }: Measured): Summary {
  return rest
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

/** A process's resident memory, in bytes, as /proc says it (all its threads); `undefined` elsewhere. */
export function residentBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024
  } catch {
    return undefined
  }
}

/** The nearest-rank percentile (`fraction` of 1) of ascending values; `NaN` for none. */
export function percentile(ascending: readonly number[], fraction: number): number {
  if (ascending.length === 0) return Number.NaN
  const rank = Math.min(ascending.length, Math.max(1, Math.ceil(fraction * ascending.length)))
  return ascending[rank - 1] ?? Number.NaN
}

/** Loads one probe for `seconds` with autocannon. */
export async function load(probe: Probe, seconds: number): Promise<Measured> {
  const { target, route, connections } = probe
  const { body } = route
  const latencies: number[] = []
  const cpuBefore = cpuMicroseconds(target.pid)
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${target.url}${route.path}`,
        method: route.method,
        connections,
        duration: seconds,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' } }),
        ...(typeof body === 'string' ? { body } : {}),
        ...(typeof body === 'function'
          ? { requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }] }
          : {}),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    )
    instance.on('response', (_client, _status, _bytes, milliseconds) => {
      latencies.push(milliseconds)
    })
  })
  const cpuAfter = cpuMicroseconds(target.pid)
  latencies.sort((a, b) => a - b)
  return {
    target: target.name,
    route: route.name,
    connections,
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    failures: result.errors + result.timeouts + result.non2xx,
    ...(cpuBefore === undefined || cpuAfter === undefined
      ? {}
      : { cpuMicroseconds: cpuAfter - cpuBefore }),
    latencies,
  }
}

/**
 * Slices of one probe taken together: requests over time, and the percentiles of every
 * response of every slice.
 */
export function combine(slices: readonly Measured[]): Measured {
  const [first] = slices
  if (first === undefined) throw new Error('no slice measured')
  const sum = (figure: (slice: Measured) => number) =>
    slices.reduce((total, slice) => total + figure(slice), 0)
  const requests = sum((slice) => slice.requests)
  const seconds = sum((slice) => slice.seconds)
  const latencies = slices.flatMap((slice) => slice.latencies).sort((a, b) => a - b)
  return {
    target: first.target,
    route: first.route,
    connections: first.connections,
    requests,
    seconds,
    requestsPerSecond: requests / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    failures: sum((slice) => slice.failures),
    ...(slices.every((slice) => slice.cpuMicroseconds !== undefined)
      ? { cpuMicroseconds: sum((slice) => slice.cpuMicroseconds ?? 0) }
      : {}),
    latencies,
  }
}

/** The server's CPU time per answered request, in microseconds, when it was measured. */
export function cpuPerRequest(measured: Summary): number | undefined {
  return measured.cpuMicroseconds === undefined
    ? undefined
    : measured.cpuMicroseconds / measured.requests
}

/**
 * Loads each route of each server among the probes once for `seconds`, to warm it up; nothing is
 * kept.
 */
export async function warmUp(
  probes: Readonly<Record<string, Probe>>,
  seconds: number,
): Promise<void> {
  const warmed = new Set<string>()
  for (const probe of Object.values(probes)) {
    const key = `${probe.target.url} ${probe.route.name}`
    if (warmed.has(key)) continue
    warmed.add(key)
    await load(probe, seconds)
  }
}

/**
 * Loads the probes in turn, `rounds` times, each for `seconds` a round, so that other work on the
 * machine weighs on every probe alike rather than on whichever ran while it was busy. Every
 * other round runs them in the reverse order, so that no probe always follows the same one.
 * Returns each probe's slices, in the order of the rounds.
 */
export async function interleave<Name extends string>(
  probes: Readonly<Record<Name, Probe>>,
  rounds: number,
  seconds: number,
): Promise<Record<Name, Measured[]>> {
  const names = Object.keys(probes) as Name[]
  const slices = Object.fromEntries(names.map((name) => [name, []])) as unknown as Record<
    Name,
    Measured[]
  >
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 1 ? [...names].reverse() : names
    for (const name of order) slices[name].push(await load(probes[name], seconds))
  }
  return slices
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
}

/** Throughput, the figure ratios compare unless told otherwise. */
export const throughput = (measured: Measured): number => measured.requestsPerSecond

/**
 * The ratio of a figure of two probes, round by round (each round loads both, so they meet the
 * same machine), and the median of those ratios: one busy moment moves one round's ratio, not
 * the figure.
 */
export function roundRatios(
  numerator: readonly Measured[],
  denominator: readonly Measured[],
  figure: (measured: Measured) => number = throughput,
): { readonly median: number; readonly rounds: readonly number[] } {
  const rounds = numerator.map((slice, round) => {
    const other = denominator[round]
    return other === undefined ? Number.NaN : figure(slice) / figure(other)
  })
  return { median: median(rounds), rounds }
}

/** What the numbers are measured on: CPU, cores, memory, Node and platform, in a line. */
export function machine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU'
  const memory = Math.round(totalmem() / 2 ** 30)
  return `${model}, ${availableParallelism()} cores, ${memory} GiB, Node ${process.version}, ${process.platform}`
}

/** The day, as the sections and results give it: `2026-12-01`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10)
}

/** The last words of a section: what it was measured on, how busy the machine was, and when. */
export function measuredOn(averageAfterRounds: number): string {
  return `Machine: ${machine()}; its cores are shared by the servers and autocannon,
and by other work on the machine: the one-minute load average was ${number(averageAfterRounds, 2)}
when the rounds ended. Measured ${today()}.`
}

/** The machine's load average over the last minute. */
export function loadAverage(): number {
  return loadavg()[0] ?? 0
}

/** `git <args>` in the repository, its output trimmed. */
export function git(args: readonly string[]): string {
  return execFileSync('git', args, { cwd: repositoryDirectory, encoding: 'utf8' }).trim()
}

/**
 * `git rev-parse --short HEAD`, and whether the API's source differs from it: the servers run
 * the working tree.
 */
export function currentCommit(): string {
  const commit = git(['rev-parse', '--short', 'HEAD'])
  const changed = git(['status', '--porcelain', '--', 'apps/api/src']) !== ''
  return changed ? `${commit} (with uncommitted changes in apps/api/src)` : commit
}

export const number = (value: number, digits = 0): string =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      })
    : 'n/a'

export const optional = (value: number | undefined, digits = 0): string =>
  value === undefined ? 'n/a' : number(value, digits)

/** A ratio of 1 as `100 %`. */
export const percent = (ratio: number): string => `${number(ratio * 100)} %`

/** Each round's ratio, in the order they ran: `98 %, 101 %, 97 %`. */
export const eachRound = (rounds: readonly number[]): string => rounds.map(percent).join(', ')

/** A table in Markdown, the columns whose indexes `right` lists right-aligned (numbers). */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly number[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  const rule = header.map((_, index) => (right.includes(index) ? '---:' : '---'))
  return [line(header), line(rule), ...rows.map(line)].join('\n')
}

export interface Markers {
  readonly start: string
  readonly end: string
  /** Where a section not yet in the document goes: after this marker if present, else at the end. */
  readonly after?: string
}

/**
 * `document` with `text`, which starts and ends with the markers, in place of the section between
 * them; a section not yet there goes after `markers.after`, or at the end.
 */
export function placeSection(document: string, markers: Markers, text: string): string {
  const start = document.indexOf(markers.start)
  const end = document.indexOf(markers.end)
  if (start >= 0 && end > start) {
    return `${document.slice(0, start)}${text}${document.slice(end + markers.end.length)}`
  }
  const anchor = markers.after === undefined ? -1 : document.indexOf(markers.after)
  if (anchor >= 0 && markers.after !== undefined) {
    const cut = anchor + markers.after.length
    return `${document.slice(0, cut)}\n\n${text}${document.slice(cut)}`
  }
  return `${document.trimEnd()}\n\n${text}\n`
}

/** Puts `text`, which starts and ends with the markers, in docs/benchmarks.md. */
export async function writeSection(markers: Markers, text: string): Promise<void> {
  const document = await readFile(documentPath, 'utf8').catch(() => '# Benchmarks\n')
  await writeFile(documentPath, placeSection(document, markers, text))
}
