import type { RequestHandler, Response } from 'express'
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

function timeoutProblem(timeoutMs: number): ProblemError {
  return new ProblemError(
    'request-timeout',
    `the request was not answered within ${timeoutMs} ms; send smaller batches`,
  )
}

/**
 * Gives each request a deadline. A timer answers 503 when nothing has been sent by then (a body
 * that arrives too slowly, anything that waits); CPU-bound work cannot be interrupted by a timer,
 * so long loops call `checkDeadline` between their steps instead.
 */
export function deadline(timeoutMs: number, now: () => number): RequestHandler {
  return (_req, res, next) => {
    res.locals.deadline = now() + timeoutMs
    const timer = setTimeout(() => {
      if (res.headersSent) return
      sendProblem(res, timeoutProblem(timeoutMs).toProblem(), { Connection: 'close' })
    }, timeoutMs)
    timer.unref()
    res.once('close', () => clearTimeout(timer))
    next()
  }
}

/** Throws the 503 problem once the deadline of the request has passed. */
export function checkDeadline(res: Response, now: () => number, timeoutMs: number): void {
  if (now() > res.locals.deadline) throw timeoutProblem(timeoutMs)
}
