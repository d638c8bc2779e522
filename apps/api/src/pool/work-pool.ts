import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import type { Logger } from 'pino'
import { Piscina } from 'piscina'
import type { AppConfig } from '../env.ts'
import { isFailedMessage, isLoadedMessage, type WorkerSettings } from './messages.ts'
import type { Task, TaskResult } from './tasks.ts'

export interface WorkPoolOptions {
  /** Worker threads, all started at once and kept. */
  readonly threads: number
  /** Most tasks waiting for a thread; `run` refuses more with `PoolFullError`. */
  readonly queueMax: number
  /** Estimated bytes of compiled policy sets each thread keeps. */
  readonly cacheBytes: number
  /** Where the pool reports a thread that failed outside a task, and threads it replaced. */
  readonly logger: Logger
  /**
   * The module the threads run, `src/pool/worker.ts` unless a test gives its own (one that runs
   * slowly, say); it gets `workerData` beside the settings.
   */
  readonly module?: URL
  readonly workerData?: Readonly<Record<string, unknown>>
}

/** The options of the pool a configuration asks for. */
export function workPoolOptions(config: AppConfig, logger: Logger): WorkPoolOptions {
  return {
    threads: config.poolThreads,
    queueMax: config.poolQueueMax,
    cacheBytes: config.compiledSetCacheBytes,
    logger,
  }
}

/** The pool of worker threads that evaluate and validate, off the event loop. */
export interface WorkPool {
  readonly threads: number
  readonly queueMax: number
  /**
   * Runs a task on a thread, after those queued before it. Aborting `signal` takes a task that
   * waits out of the queue, and stops the thread of a task that runs (a new thread replaces it).
   */
  run(task: Task, signal: AbortSignal): Promise<TaskResult>
  /** Tasks waiting for a thread. */
  queued(): number
  /** Whether a new task would find the queue at its bound. */
  full(): boolean
  /**
   * About how long a new task would wait for a thread, in milliseconds: 0 while a thread is
   * idle; otherwise the tasks ahead of it (those queued, and one running) times the mean time a
   * task takes, shared among the threads, or how long the oldest task in the pool has been in it,
   * whichever is more. The mean is of the tasks done lately (an exponential average), so it
   * follows what calls cost now; the oldest task's age tells as much before any is done, and when
   * tasks take longer than they did.
   */
  expectedWaitMs(): number
  /** Whether every thread started with the pool has loaded the AWS service reference. */
  loaded(): boolean
  /**
   * Resolves once `loaded()` is true; rejects if a thread could not load its work (a module
   * that does not load, a service reference that cannot be read) before then.
   */
  readonly ready: Promise<void>
  /** Threads stopped in the middle of a task (at its deadline) and replaced, since the start. */
  replaced(): number
  /** Stops every thread; tasks still queued or running are refused. */
  close(): Promise<void>
}

/** `run` found the queue at its bound. */
export class PoolFullError extends Error {
  constructor() {
    super('every worker thread is busy and the queue is at its bound')
    this.name = 'PoolFullError'
  }
}

/** piscina's errors for a full queue, by message (they have no code). */
const queueFullMessages = new Set([
  'Task queue is at limit',
  'No task queue available and all Workers are busy',
])

/** tsx's loader as `--import` names it: `tsx`, or the path of its loader (as the tsx CLI gives it). */
const tsxLoader = /(?:^|[\\/])tsx(?:[\\/]dist[\\/]loader\.mjs)?$/

/**
 * The threads run TypeScript as this process does, through tsx: it is inherited when the process
 * was started with it (`tsx src/server.ts`, `node --import tsx`), and added otherwise (a test
 * runner that compiles on its own).
 */
function workerExecArgv(): string[] {
  if (process.execArgv.some((argument) => tsxLoader.test(argument))) return process.execArgv
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  return [...process.execArgv, '--import', tsx]
}

