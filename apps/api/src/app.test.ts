import { once } from 'node:events'
import type { Server } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CatalogProvider } from './dependencies.ts'
import { rawRequest } from './testing/raw-request.ts'
import { capturedLogger, expectProblem, sharedCatalog, testApp } from './testing/test-app.ts'

const app = testApp()

describe('every response', () => {
  it('carries the security headers, and no framework banner', async () => {
    const response = await request(app).get('/healthz')
    expect(response.headers['content-security-policy']).toContain("default-src 'none'")
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(response.headers['strict-transport-security']).toBeDefined()
    expect(response.headers['x-powered-by']).toBeUndefined()
  })

  it.each([
    ['a safe id is honoured', 'build-42.step:7', 'build-42.step:7'],
    ['an id with spaces is replaced', 'not safe', undefined],
    ['an id of 200 characters is replaced', 'x'.repeat(200), undefined],
    ['no id gets one', undefined, undefined],
  ])('x-request-id: %s', async (_, given, echoed) => {
    const call = request(app).get('/v1/samples/no-such-sample')
    const response = await (given === undefined ? call : call.set('x-request-id', given))
    const id = response.headers['x-request-id']
    if (echoed !== undefined) expect(id).toBe(echoed)
    else expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  })

  it('is logged as one JSON line with the request id, and nothing of headers or body', async () => {
    const { logger, lines } = capturedLogger()
    const logged = testApp({}, { logger })
    await request(logged)
      .post('/v1/validate')
      .set('x-request-id', 'trace-me')
      .set('Authorization', 'Bearer secret-token')
      .send({ policy: '{"Version": "2012-10-17", "Statement": []}' })
    await request(logged).get('/nowhere').set('x-request-id', 'trace-me-too')
    const [first, second] = lines
    expect(first).toMatchObject({
      level: 'info',
      requestId: 'trace-me',
      req: { method: 'POST', url: '/v1/validate' },
      res: { statusCode: 200 },
      msg: 'request completed',
    })
    expect(second).toMatchObject({
      level: 'warn',
      requestId: 'trace-me-too',
      res: { statusCode: 404 },
    })
    expect(JSON.stringify(lines)).not.toContain('secret-token')
    expect(JSON.stringify(lines)).not.toContain('Statement')
  })
})

describe('the request log', () => {
  it('writes only the lines at or above its level', async () => {
    const { logger, lines } = capturedLogger('error')
    const quiet = testApp({}, { logger })
    await request(quiet).get('/healthz')
    await request(quiet).get('/nowhere')
    expect(lines).toEqual([])
  })

  it('logs a probe that succeeds at debug, and one that fails as any other request', async () => {
    const { logger, lines } = capturedLogger('debug')
    const notReady: CatalogProvider = {
      loaded: false,
      catalog: () => sharedCatalog.catalog(),
      data: () => sharedCatalog.data(),
      load: () => {},
    }
    await request(testApp({}, { logger })).get('/healthz')
    // a query string the probe does not take: refused, and so logged
    await request(testApp({}, { logger })).get('/healthz?from=start')
    await request(testApp({}, { logger, catalog: notReady })).get('/readyz')
    expect(lines.map((line) => [line.level, (line.req as { url: string }).url])).toEqual([
      ['debug', '/healthz'],
      ['warn', '/healthz'],
      ['error', '/readyz'],
    ])
  })

  // finding: every line carried the whole URL, query string included (128 MB per 10 minutes)
  it('logs the path without the query string, and at most 200 characters of it', async () => {
    const { logger, lines } = capturedLogger()
    const logged = testApp({}, { logger })
    await request(logged).get(`/v1/catalog/services?family=connect&token=${'s'.repeat(5000)}`)
    await request(logged).get(`/v1/samples/${'x'.repeat(5000)}?secret=1`)
    const [withQuery, long] = lines
    expect(withQuery).toMatchObject({ req: { url: '/v1/catalog/services' } })
    const url = String((long?.req as { url?: unknown } | undefined)?.url)
    expect(url).toBe(`/v1/samples/${'x'.repeat(200 - '/v1/samples/'.length)}…`)
    expect(JSON.stringify(lines)).not.toContain('secret')
    expect(JSON.stringify(lines)).not.toContain('token')
    for (const line of lines) expect(JSON.stringify(line).length).toBeLessThan(600)
  })

  it('logs a request whose client left before the body arrived as aborted', async () => {
    const { logger, lines } = capturedLogger()
    const server = testApp({}, { logger }).listen(0, '127.0.0.1')
    await once(server, 'listening')
    try {
      const { port } = server.address() as AddressInfo
      const socket = connect(port, '127.0.0.1')
      await once(socket, 'connect')
      // the server asks for the body once it has the request: then the client leaves
      socket.write(
        'POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nExpect: 100-continue\r\nx-request-id: left-early\r\n\r\n',
      )
      await once(socket, 'data')
      socket.write('{"policy":')
      socket.destroy()
      // a give-up limit, not a speed check
      const giveUp = Date.now() + 30_000
      while (lines.length === 0 && Date.now() < giveUp) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatchObject({
        level: 'warn',
        requestId: 'left-early',
        req: { method: 'POST', url: '/v1/validate', remoteAddress: '127.0.0.1' },
        msg: 'request aborted',
      })
    } finally {
      server.close()
    }
  })
})

