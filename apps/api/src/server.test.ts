import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { Agent, type IncomingMessage, request } from 'node:http'
import { type AddressInfo, connect, createServer, type Server } from 'node:net'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const apiDirectory = fileURLToPath(new URL('..', import.meta.url))

interface Started {
  readonly child: ChildProcess
  readonly lines: Record<string, unknown>[]
  readonly stderr: string[]
  /** Resolves with the first log line `found` accepts. */
  readonly waitFor: (
    found: (line: Record<string, unknown>) => boolean,
  ) => Promise<Record<string, unknown>>
}

function startServer(
  env: Record<string, string>,
  entry = 'src/server.ts',
  args: readonly string[] = [],
): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: apiDirectory,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: Record<string, unknown>[] = []
  const stderr: string[] = []
  const waiting: {
    found: (line: Record<string, unknown>) => boolean
    resolve: (line: Record<string, unknown>) => void
  }[] = []
  let rest = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString('utf8')
    const parts = text.split('\n')
    rest = parts.pop() ?? ''
    for (const part of parts) {
      if (part.trim() === '') continue
      const line = JSON.parse(part) as Record<string, unknown>
      lines.push(line)
      for (const waiter of waiting.filter((candidate) => candidate.found(line))) {
        waiting.splice(waiting.indexOf(waiter), 1)
        waiter.resolve(line)
      }
    }
  })
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')))
  const waitFor = (found: (line: Record<string, unknown>) => boolean) => {
    const seen = lines.find(found)
    if (seen !== undefined) return Promise.resolve(seen)
    return new Promise<Record<string, unknown>>((resolve) => waiting.push({ found, resolve }))
  }
  return { child, lines, stderr, waitFor }
}

/** A port held by another listener on loopback, and how to free it. */
async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { port: (server.address() as AddressInfo).port, server }
}

