import type { RequestHandler } from 'express'
import { ProblemError } from '../problem/problem.ts'
import { sendProblem } from '../problem/send-problem.ts'

declare global {
  namespace Express {
    interface Locals {
      /** When the request must be answered by, on the clock the app was given. */
      deadline: number
    }
  }
}

/** The problem of a request that arrived in time but whose work did not finish in time. */
export function timeoutProblem(timeoutMs: number): ProblemError {
  return new ProblemError(
    'request-timeout',
    `the request was not answered within ${timeoutMs} ms; send smaller batches`,
  )
}

/** The problem of a client whose request did not arrive in time. */
export function clientTimeoutProblem(timeoutMs: number): ProblemError {
  return new ProblemError(
    'client-timeout',
    `the request did not arrive within ${timeoutMs} ms; the connection is closed`,
  )
}

/**
 * Gives each request a deadline, `timeoutMs` after it arrives. A timer answers when nothing has
 * been sent by then, and closes the connection: 408 `client-timeout` when the body has not all
 * arrived (the client is too slow), 503 `request-timeout` when it has and the work is what took
 * too long. Work in the pool is stopped at the same deadline (`runInPool`).
 */
export function deadline(timeoutMs: number, now: () => number): RequestHandler {
  return (req, res, next) => {
    res.locals.deadline = now() + timeoutMs
    const timer = setTimeout(() => {
      if (res.headersSent) return
      const problem = req.complete ? timeoutProblem(timeoutMs) : clientTimeoutProblem(timeoutMs)
      sendProblem(res, problem.toProblem(), { Connection: 'close' })
    }, timeoutMs)
    timer.unref()
    res.once('close', () => clearTimeout(timer))
    next()
  }
}
