import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { defaultConfig, defaultPoolThreads, envVariables, readConfig } from './env.ts'

describe('readConfig', () => {
  it('has defaults for everything', () => {
    const config = defaultConfig()
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
      requestTimeoutMs: 5000,
      rateLimitMax: 300,
      corsOrigins: [],
      workers: 1,
      compiledSetCacheBytes: 16 * 1_048_576,
    })
    expect(config.limits).toEqual({
      bodyBytes: 1_048_576,
      jsonDepth: 32,
      jsonItems: 1000,
      policyChars: 20_480,
      sourceChars: 1_048_576,
      policies: 20,
      batchRequests: 1000,
      batchAnswerBytes: 33_554_432,
      batchSteps: 3_000_000,
      resources: 20,
      explainTraces: 5000,
    })
  })

  it.each([
    [{ PORT: '8080' }, { port: 8080 }],
    [{ PORT: '' }, { port: 3000 }],
    [{ PORT: '  ' }, { port: 3000 }],
    [{ HOST: '0.0.0.0' }, { host: '0.0.0.0' }],
    [{ LOG_LEVEL: 'silent' }, { logLevel: 'silent' }],
    [{ RATE_LIMIT_MAX: '0' }, { rateLimitMax: 0 }],
    [{ CORS_ORIGINS: '*' }, { corsOrigins: '*' }],
    [
      { CORS_ORIGINS: 'https://a.example.com, http://localhost:5173' },
      { corsOrigins: ['https://a.example.com', 'http://localhost:5173'] },
    ],
    [{ TRUST_PROXY_HOPS: '1' }, { trustProxyHops: 1 }],
    [{ BATCH_MAX: '10' }, { limits: expect.objectContaining({ batchRequests: 10 }) }],
    [{ SOURCE_MAX_CHARS: '4096' }, { limits: expect.objectContaining({ sourceChars: 4096 }) }],
  ])('reads %o', (env, expected) => {
    expect(readConfig(env).config).toMatchObject(expected)
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT (`eighty`): must be a whole number'],
    [{ PORT: '70000' }, 'PORT (`70000`): must be at most 65535'],
    [{ PORT: '80.5' }, 'PORT (`80.5`): must be a whole number'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL (`verbose`): must be one of fatal, error, warn'],
    [{ BODY_LIMIT_BYTES: '10' }, 'BODY_LIMIT_BYTES (`10`): must be at least 1024'],
    [{ SOURCE_MAX_CHARS: '100' }, 'SOURCE_MAX_CHARS (`100`): must be at least 1024'],
    [{ CORS_ORIGINS: 'portal.example.com' }, '`portal.example.com` is not an origin'],
    [{ CORS_ORIGINS: 'https://a.example.com/path' }, 'is not an origin'],
    [
      { COMPILED_SET_CACHE_CHARS: '4000000' },
      'COMPILED_SET_CACHE_CHARS: renamed `COMPILED_SET_CACHE_BYTES`',
    ],
  ])('refuses %o', (env, message) => {
    const { errors } = readConfig(env)
    expect(errors?.join('\n')).toContain(message)
  })

  it('reports every bad variable at once', () => {
    expect(readConfig({ PORT: 'x', JSON_MAX_DEPTH: '1' }).errors).toHaveLength(2)
  })

  it('ignores variables it does not know', () => {
    expect(readConfig({ PATH: '/bin', NODE_ENV: 'production' }).config).toEqual(defaultConfig())
  })

  it('lists the variables the README documents', () => {
    expect(envVariables).toContain('PORT')
    expect(envVariables).toContain('CORS_ORIGINS')
    expect(envVariables).toHaveLength(28)
  })
})

describe('the worker pool and shedding', () => {
  it('starts as many threads as Node may use cores, shared among the cluster workers, at least one', () => {
    expect(defaultConfig().poolThreads).toBe(availableParallelism())
    expect(readConfig({ WORKERS: '2' }).config?.poolThreads).toBe(defaultPoolThreads(2))
    expect(defaultPoolThreads(1, 8)).toBe(8)
    expect(defaultPoolThreads(4, 8)).toBe(2)
    expect(defaultPoolThreads(3, 8)).toBe(2)
    expect(defaultPoolThreads(16, 8)).toBe(1)
    expect(defaultPoolThreads(1, 1)).toBe(1)
  })

  it('reads the pool size, the queue bound and the delay bound', () => {
    expect(
      readConfig({ POOL_THREADS: '3', POOL_QUEUE_MAX: '0', EVENT_LOOP_DELAY_MAX_MS: '250' }).config,
    ).toMatchObject({ poolThreads: 3, poolQueueMax: 0, eventLoopDelayMaxMs: 250 })
    expect(readConfig({ POOL_THREADS: '' }).config?.poolThreads).toBe(availableParallelism())
    expect(defaultConfig()).toMatchObject({ poolQueueMax: 1000, eventLoopDelayMaxMs: 500 })
  })

  it("starts the probes' own listener only on a port given", () => {
    expect(defaultConfig().healthPort).toBeUndefined()
    expect(readConfig({ HEALTH_PORT: '0', HEALTH_STALE_MS: '3000' }).config).toMatchObject({
      healthPort: 0,
      healthStaleMs: 3000,
    })
    expect(readConfig({ HEALTH_PORT: '9001' }).config?.healthPort).toBe(9001)
  })

  it.each([
    [{ HEALTH_PORT: '70000' }, 'HEALTH_PORT (`70000`): must be at most 65535'],
    [{ HEALTH_STALE_MS: '10' }, 'HEALTH_STALE_MS (`10`): must be at least 100'],
    [{ POOL_THREADS: '0' }, 'POOL_THREADS (`0`): must be at least 1'],
    [{ POOL_THREADS: 'all' }, 'POOL_THREADS (`all`): must be a whole number'],
    [{ POOL_QUEUE_MAX: '-1' }, 'POOL_QUEUE_MAX (`-1`): must be at least 0'],
    [{ EVENT_LOOP_DELAY_MAX_MS: '1.5' }, 'EVENT_LOOP_DELAY_MAX_MS (`1.5`): must be a whole number'],
  ])('refuses %o', (env, message) => {
    expect(readConfig(env).errors?.join('\n')).toContain(message)
  })
})