describe('errors', () => {
  it('answers a route that does not exist with a 404 problem', async () => {
    const problem = expectProblem(await request(app).get('/v2/validate'), 404, 'not-found')
    expect(problem.detail).toBe('no route answers `GET /v2/validate`')
  })

  it('answers a method a route does not take with 405 and Allow', async () => {
    const response = await request(app).post('/v1/samples').send({})
    expectProblem(response, 405, 'method-not-allowed')
    expect(response.headers.allow).toBe('GET, HEAD')
  })

  it('answers HEAD on GET routes', async () => {
    const response = await request(app).head('/healthz')
    expect(response.status).toBe(200)
    expect(response.text).toBeUndefined()
  })

  it('answers a failure inside with a 500 problem that says nothing of it, and logs it', async () => {
    const { logger, lines } = capturedLogger()
    const failing: CatalogProvider = {
      loaded: true,
      catalog: () => sharedCatalog.catalog(),
      data: () => {
        throw new Error('secret detail at /srv/app/src/catalog.ts:12:3')
      },
      load: () => {},
    }
    const broken = testApp({}, { logger, catalog: failing })
    const response = await request(broken)
      .get('/v1/catalog/services')
      .set('x-request-id', 'failed-1')
    const problem = expectProblem(response, 500, 'internal-error')
    expect(JSON.stringify(problem)).not.toContain('secret')
    const logged = lines.find((line) => line.msg === 'request failed')
    expect(logged).toMatchObject({ level: 'error', requestId: 'failed-1' })
    expect(JSON.stringify(logged)).toContain('secret detail')
  })
})

describe('CORS', () => {
  it('sends no CORS header unless origins are configured', async () => {
    const response = await request(app).get('/healthz').set('Origin', 'https://portal.example.com')
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('allows the configured origins only, and answers their preflight', async () => {
    const allowed = testApp({ corsOrigins: ['https://portal.example.com'] })
    const yes = await request(allowed).get('/healthz').set('Origin', 'https://portal.example.com')
    const no = await request(allowed).get('/healthz').set('Origin', 'https://evil.example.com')
    expect(yes.headers['access-control-allow-origin']).toBe('https://portal.example.com')
    expect(yes.headers['access-control-expose-headers']).toContain('x-request-id')
    expect(no.headers['access-control-allow-origin']).toBeUndefined()
    const preflight = await request(allowed)
      .options('/v1/evaluate')
      .set('Origin', 'https://portal.example.com')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type')
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-methods']).toContain('POST')
  })

  it('allows any origin with `*`', async () => {
    const open = testApp({ corsOrigins: '*' })
    const response = await request(open).get('/healthz').set('Origin', 'https://any.example.com')
    expect(response.headers['access-control-allow-origin']).toBe('*')
  })
})

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a client is over the limit', async () => {
    const limited = testApp({ rateLimitMax: 2, rateLimitWindowMs: 60_000 })
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await request(limited).get('/v1/samples/no-such-sample')
      expect(response.status).toBe(404)
      expect(response.headers.ratelimit).toBeDefined()
    }
    const response = await request(limited).get('/v1/samples/no-such-sample')
    const problem = expectProblem(response, 429, 'too-many-requests')
    expect(problem.detail).toContain('more than 2 requests in 60 s')
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0)
  })
})

describe('request timeout', () => {
  let server: Server

  beforeAll(async () => {
    server = testApp({ requestTimeoutMs: 100 }).listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
  })

  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('answers 408 when the body does not arrive in time, and closes the connection', async () => {
    // the body announces 100 bytes and sends 10: the server waits for the rest until its deadline;
    // the client is too slow, which 408 says (503 would say the server was)
    const response = await rawRequest(server, {
      path: '/v1/evaluate',
      headers: { 'Content-Type': 'application/json', 'Content-Length': 100 },
      body: '{"policies',
      keepOpen: true,
    })
    expectProblem(response, 408, 'client-timeout')
    expect(response.headers.connection).toBe('close')
  })
})
