import { once } from 'node:events'
import { Worker } from 'node:worker_threads'
import { ProblemError } from '../problem/problem.ts'

/** How often the main thread tells the probes' listener that its loop turns. */
const heartbeatMs = 100

type HealthAnswer = 'live' | 'stalled' | 'ready' | 'notReady' | 'notFound' | 'notAllowed'

/** What the thread is started with. */
interface HealthThreadData {
  readonly host: string
  readonly port: number
  /** Milliseconds without a turn of the main thread's loop after which it is stalled. */
  readonly staleMs: number
  /** Two numbers: when the main loop last turned (`Date.now()`), and 1 once it is ready. */
  readonly state: SharedArrayBuffer
  /** The bodies of the answers, JSON, by name. */
  readonly answers: Readonly<Record<HealthAnswer, string>>
}

/** What the thread posts to the main thread. */
type HealthThreadMessage =
  | { readonly listening: number }
  | { readonly failed: string; readonly code?: string }

/** What the main thread posts to the thread: the body of `/readyz` once ready, or to close. */
type HealthControl = { readonly readyBody: string } | 'close'

/**
 * The probes' listener, the whole of what its thread runs: `GET /healthz` and `GET /readyz` on a
 * port of their own, answered from what the main thread shares with it (the time of its event
 * loop's last turn, and whether it is ready) with bodies the main thread wrote beforehand
 * (`HealthThreadData`). Plain JavaScript that needs nothing of the API's modules, so that the
 * thread starts the same under any loader.
 */
const healthThreadSource = `
const { createServer } = require('node:http')
const { parentPort, workerData } = require('node:worker_threads')
const { host, port, staleMs, state } = workerData
const answers = { ...workerData.answers }
const shared = new Float64Array(state)
const statuses = { live: 200, stalled: 503, ready: 200, notReady: 503, notFound: 404, notAllowed: 405 }
function send(res, answer, head) {
  const status = statuses[answer]
  const body = answers[answer]
  res.statusCode = status
  res.setHeader('Content-Type', status < 400 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(body))
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  if (answer === 'notReady' || answer === 'stalled') res.setHeader('Retry-After', '1')
  if (answer === 'notAllowed') res.setHeader('Allow', 'GET, HEAD')
  res.end(head ? undefined : body)
}
const server = createServer((req, res) => {
  const path = (req.url || '').split('?', 1)[0]
  const head = req.method === 'HEAD'
  if (path !== '/healthz' && path !== '/readyz') return send(res, 'notFound', head)
  if (req.method !== 'GET' && !head) return send(res, 'notAllowed', false)
  const live = Date.now() - shared[0] <= staleMs
  if (path === '/healthz') send(res, live ? 'live' : 'stalled', head)
  else send(res, live && shared[1] === 1 ? 'ready' : 'notReady', head)
})
server.on('error', (error) => parentPort.postMessage({ failed: error.message, code: error.code }))
server.listen(port, host, () => parentPort.postMessage({ listening: server.address().port }))
parentPort.on('message', (control) => {
  if (control !== 'close') {
    answers.ready = control.readyBody
    return
  }
  server.close()
  server.closeAllConnections()
  parentPort.close()
})
`

export interface HealthListenerOptions {
  readonly host: string
  /** `0` for any free port. */
  readonly port: number
  readonly staleMs: number
}

/** The probes' own listener, started. */
export interface HealthListener {
  readonly url: string
  /** From now on `/readyz` answers 200 with `body` (JSON), while the loop turns. */
  markReady(body: string): void
  close(): Promise<void>
}

function problemText(problem: ProblemError): string {
  return JSON.stringify(problem.toProblem())
}

/**
 * Starts the probes' listener in a thread of its own (`healthThreadSource`) on `port`, and a timer
 * on this thread that writes the time of each turn of its event loop where that thread reads it:
 * `/healthz` there answers 200 while the loop has turned within `staleMs`, 503 `stalled` after;
 * `/readyz` 200 once `markReady` was called, while the loop turns. Resolves once it listens.
 */
export async function startHealthListener({
  host,
  port,
  staleMs,
}: HealthListenerOptions): Promise<HealthListener> {
  const state = new SharedArrayBuffer(2 * Float64Array.BYTES_PER_ELEMENT)
  const shared = new Float64Array(state)
  shared[0] = Date.now()
  const heartbeat = setInterval(() => {
    shared[0] = Date.now()
  }, heartbeatMs)
  heartbeat.unref()
  const answers: Record<HealthAnswer, string> = {
    live: JSON.stringify({ status: 'ok' }),
    stalled: problemText(
      new ProblemError('stalled', `the event loop has not turned for more than ${staleMs} ms`),
    ),
    ready: JSON.stringify({ status: 'ready' }),
    notReady: problemText(
      new ProblemError('not-ready', 'the AWS service reference is still loading'),
    ),
    notFound: problemText(
      new ProblemError('not-found', 'this port answers `GET /healthz` and `GET /readyz` only'),
    ),
    notAllowed: problemText(new ProblemError('method-not-allowed', 'the probes answer GET, HEAD')),
  }
  const data: HealthThreadData = { host, port, staleMs, state, answers }
  const worker = new Worker(healthThreadSource, { eval: true, workerData: data })
  const control = (message: HealthControl) => worker.postMessage(message)
  worker.unref()
  const [message] = (await once(worker, 'message')) as [HealthThreadMessage]
  if ('failed' in message) {
    clearInterval(heartbeat)
    await worker.terminate()
    // with Node's code, so that the server can say which setting to change
    throw Object.assign(
      new Error(`the probes' listener could not listen on ${host}:${port}: ${message.failed}`),
      { code: message.code },
    )
  }
  const where = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${where}:${message.listening}`,
    markReady(body) {
      control({ readyBody: body })
      shared[1] = 1
    },
    async close() {
      clearInterval(heartbeat)
      const exited = once(worker, 'exit')
      control('close')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1000))])
      await worker.terminate()
    },
  }
}
