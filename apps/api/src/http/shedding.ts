import type { RequestHandler } from 'express'
import type { WorkPool } from '../pool/work-pool.ts'
import { ProblemError } from '../problem/problem.ts'
import type { EventLoopMonitor } from './event-loop.ts'

/** Seconds a shed client is asked to wait (`Retry-After`). */
export const retryAfterSeconds = 1

/**
 * The problem of a request shed rather than queued: nothing was done, retry shortly. The
 * connection is closed too: a client that retries at once must connect again, and a new
 * connection waits in the kernel's queue until the event loop accepts it (libuv accepts one per
 * turn of the loop since 1.45, in Node 20), which slows down a client that ignores `Retry-After`
 * instead of letting it send its next request on the open connection straight away.
 */
export function overloadedProblem(detail: string): ProblemError {
  return new ProblemError('overloaded', `${detail}; retry after ${retryAfterSeconds} s`, {
    headers: { 'Retry-After': String(retryAfterSeconds), Connection: 'close' },
  })
}

/** The problem of a task that found the pool's queue at its bound. */
export function queueFullProblem(pool: WorkPool): ProblemError {
  return overloadedProblem(
    `every worker thread is busy and ${pool.queueMax} evaluations or validations are waiting`,
  )
}

/**
 * Sheds a request, before its body is read, when its work would wait too long for a worker
 * thread: when `POOL_QUEUE_MAX` tasks are queued already, or when the work queued ahead of it
 * would take more than half its time limit (`maxWaitMs`), so that it could hardly be done by its
 * deadline. The client hears 503 at once instead of waiting to be refused at the deadline, and
 * the threads keep to work that can be done in time. For the routes whose work runs in the pool.
 */
export function shedWhenPoolBusy(pool: WorkPool, maxWaitMs: number): RequestHandler {
  return (_req, _res, next) => {
    if (pool.full()) throw queueFullProblem(pool)
    const wait = pool.expectedWaitMs()
    if (wait > maxWaitMs) {
      throw overloadedProblem(
        `every worker thread is busy with about ${Math.round(wait)} ms of work queued, over half the time limit`,
      )
    }
    next()
  }
}

/**
 * Sheds every request it sees while the event loop runs later than `maxMs`: the main thread,
 * which reads requests and answers them, has more than it can do, and a request refused early
 * costs it less than one served late. Mounted after the probes, which are never shed;
 * `undefined` when `maxMs` is 0.
 */
export function shedWhenLoopDelayed(
  monitor: EventLoopMonitor,
  maxMs: number,
): RequestHandler | undefined {
  if (maxMs === 0) return undefined
  return (_req, _res, next) => {
    const delay = monitor.delayMs()
    if (delay > maxMs) {
      throw overloadedProblem(
        `the server's event loop runs ${Math.round(delay)} ms late, over its bound of ${maxMs} ms`,
      )
    }
    next()
  }
}
