/**
 * Soaks the API: a realistic mix of its routes at once (single decisions explained, a new policy
 * set with each request, batches, validations, the catalog, the samples, probes) for a long time,
 * ten minutes unless told, with the server's resident memory (all its threads) read every few
 * seconds. Reports it at start, its maximum and at the end, and whether it stayed flat: the
 * medians of the first and last fifths of the measured time within 10 % of each other. Writes the
 * run to its section of docs/benchmarks.md.
 *
 *   pnpm --filter @connect-policy/api bench:soak [-- --minutes 10 --sample 5 --warmup 10 --no-write]
 */
import { parseArgs } from 'node:util'
import { batchBody, freshSeedBody, seedBody, seedId, validateBody } from './bodies.ts'
import {
  apiDirectory,
  currentCommit,
  documentPath,
  load,
  loadAverage,
  type Measured,
  markdownTable,
  measuredOn,
  median,
  number,
  onInterrupt,
  type RouteLoad,
  residentBytes,
  scriptArguments,
  startApi,
  withServers,
  writeSection,
} from './harness.ts'

const { values } = parseArgs({
  args: scriptArguments(),
  options: {
    minutes: { type: 'string', default: '10' },
    sample: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '10' },
    'no-write': { type: 'boolean', default: false },
  },
})

function positive(name: 'minutes' | 'sample' | 'warmup'): number {
  const value = Number(values[name])
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`--${name} \`${values[name]}\`: must be a positive number`)
  }
  return value
}

const minutes = positive('minutes')
const sampleSeconds = positive('sample')
const warmupSeconds = positive('warmup')
/** The largest growth, first fifth to last fifth, that still counts as flat. */
const flatGrowth = 0.1
const batchOf = 100

/** The mix: each route with the connections that load it, together. */
const mix: readonly { readonly route: RouteLoad; readonly connections: number }[] = [
  {
    route: {
      name: 'POST /v1/evaluate, explained',
      method: 'POST',
      path: '/v1/evaluate',
      body: seedBody(),
    },
    connections: 6,
  },
  {
    route: {
      name: 'POST /v1/evaluate, a new set each request',
      method: 'POST',
      path: '/v1/evaluate',
      body: freshSeedBody(),
    },
    connections: 2,
  },
  {
    route: {
      name: `POST /v1/evaluate, ${batchOf} requests, explain none`,
      method: 'POST',
      path: '/v1/evaluate',
      body: batchBody(batchOf),
    },
    connections: 1,
  },
  {
    route: {
      name: 'POST /v1/validate, as printed',
      method: 'POST',
      path: '/v1/validate',
      body: validateBody(),
    },
    connections: 3,
  },
  {
    route: {
      name: 'GET /v1/catalog/services/connect',
      method: 'GET',
      path: '/v1/catalog/services/connect',
    },
    connections: 2,
  },
  {
    route: {
      name: 'GET /v1/catalog/actions/connect:Describe*',
      method: 'GET',
      path: '/v1/catalog/actions/connect:Describe*',
    },
    connections: 1,
  },
  { route: { name: 'GET /v1/samples', method: 'GET', path: '/v1/samples' }, connections: 1 },
  {
    route: { name: `GET /v1/samples/${seedId}`, method: 'GET', path: `/v1/samples/${seedId}` },
    connections: 1,
  },
  { route: { name: 'GET /healthz', method: 'GET', path: '/healthz' }, connections: 1 },
]
const connections = mix.reduce((sum, entry) => sum + entry.connections, 0)

interface Sample {
  /** Seconds since the measured load began. */
  readonly at: number
  readonly bytes: number
}

interface Soak {
  readonly measured: readonly Measured[]
  readonly atReady: number
  readonly samples: readonly Sample[]
  readonly seconds: number
  readonly loadAverage: number
}

async function soak(): Promise<Soak> {
  return withServers(async (keep) => {
    const server = await keep(startApi('soak', apiDirectory, { logLevel: 'info', rateLimit: true }))
    const rss = () => {
      const bytes = residentBytes(server.pid)
      if (bytes === undefined) throw new Error('the resident memory cannot be read (no /proc)')
      return bytes
    }
    const atReady = rss()
    const probes = mix.map(({ route, connections }) => ({ target: server, route, connections }))
    process.stdout.write(`warming up for ${warmupSeconds} s\n`)
    await Promise.all(probes.map((probe) => load(probe, warmupSeconds)))
    const samples: Sample[] = []
    const started = performance.now()
    const sampleNow = () => {
      const at = (performance.now() - started) / 1000
      samples.push({ at, bytes: rss() })
      const last = samples.at(-1)
      if (last !== undefined) {
        process.stdout.write(`${number(at)} s: ${number(last.bytes / 2 ** 20)} MiB\n`)
      }
    }
    sampleNow()
    const sampler = setInterval(sampleNow, sampleSeconds * 1000)
    const seconds = minutes * 60
    let measured: Measured[]
    try {
      measured = await Promise.all(probes.map((probe) => load(probe, seconds)))
    } finally {
      clearInterval(sampler)
    }
    sampleNow()
    return { measured, atReady, samples, seconds, loadAverage: loadAverage() }
  })
}

