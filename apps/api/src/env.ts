import { availableParallelism } from 'node:os'
import { defaultBudget } from '@connect-policy/core'
import { z } from 'zod'

/** Bounds on what one call may ask of the server; each keeps one call's time and memory bounded. */
export interface Limits {
  /** Largest request body, in bytes, after decompression. */
  readonly bodyBytes: number
  /** Deepest nesting of objects and arrays in a JSON body. */
  readonly jsonDepth: number
  /** Most items of any JSON array, and most members of any JSON object, in a body. */
  readonly jsonItems: number
  /** Longest policy, in characters (a policy given as an object counts as its compact JSON). */
  readonly policyChars: number
  /**
   * Longest file `POST /v1/sources/validate` reads, in characters: a template, a plan or an
   * account export holds many policies, each of them held to `policyChars` as well.
   */
  readonly sourceChars: number
  /** Most policies in one policy set, every type and level together. */
  readonly policies: number
  /** Most requests in one `requests` batch. */
  readonly batchRequests: number
  /**
   * Most bytes of JSON the results of one batch may take; the requests after those that fit are
   * left undecided and counted (`omittedResults`).
   */
  readonly batchAnswerBytes: number
  /**
   * Most steps of work the requests of one batch may be estimated at together (core's
   * estimate, as for one request's `maxSteps`); a batch estimated over it is refused before any
   * of its requests is decided.
   */
  readonly batchSteps: number
  /** Most resources in one authorization request. */
  readonly resources: number
  /** Most statement traces one call may explain before it is refused. */
  readonly explainTraces: number
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof logLevels)[number]

/** Everything the API reads from its environment, parsed and checked. */
export interface AppConfig {
  readonly port: number
  readonly host: string
  readonly logLevel: LogLevel
  readonly limits: Limits
  /** Time a request may take, from its first byte to its response, before a 503. */
  readonly requestTimeoutMs: number
  /** Time in-flight requests get to finish after SIGTERM or SIGINT. */
  readonly shutdownTimeoutMs: number
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveTimeoutMs: number
  /** Requests per client and window; `0` turns rate limiting off. */
  readonly rateLimitMax: number
  readonly rateLimitWindowMs: number
  /** Origins allowed by CORS: `*` for any, none to send no CORS headers. */
  readonly corsOrigins: '*' | readonly string[]
  /** How many proxies in front of the API to trust for the client address (`X-Forwarded-For`). */
  readonly trustProxyHops: number
  /** Worker processes started by `src/cluster.ts`. */
  readonly workers: number
  /**
   * Estimated bytes of compiled policy sets each worker thread keeps for later calls (core's
   * `approximateBytes()`); `0` keeps none.
   */
  readonly compiledSetCacheBytes: number
  /** Worker threads that evaluate and validate, off the event loop. */
  readonly poolThreads: number
  /**
   * Most evaluations and validations waiting for a thread; past it, new ones are shed with 503
   * (as they are sooner when the work queued would take over half the time limit).
   */
  readonly poolQueueMax: number
  /** Event-loop delay, in milliseconds, over which requests other than probes are shed; `0` never. */
  readonly eventLoopDelayMaxMs: number
  /**
   * Port of the probes' own listener, in a thread of its own (`0` for any free port); none when
   * not set.
   */
  readonly healthPort?: number
  /** How long the event loop may go without a turn before that listener's `/healthz` fails. */
  readonly healthStaleMs: number
}

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` })

const integer = (fallback: number, min: number, max: number) =>
  wholeNumber(min, max).default(fallback)

/**
 * Threads of the pool when `POOL_THREADS` is not set: the cores Node may use, shared among the
 * `WORKERS` processes of `src/cluster.ts` (one process by default), at least one.
 */
export function defaultPoolThreads(workers: number, parallelism = availableParallelism()): number {
  return Math.max(1, Math.floor(parallelism / workers))
}

const origin = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/

const envSchema = z.object({
  PORT: integer(3000, 0, 65_535),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info'),
  BODY_LIMIT_BYTES: integer(1_048_576, 1024, 64 * 1_048_576),
  JSON_MAX_DEPTH: integer(32, 8, 256),
  JSON_MAX_ITEMS: integer(1000, 10, 100_000),
  POLICY_MAX_CHARS: integer(20_480, 256, 1_048_576),
  // a file of many policies, bounded apart from one policy's limit: 1 Mi characters (a YAML
  // template of 1,400 roles with two policies each) is read and validated in 1 to 2.5 s on one
  // thread of a shared machine, within REQUEST_TIMEOUT_MS
  SOURCE_MAX_CHARS: integer(1_048_576, 1024, 64 * 1_048_576),
  POLICIES_MAX: integer(20, 1, 1000),
  BATCH_MAX: integer(1000, 1, 10_000),
  // the budget core gives one answer (`maxAnswerBytes`), for a batch's answers together
  BATCH_MAX_ANSWER_BYTES: integer(defaultBudget.maxAnswerBytes, 1024, 1024 * 1_048_576),
  // the work core allows one request (`maxSteps`), for a batch's requests together
  BATCH_MAX_STEPS: integer(defaultBudget.maxSteps, 1000, 1_000_000_000_000),
  RESOURCES_MAX: integer(20, 1, 1000),
  EXPLAIN_MAX_TRACES: integer(5000, 1, 10_000_000),
  REQUEST_TIMEOUT_MS: integer(5000, 100, 600_000),
  SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 600_000),
  KEEP_ALIVE_TIMEOUT_MS: integer(5000, 0, 600_000),
  RATE_LIMIT_MAX: integer(300, 0, 1_000_000),
  RATE_LIMIT_WINDOW_MS: integer(60_000, 1000, 86_400_000),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value, context): '*' | string[] => {
      const trimmed = value.trim()
      if (trimmed === '*') return '*'
      const origins = trimmed
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0)
      for (const entry of origins) {
        if (!origin.test(entry)) {
          context.addIssue({
            code: 'custom',
            message: `\`${entry}\` is not an origin such as \`https://portal.example.com\``,
          })
        }
      }
      return origins
    }),
  TRUST_PROXY_HOPS: integer(0, 0, 10),
  WORKERS: integer(1, 1, 64),
  // per thread: 16 MiB holds the largest set the other limits let through (20 policies of 420
  // statements, about 14 MB once it has met 2,000 actions) or hundreds of typical ones (5 to
  // 80 KB each; 20 large AWS managed policies, 1.6 to 2.5 MB); the README has the figures
  COMPILED_SET_CACHE_BYTES: integer(16 * 1_048_576, 0, 1024 * 1_048_576),
  POOL_THREADS: wholeNumber(1, 256).optional(),
  POOL_QUEUE_MAX: integer(1000, 0, 100_000),
  EVENT_LOOP_DELAY_MAX_MS: integer(500, 0, 60_000),
  HEALTH_PORT: wholeNumber(0, 65_535).optional(),
  HEALTH_STALE_MS: integer(10_000, 100, 600_000),
})

