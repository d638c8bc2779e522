import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { waitForApi } from './wait-for-api.ts'

const appDir = fileURLToPath(new URL('../..', import.meta.url))

/** A built site of one page, so that the start script serves it without building. */
const site = mkdtempSync(join(tmpdir(), 'connect-policy-docs-site-'))
writeFileSync(join(site, 'index.html'), '<!doctype html><title>fixture</title><p>the fixture site')
afterAll(() => rmSync(site, { recursive: true, force: true }))

/** A stand-in for the API that answers `/readyz` as `status` says, counting its calls. */
async function stubApi(status: () => number) {
  let calls = 0
  const server = createServer((request, response) => {
    if (request.url !== '/readyz') {
      response.writeHead(404).end()
      return
    }
    calls++
    response.writeHead(status(), { 'content-type': 'application/json' }).end('{}')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    server,
    port: (server.address() as AddressInfo).port,
    calls: () => calls,
  }
}

async function listening(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return (server.address() as AddressInfo).port
}

interface Started {
  readonly child: ChildProcess
  readonly stdout: () => string
  readonly stderr: () => string
  /** Resolves once standard output holds `text`; rejects if the script exits first. */
  readonly printed: (text: string) => Promise<void>
}

/** Runs the start script (`tsx scripts/start.ts --dist <fixture>`) with these variables. */
function startScript(env: Record<string, string>): Started {
  const child = spawn('node_modules/.bin/tsx', ['scripts/start.ts', '--dist', site], {
    cwd: appDir,
    // the variables of the caller that the script reads are set here, blank meaning unset
    env: { ...process.env, DOCS_API_BASE_URL: '', DOCS_API_REFERENCE_PATH: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  const waiting: { text: string; resolve: () => void }[] = []
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8')
    for (const waiter of waiting.filter(({ text }) => stdout.includes(text))) {
      waiting.splice(waiting.indexOf(waiter), 1)
      waiter.resolve()
    }
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  const exited = once(child, 'exit')
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    printed: (text) =>
      stdout.includes(text)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiting.push({ text, resolve })),
            exited.then(([code]) => {
              throw new Error(`the start script exited with ${code}: ${stderr}`)
            }),
          ]),
  }
}

describe('the start script', { timeout: 60_000 }, () => {
  it('prints where the API and the site are as its last lines, once the API is ready', async () => {
    // not ready at first: the script waits for it
    let answered = 0
    const api = await stubApi(() => (++answered < 3 ? 503 : 200))
    const started = startScript({
      PORT: String(api.port),
      HOST: '0.0.0.0',
      PORT_DOCS: '0',
      HOST_DOCS: '127.0.0.1',
    })
    try {
      await started.printed('Docs: ')
      const lines = started.stdout().trimEnd().split('\n')
      const docs = lines.at(-1) ?? ''
      const docsUrl = docs.slice('Docs: '.length, docs.indexOf('/  ('))
      expect(lines.slice(-2)).toEqual([
        `API:  http://127.0.0.1:${api.port}/  (reference: http://127.0.0.1:${api.port}/docs)`,
        `Docs: ${docsUrl}/  (playground: ${docsUrl}/playground)`,
      ])
      expect(docsUrl.startsWith('http://127.0.0.1:')).toBe(true)
      expect(api.calls()).toBe(3)
      const page = await fetch(`${docsUrl}/`)
      expect(await page.text()).toContain('the fixture site')

      const exited = once(started.child, 'exit')
      started.child.kill('SIGTERM')
      expect((await exited)[0]).toBe(0)
      expect(started.stderr()).toBe('')
    } finally {
      started.child.kill('SIGKILL')
      api.server.close()
    }
  })

  it('exits 1 with one line naming PORT_DOCS when its port is in use', async () => {
    const busy = createServer()
    const port = await listening(busy)
    const started = startScript({ PORT: '3000', PORT_DOCS: String(port), HOST_DOCS: '127.0.0.1' })
    try {
      const [code] = await once(started.child, 'exit')
      expect(code).toBe(1)
      expect(started.stderr()).toBe(`port ${port} is in use: set PORT_DOCS to a free port\n`)
      expect(started.stdout()).toBe('')
    } finally {
      busy.close()
    }
  })

  it('exits 2 with one line naming a setting it cannot use', async () => {
    const started = startScript({ PORT: 'eighty', PORT_DOCS: '0' })
    const [code] = await once(started.child, 'exit')
    expect(code).toBe(2)
    expect(started.stderr()).toBe(
      'invalid configuration: PORT must be a port number, not `eighty`\n',
    )
  })
})

describe('waitForApi', () => {
  it('is true once /readyz answers 200', async () => {
    let answered = 0
    const api = await stubApi(() => (++answered < 2 ? 503 : 200))
    try {
      expect(await waitForApi(`http://127.0.0.1:${api.port}`, 10_000)).toBe(true)
      expect(api.calls()).toBe(2)
    } finally {
      api.server.close()
    }
  })

  it('is false once the time is over, with nothing listening', async () => {
    const closed = createServer()
    const port = await listening(closed)
    closed.close()
    await once(closed, 'close')
    const started = Date.now()
    expect(await waitForApi(`http://127.0.0.1:${port}`, 600)).toBe(false)
    // bounded: the give-up time, and at most one probe's timeout past it
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