const mebibytes = (bytes: number) => `${number(bytes / 2 ** 20)} MiB`

/** The medians of the first and last fifths of the samples, and how much the second grew. */
function trend(samples: readonly Sample[]) {
  const fifth = Math.max(1, Math.floor(samples.length / 5))
  const first = median(samples.slice(0, fifth).map((sample) => sample.bytes))
  const last = median(samples.slice(-fifth).map((sample) => sample.bytes))
  const growth = (last - first) / first
  return { first, last, growth, flat: growth <= flatGrowth }
}

/** The median of each minute's samples, for the section's line of the memory over time. */
function perMinute(samples: readonly Sample[]): string {
  const minutesSeen = new Map<number, number[]>()
  for (const sample of samples) {
    const minute = Math.floor(sample.at / 60)
    minutesSeen.set(minute, [...(minutesSeen.get(minute) ?? []), sample.bytes])
  }
  return [...minutesSeen]
    .map(([minute, bytes]) => `${minute + 1}: ${number(median(bytes) / 2 ** 20)}`)
    .join(', ')
}

function table(measured: readonly Measured[]): string {
  return markdownTable(
    ['route', 'connections', 'requests', 'req/s', 'p50 (ms)', 'p99 (ms)', 'errors or not 2xx'],
    measured.map((row) => [
      row.route,
      String(row.connections),
      number(row.requests),
      number(row.requestsPerSecond),
      number(row.p50, 2),
      number(row.p99, 2),
      number(row.failures),
    ]),
    [1, 2, 3, 4, 5, 6],
  )
}

function section(run: Soak, commit: string): string {
  const { first, last, growth, flat } = trend(run.samples)
  const max = Math.max(...run.samples.map((sample) => sample.bytes))
  const start = run.samples[0]?.bytes ?? Number.NaN
  const end = run.samples.at(-1)?.bytes ?? Number.NaN
  const total = run.measured.reduce((sum, row) => sum + row.requests, 0)
  const failures = run.measured.reduce((sum, row) => sum + row.failures, 0)
  return `<!-- api-soak:start -->
### API soak: ${number(minutes, minutes % 1 === 0 ? 0 : 1)} minutes of a realistic mix, memory sampled

\`pnpm --filter @connect-policy/api bench:soak -- --minutes ${values.minutes}\` started the API
(${commit}) as \`pnpm start\` runs it, with its defaults (worker threads: one per core; the request
log at \`info\`, written to nowhere; the rate limiter on, with a limit no run reaches), warmed it up
for ${warmupSeconds} s, then loaded it for **${number(run.seconds / 60, 1)} minutes** with autocannon,
${connections} connections at once split over the routes below, every route loaded all the time. Its
resident memory (VmRSS of the process, worker threads included) was read every ${sampleSeconds} s:
${run.samples.length} samples.

${table(run.measured)}

${number(total)} requests, ${number(failures)} errors or answers other than 2xx.

| resident memory | MiB |
| --- | ---: |
| when ready, before any load | ${number(run.atReady / 2 ** 20)} |
| start of the measured load (after the warm-up) | ${number(start / 2 ** 20)} |
| maximum | ${number(max / 2 ** 20)} |
| end | ${number(end / 2 ** 20)} |
| median of the first fifth → of the last fifth | ${number(first / 2 ** 20)} → ${number(last / 2 ** 20)} |

Median by minute (MiB): ${perMinute(run.samples)}.

**${flat ? 'Flat' : 'Not flat'}**: from the first fifth of the run to the last the median grew
${number(growth * 100, 1)} % (flat means at most ${number(flatGrowth * 100)} %).

${measuredOn(run.loadAverage)}
<!-- api-soak:end -->`
}

async function main(): Promise<void> {
  onInterrupt()
  const commit = currentCommit()
  const run = await soak()
  const { first, last, growth, flat } = trend(run.samples)
  process.stdout.write(
    `\n${table(run.measured)}\n\nresident: ready ${mebibytes(run.atReady)}, first fifth ${mebibytes(first)}, last fifth ${mebibytes(last)} (${number(growth * 100, 1)} %): ${flat ? 'flat' : 'not flat'}\n`,
  )
  if (!values['no-write']) {
    await writeSection(
      {
        start: '<!-- api-soak:start -->',
        end: '<!-- api-soak:end -->',
        after: '<!-- api-plumbing-rate-limiter:end -->',
      },
      section(run, commit),
    )
    process.stdout.write(`written to ${documentPath}\n`)
  }
}

await main()