// each test starts a server process, which loads the AWS service reference
describe('server', { timeout: 60_000 }, () => {
  it('finishes in-flight requests on SIGTERM, refuses new connections, and exits 0', async () => {
    const { child, waitFor } = startServer({ LOG_LEVEL: 'info' })
    const exited = once(child, 'exit')
    const listening = await waitFor((line) => String(line.msg).startsWith('listening on '))
    const url = new URL(String(listening.url))
    expect(listening.msg).toBe(`listening on ${url.origin}`)
    await waitFor((line) => line.msg === 'ready')

    const body = JSON.stringify({ policy: '{"Version": "2012-10-17", "Statement": []}' })
    const inFlight = request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: '/v1/validate',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        // the server's `100 Continue` proves it has read the headers: the request is in flight
        Expect: '100-continue',
      },
    })
    const answered = new Promise<{ status: number; connection: string | undefined; text: string }>(
      (resolve, reject) => {
        inFlight.on('error', reject)
        inFlight.on('response', (response) => {
          let text = ''
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8')
          })
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              connection: response.headers.connection,
              text,
            }),
          )
        })
      },
    )
    inFlight.flushHeaders()
    await once(inFlight, 'continue')

    child.kill('SIGTERM')
    await waitFor((line) => String(line.msg).startsWith('stopping'))
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname)
      socket.on('connect', () => {
        socket.destroy()
        resolve('connected')
      })
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
    })
    expect(refused).toBe('ECONNREFUSED')

    inFlight.end(body)
    const response = await answered
    expect(response.status).toBe(200)
    expect(JSON.parse(response.text)).toEqual({ findings: expect.any(Array) })
    const [code] = await exited
    expect(code).toBe(0)
    await waitFor((line) => line.msg === 'stopped')
  })

  // finding: shutdown waited out keep-alive (7 s) after the last answer
  it('closes a kept-alive connection as soon as its answer is sent, rather than at its keep-alive timeout', async () => {
    // a keep-alive timeout of ten minutes, which a server that waited it out would not exit
    // within the test's time
    const { child, waitFor } = startServer({ LOG_LEVEL: 'info', KEEP_ALIVE_TIMEOUT_MS: '600000' })
    const exited = once(child, 'exit')
    const listening = await waitFor((line) => String(line.msg).startsWith('listening on '))
    const url = new URL(String(listening.url))
    await waitFor((line) => line.msg === 'ready')
    const body = JSON.stringify({ policy: '{"Version": "2012-10-17", "Statement": []}' })
    const agent = new Agent({ keepAlive: true })
    const inFlight = request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: '/v1/validate',
      agent,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        Expect: '100-continue',
      },
    })
    inFlight.flushHeaders()
    await once(inFlight, 'continue')
    child.kill('SIGTERM')
    await waitFor((line) => String(line.msg).startsWith('stopping'))
    inFlight.end(body)
    const [response] = (await once(inFlight, 'response')) as [IncomingMessage]
    response.resume()
    expect(response.statusCode).toBe(200)
    expect(response.headers.connection).toBe('close')
    const [code] = await exited
    expect(code).toBe(0)
    agent.destroy()
  })

  // finding: a signal could not be handled while an evaluation blocked the event loop, and the
  // request deadline could not stop the evaluation
  it('handles SIGTERM at once while an expensive request runs, and exits by its deadline', async () => {
    // work of ten minutes, which a server that waited for it would not exit within the test's
    // time; a deadline of 5 s, within which the signal is handled
    const { child, waitFor } = startServer(
      { LOG_LEVEL: 'info', REQUEST_TIMEOUT_MS: '5000', SHUTDOWN_TIMEOUT_MS: '30000' },
      'src/testing/slow-server.ts',
      ['600000'],
    )
    const exited = once(child, 'exit')
    const listening = await waitFor((line) => String(line.msg).startsWith('listening on '))
    await waitFor((line) => line.msg === 'ready')
    const url = new URL(String(listening.url))
    const body = JSON.stringify({ policy: '{"Version": "2012-10-17", "Statement": []}' })
    const expensive = request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: '/v1/validate',
      agent: false,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        Expect: '100-continue',
      },
    })
    // the server has the request once it asks for the body
    expensive.flushHeaders()
    await once(expensive, 'continue')
    const answer = once(expensive, 'response') as Promise<[IncomingMessage]>
    expensive.end(body)
    let answered = false
    void answer.then(() => {
      answered = true
    })
    child.kill('SIGTERM')
    await waitFor((line) => String(line.msg).startsWith('stopping'))
    // the signal was handled while the work still ran
    expect(answered).toBe(false)
    const [response] = await answer
    let text = ''
    for await (const chunk of response) text += String(chunk)
    expect(response.statusCode).toBe(503)
    expect(JSON.parse(text)).toMatchObject({ type: '/problems/request-timeout' })
    // the deadline, then the threads stopped (one of them busy), within SHUTDOWN_TIMEOUT_MS
    const [code] = await exited
    expect(code).toBe(0)
  })

  it('exits 2 with a message naming each bad variable', async () => {
    const { child, stderr } = startServer({ PORT: 'eighty', LOG_LEVEL: 'loud' })
    const [code] = await once(child, 'exit')
    expect(code).toBe(2)
    const message = stderr.join('')
    expect(message).toContain('invalid configuration')
    expect(message).toContain('PORT (`eighty`): must be a whole number')
    expect(message).toContain('LOG_LEVEL (`loud`): must be one of')
  })

  describe('on a port in use', () => {
    it('exits 1 with one line naming PORT, not a stack trace', async () => {
      const busy = await occupiedPort()
      try {
        const { child, lines, stderr } = startServer({ PORT: String(busy.port) })
        const [code] = await once(child, 'exit')
        expect(code).toBe(1)
        expect(stderr.join('')).toBe(`port ${busy.port} is in use: set PORT to a free port\n`)
        expect(lines.filter((line) => line.level === 'fatal')).toEqual([])
      } finally {
        busy.server.close()
      }
    })

    it("names HEALTH_PORT when the probes' port is the one in use", async () => {
      const busy = await occupiedPort()
      try {
        const { child, stderr } = startServer({ HEALTH_PORT: String(busy.port) })
        const [code] = await once(child, 'exit')
        expect(code).toBe(1)
        expect(stderr.join('')).toBe(
          `port ${busy.port} is in use: set HEALTH_PORT to a free port\n`,
        )
      } finally {
        busy.server.close()
      }
    })

    // finding: every worker met the busy port, died, and was replaced, without end
    it('says so once with the cluster entry, replaces no worker, and exits 1', async () => {
      const busy = await occupiedPort()
      try {
        const { child, lines, stderr } = startServer(
          { PORT: String(busy.port), WORKERS: '3', LOG_LEVEL: 'info' },
          'src/cluster.ts',
        )
        const [code] = await once(child, 'exit')
        expect(code).toBe(1)
        expect(stderr.join('')).toBe(`port ${busy.port} is in use: set PORT to a free port\n`)
        expect(lines.filter((line) => line.level === 'fatal')).toEqual([])
        // a worker whose exit the primary saw before its message may have been replaced once;
        // none after the message
        expect(
          lines.filter((line) => line.msg === 'a worker died; starting another').length,
        ).toBeLessThanOrEqual(3)
        expect(lines.at(-1)?.msg).toBe('every worker stopped')
      } finally {
        busy.server.close()
      }
    })
  })

  it('runs several workers on one port with the cluster entry, and stops them all with exit 0', async () => {
    const { child, lines, waitFor } = startServer(
      { LOG_LEVEL: 'info', WORKERS: '2' },
      'src/cluster.ts',
    )
    const exited = once(child, 'exit')
    await waitFor((line) => line.msg === 'starting 2 workers')
    const listening = await waitFor((line) => String(line.msg).startsWith('listening on '))
    const ready = () => lines.filter((line) => line.msg === 'ready').length === 2
    await waitFor(() => ready())
    const response = await fetch(`${String(listening.url)}/healthz`)
    expect(response.status).toBe(200)
    const workers = new Set(lines.filter((line) => line.msg === 'ready').map((line) => line.pid))
    expect(workers.size).toBe(2)
    child.kill('SIGTERM')
    const [code] = await exited
    expect(code).toBe(0)
    expect(lines.filter((line) => line.msg === 'stopped')).toHaveLength(2)
  })
})