export type EnvVariable = keyof z.input<typeof envSchema>

/** The variables `readConfig` reads, in the order the README documents them. */
export const envVariables = Object.keys(envSchema.shape) as EnvVariable[]

/**
 * Variables of earlier versions that mean something else now: one still set stops the server
 * with the new name, rather than being ignored while the operator believes it applies.
 */
const renamedVariables: Readonly<Record<string, string>> = {
  COMPILED_SET_CACHE_CHARS:
    'renamed `COMPILED_SET_CACHE_BYTES`, which counts the estimated bytes of compiled sets, not characters of JSON',
}

export type ConfigResult =
  | { readonly config: AppConfig; readonly errors?: never }
  | { readonly config?: never; readonly errors: readonly string[] }

/**
 * Reads the configuration from environment variables. An empty variable counts as unset, so
 * that `PORT=` in a compose file means the default rather than zero.
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const given: Record<string, string> = {}
  for (const name of envVariables) {
    const value = env[name]
    if (value !== undefined && value.trim() !== '') given[name] = value
  }
  const renamed = Object.keys(renamedVariables)
    .filter((name) => (env[name] ?? '').trim() !== '')
    .map((name) => `${name}: ${renamedVariables[name]}`)
  const parsed = envSchema.safeParse(given)
  if (!parsed.success || renamed.length > 0) {
    const issues = parsed.success ? [] : parsed.error.issues
    return {
      errors: [
        ...renamed,
        ...issues.map((issue) => {
          const name = String(issue.path[0] ?? 'environment')
          const value = given[name]
          return `${name}${value === undefined ? '' : ` (\`${value}\`)`}: ${issue.message}`
        }),
      ],
    }
  }
  const values = parsed.data
  return {
    config: {
      port: values.PORT,
      host: values.HOST,
      logLevel: values.LOG_LEVEL,
      limits: {
        bodyBytes: values.BODY_LIMIT_BYTES,
        jsonDepth: values.JSON_MAX_DEPTH,
        jsonItems: values.JSON_MAX_ITEMS,
        policyChars: values.POLICY_MAX_CHARS,
        sourceChars: values.SOURCE_MAX_CHARS,
        policies: values.POLICIES_MAX,
        batchRequests: values.BATCH_MAX,
        batchAnswerBytes: values.BATCH_MAX_ANSWER_BYTES,
        batchSteps: values.BATCH_MAX_STEPS,
        resources: values.RESOURCES_MAX,
        explainTraces: values.EXPLAIN_MAX_TRACES,
      },
      requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
      shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
      keepAliveTimeoutMs: values.KEEP_ALIVE_TIMEOUT_MS,
      rateLimitMax: values.RATE_LIMIT_MAX,
      rateLimitWindowMs: values.RATE_LIMIT_WINDOW_MS,
      corsOrigins: values.CORS_ORIGINS,
      trustProxyHops: values.TRUST_PROXY_HOPS,
      workers: values.WORKERS,
      compiledSetCacheBytes: values.COMPILED_SET_CACHE_BYTES,
      poolThreads: values.POOL_THREADS ?? defaultPoolThreads(values.WORKERS),
      poolQueueMax: values.POOL_QUEUE_MAX,
      eventLoopDelayMaxMs: values.EVENT_LOOP_DELAY_MAX_MS,
      ...(values.HEALTH_PORT === undefined ? {} : { healthPort: values.HEALTH_PORT }),
      healthStaleMs: values.HEALTH_STALE_MS,
    },
  }
}

/** The defaults, as a test or a benchmark starts from. */
export function defaultConfig(): AppConfig {
  const result = readConfig({})
  if (result.config === undefined) throw new Error('the default configuration is invalid')
  return result.config
}

/**
 * The one place that reads `process.env`: the configuration, or a message naming every bad
 * variable on stderr and exit code 2, before anything listens.
 */
export function loadConfigOrExit(): AppConfig {
  const result = readConfig(process.env)
  if (result.errors !== undefined) {
    process.stderr.write(
      `invalid configuration:\n${result.errors.map((error) => `  ${error}`).join('\n')}\n`,
    )
    process.exit(2)
  }
  return result.config
}
