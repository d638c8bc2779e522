import { Writable } from 'node:stream'
import type { Express } from 'express'
import { afterAll, beforeAll, expect } from 'vitest'
import type { z } from 'zod'
import { type AppDependencies, createApp } from '../app.ts'
import { awsCatalogProvider } from '../dependencies.ts'
import { type AppConfig, defaultConfig, type Limits, type LogLevel } from '../env.ts'
import { createLogger } from '../http/logging.ts'
import { createWorkPool, type WorkPool, type WorkPoolOptions } from '../pool/work-pool.ts'
import { problemSchema } from '../schemas/problem.ts'

/** One AWS service reference for every app a test file builds: it takes a while to load. */
export const sharedCatalog = awsCatalogProvider()

/** A pool of worker threads with the defaults, changed where a test says. */
export function testPool(options: Partial<WorkPoolOptions> = {}): WorkPool {
  return createWorkPool({
    threads: 1,
    queueMax: defaultConfig().poolQueueMax,
    cacheBytes: defaultConfig().compiledSetCacheBytes,
    logger: createLogger('silent'),
    ...options,
  })
}

/**
 * One pool of one worker thread for every app a test file builds, started when the file is
 * loaded: its thread loads the service reference, and the file's tests start once it has, as a
 * server reports ready only then. It is stopped after the file's tests.
 */
export const sharedPool = testPool()
beforeAll(() => sharedPool.ready)
afterAll(() => sharedPool.close())

/**
 * A pool whose every task keeps its thread busy until the test opens the gate (`slow-worker.ts`):
 * work that takes as long as the test says, so that a test asserts what happens while it runs and
 * after, whatever the speed of the machine. The gate can be closed again for later tasks.
 */
export function gatedPool(options: Partial<WorkPoolOptions> = {}) {
  const buffer = new SharedArrayBuffer(8)
  const cells = new Int32Array(buffer)
  const pool = testPool({
    module: new URL('./slow-worker.ts', import.meta.url),
    workerData: { gate: buffer },
    ...options,
  })
  return {
    pool,
    /** Lets every task held, and every later one, finish. */
    open: () => Atomics.store(cells, 0, 1),
    /** Holds the tasks started from now on. */
    close: () => Atomics.store(cells, 0, 0),
    /** Tasks a thread has started (tasks not started, their deadline past, are not counted). */
    started: () => Atomics.load(cells, 1),
  }
}

export interface TestConfig extends Omit<Partial<AppConfig>, 'limits'> {
  readonly limits?: Partial<Limits>
}

/**
 * The default configuration with rate limiting off, and shedding on the event loop's delay off
 * (a test's own work on the main thread, such as loading the service reference, delays it),
 * changed where a test says.
 */
export function testConfig(overrides: TestConfig = {}): AppConfig {
  const base = defaultConfig()
  return {
    ...base,
    rateLimitMax: 0,
    eventLoopDelayMaxMs: 0,
    logLevel: 'silent',
    ...overrides,
    limits: { ...base.limits, ...overrides.limits },
  }
}

export function testApp(
  overrides: TestConfig = {},
  dependencies: Partial<AppDependencies> = {},
): Express {
  const config = testConfig(overrides)
  return createApp(config, {
    catalog: sharedCatalog,
    logger: createLogger(config.logLevel),
    pool: sharedPool,
    ...dependencies,
  })
}

/** A logger that keeps its JSON lines, to check what the app logs. */
export function capturedLogger(level: LogLevel = 'info') {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>)
      }
      done()
    },
  })
  return { logger: createLogger(level, stream), lines }
}

interface ResponseLike {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: unknown
}

/**
 * Checks that a response is the problem it should be: the status, the problem media type, the
 * documented shape, the type, and nothing of the server's insides.
 */
export function expectProblem(response: ResponseLike, status: number, type: string) {
  expect(response.status).toBe(status)
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json; charset=utf-8$/)
  const problem = problemSchema.parse(response.body)
  expect(problem).toEqual(response.body)
  expect(problem.type).toBe(`/problems/${type}`)
  expect(problem.status).toBe(status)
  expect(problem.detail.length).toBeGreaterThan(0)
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|\/src\//)
  return problem
}

/** Checks a body against an operation's documented response, and that it has nothing more. */
export function expectDocumented<Schema extends z.ZodType>(schema: Schema, body: unknown) {
  const parsed = schema.parse(body)
  expect(parsed).toEqual(body)
  return parsed
}
