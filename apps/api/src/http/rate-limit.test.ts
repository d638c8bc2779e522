import express from 'express'
import { pino } from 'pino'
import request from 'supertest'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { problemFromError } from '../problem/from-error.ts'
import { sendProblem } from '../problem/send-problem.ts'
import { rateLimit } from './rate-limit.ts'

// the library reads the time from `Date`: only the date is faked, sockets keep their timers
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: 5_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

/** An app with the limiter alone before one route, on a clock the test moves. */
function limitedApp(limit: number, windowMs: number) {
  const app = express()
  app.set('trust proxy', 1)
  app.use(rateLimit({ limit, windowMs, logger: pino({ level: 'silent' }) }))
  app.get('/', (_req, res) => {
    res.json({ ok: true })
  })
  app.use(
    (error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      sendProblem(res, problemFromError(error).toProblem())
    },
  )
  return { app, advance: (ms: number) => vi.setSystemTime(Date.now() + ms) }
}

const from = (address: string) => ({ 'X-Forwarded-For': address })

describe('rateLimit', () => {
  it('says on every response what is left of the window', async () => {
    const { app, advance } = limitedApp(3, 60_000)
    const first = await request(app).get('/').set(from('192.0.2.1'))
    expect(first.status).toBe(200)
    expect(first.headers.ratelimit).toBe('"3-in-1min"; r=2; t=60')
    expect(first.headers['ratelimit-policy']).toMatch(
      /^"3-in-1min"; q=3; w=60; pk=:[A-Za-z0-9+/=]+:$/,
    )
    advance(20_500)
    const second = await request(app).get('/').set(from('192.0.2.1'))
    expect(second.headers.ratelimit).toBe('"3-in-1min"; r=1; t=40')
  })

  it('answers 429 with Retry-After once a client is over the limit, and again after the window', async () => {
    const { app, advance } = limitedApp(2, 10_000)
    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await request(app).get('/').set(from('192.0.2.1'))).status).toBe(200)
    }
    advance(4000)
    const over = await request(app).get('/').set(from('192.0.2.1'))
    expect(over.status).toBe(429)
    expect(over.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(over.headers['retry-after']).toBe('6')
    expect(over.headers.ratelimit).toBe('"2-in-10sec"; r=0; t=6')
    expect(over.body.detail).toBe(
      'more than 2 requests in 10 s; retry after the seconds in `Retry-After`',
    )
    advance(6000)
    expect((await request(app).get('/').set(from('192.0.2.1'))).status).toBe(200)
  })

  it('counts clients apart, and an IPv6 /56 as one client', async () => {
    const { app } = limitedApp(1, 60_000)
    expect((await request(app).get('/').set(from('192.0.2.1'))).status).toBe(200)
    expect((await request(app).get('/').set(from('192.0.2.2'))).status).toBe(200)
    expect((await request(app).get('/').set(from('2001:db8:0:100::1'))).status).toBe(200)
    expect((await request(app).get('/').set(from('2001:db8:0:1ff::2'))).status).toBe(429)
    expect((await request(app).get('/').set(from('2001:db8:0:200::1'))).status).toBe(200)
  })

  it('gives each client its own partition key, the same on every response', async () => {
    const { app } = limitedApp(5, 60_000)
    const policy = async (address: string) =>
      (await request(app).get('/').set(from(address))).headers['ratelimit-policy']
    const first = await policy('192.0.2.1')
    expect(await policy('192.0.2.1')).toBe(first)
    expect(await policy('192.0.2.2')).not.toBe(first)
    expect(first).not.toContain('192.0.2.1')
  })

  it.each([
    [500, '"9-in-0.5sec"; q=9; w=1'],
    [90_000, '"9-in-1.5min"; q=9; w=90'],
    [7_200_000, '"9-in-2hrs"; q=9; w=7200'],
    [86_400_000, '"9-in-1day"; q=9; w=86400'],
  ])('names a window of %i ms for people', async (windowMs, policy) => {
    const { app } = limitedApp(9, windowMs)
    const response = await request(app).get('/')
    expect(response.headers['ratelimit-policy']).toContain(policy)
  })
})
