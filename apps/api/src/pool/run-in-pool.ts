import type { Response } from 'express'
import { timeoutProblem } from '../http/deadline.ts'
import { queueFullProblem } from '../http/shedding.ts'
import { problemOf, type Task, type TaskResult, type TaskTime } from './tasks.ts'
import { PoolFullError, type WorkPool } from './work-pool.ts'

/** What a route whose work runs in the pool needs besides the task. */
export interface PoolRoute {
  readonly pool: WorkPool
  /** The clock of the request's deadline (`res.locals.deadline`). */
  readonly now: () => number
  readonly timeoutMs: number
}

/**
 * How long past the deadline a task still running is left before its thread is stopped: a batch
 * checks the deadline between its requests and stops within this by itself (one request is
 * bounded by core's budget to a fraction of a second), which keeps its thread, its service
 * reference and its compiled sets; a thread stopped takes seconds to load them again. The client
 * has its 503 at the deadline either way (`deadline`).
 */
export const abortGraceMs = 1000

/** What a task of the request says of its time. */
export type TaskOf<T> = T extends unknown ? Omit<T, keyof TaskTime> : never

/**
 * Runs a route's task in the pool and gives its answer as JSON, or throws the problem it was
 * refused with. The task is aborted at the request's deadline (and `abortGraceMs`): taken out of
 * the queue if it still waits there, its thread stopped (and replaced) if it runs, so that no
 * work outlives its request by more than the grace. A full queue is a 503 `overloaded`.
 */
export async function runInPool(
  work: TaskOf<Task>,
  res: Response,
  { pool, now, timeoutMs }: PoolRoute,
): Promise<string> {
  const remaining = res.locals.deadline - now()
  if (remaining <= 0) throw timeoutProblem(timeoutMs)
  // on `Date.now()`'s clock, which every thread reads alike (the app's own may be another)
  const task = { ...work, deadline: Date.now() + remaining, timeoutMs } as Task
  const controller = new AbortController()
  const stop = setTimeout(() => controller.abort(), remaining + abortGraceMs)
  let result: TaskResult
  try {
    result = await pool.run(task, controller.signal)
  } catch (error) {
    if (error instanceof PoolFullError) throw queueFullProblem(pool)
    if (controller.signal.aborted) throw timeoutProblem(timeoutMs)
    throw error
  } finally {
    clearTimeout(stop)
  }
  if ('problem' in result) throw problemOf(result.problem)
  return result.json
}