/**
 * Starts `threads` worker threads (piscina), each of which loads the AWS service reference and
 * keeps its own cache of compiled sets. They run at the main thread's priority: with one thread
 * per core, the event loop still gets its share of the CPU when every thread is busy, and a lower
 * priority (piscina's `niceIncrement`) would let any other process on the machine starve the
 * threads (measured: a shared machine at a load of 9 decided 2 requests a second at nice 10).
 */
export function createWorkPool(options: WorkPoolOptions): WorkPool {
  const { threads, queueMax, logger } = options
  const settings: WorkerSettings = { ...options.workerData, cacheBytes: options.cacheBytes }
  const piscina = new Piscina<Task, TaskResult>({
    filename: (options.module ?? new URL('./worker.ts', import.meta.url)).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    maxQueue: queueMax,
    execArgv: workerExecArgv(),
    workerData: settings,
  })
  // the threads that have loaded their work, by id
  const loadedThreads = new Set<number>()
  let initialThreadsLoaded = false
  let replaced = 0
  let closing = false
  let markReady = () => {}
  let markFailed = (_error: Error) => {}
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve
    markFailed = reject
  })
  // nothing need wait on `ready`: a failure is in the log too
  ready.catch(() => {})
  piscina.on('message', (message: unknown) => {
    if (isFailedMessage(message)) {
      logger.error(
        { threadId: message.threadId, err: message.error },
        'a worker thread could not load',
      )
      markFailed(new Error(`a worker thread could not load: ${message.error}`))
      return
    }
    if (!isLoadedMessage(message)) return
    loadedThreads.add(message.threadId)
    logger.debug({ threadId: message.threadId, ms: message.ms }, 'worker thread loaded')
    if (!initialThreadsLoaded && loadedThreads.size === threads) {
      initialThreadsLoaded = true
      markReady()
    }
  })
  piscina.on('workerDestroy', (worker: { readonly id: number }) => {
    if (closing) return
    if (!loadedThreads.delete(worker.id)) {
      // stopped before its work was loaded: its module could not be loaded (piscina reports the
      // error as an 'error' event, or to the tasks it had)
      logger.error({ threadId: worker.id }, 'a worker thread stopped before it loaded')
      markFailed(new Error('a worker thread stopped before it loaded (see the log)'))
      return
    }
    replaced++
    logger.warn(
      { threadId: worker.id },
      'a worker thread stopped (its task was aborted at its deadline, or it failed); another replaces it',
    )
  })
  piscina.on('error', (error: unknown) => {
    logger.error({ err: error }, 'a worker thread failed')
  })
  // the mean milliseconds of the tasks done lately, each weighing a tenth
  let meanTaskMs = 0
  // when each task in the pool (queued or running) was given to it, oldest first
  const inPool = new Set<{ readonly since: number }>()
  const oldestAge = () => {
    const oldest = inPool.values().next().value
    return oldest === undefined ? 0 : performance.now() - oldest.since
  }
  return {
    threads,
    queueMax,
    async run(task, signal) {
      const entry = { since: performance.now() }
      inPool.add(entry)
      try {
        const result = await piscina.run(task, { signal })
        if (result.ms !== undefined) {
          meanTaskMs = meanTaskMs === 0 ? result.ms : 0.9 * meanTaskMs + 0.1 * result.ms
        }
        return result
      } catch (error) {
        if (error instanceof Error && queueFullMessages.has(error.message)) {
          throw new PoolFullError()
        }
        throw error
      } finally {
        inPool.delete(entry)
      }
    },
    queued: () => piscina.queueSize,
    full: () => piscina.queueSize >= queueMax && piscina.idleThreads === 0,
    expectedWaitMs: () =>
      piscina.idleThreads > 0
        ? 0
        : Math.max(((piscina.queueSize + 1) * meanTaskMs) / threads, oldestAge()),
    loaded: () => initialThreadsLoaded,
    ready,
    replaced: () => replaced,
    async close() {
      closing = true
      await piscina.destroy()
    },
  }
}
