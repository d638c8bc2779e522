import type { ErrorRequestHandler, RequestHandler } from 'express'
import { problemFromError } from './from-error.ts'
import { ProblemError } from './problem.ts'
import { sendProblem } from './send-problem.ts'

const shownPathLength = 200

/** The last route: nothing matched. */
export function notFound(): RequestHandler {
  return (req) => {
    const path =
      req.path.length > shownPathLength ? `${req.path.slice(0, shownPathLength)}…` : req.path
    throw new ProblemError('not-found', `no route answers \`${req.method} ${path}\``)
  }
}

/**
 * The one error handler: every error becomes a problem response. A failure inside is handed to
 * the request log (`res.err`), which writes it with its stack under the request id; the response
 * says nothing of it. Once a response has begun, Express's own handler closes the connection.
 */
export function errorHandler(): ErrorRequestHandler {
  return (error, _req, res, next) => {
    // the client has gone: nothing can reach it, and the request log records it as aborted
    if (res.destroyed) return
    if (res.headersSent) {
      if (!res.writableEnded) next(error)
      return
    }
    const problem = problemFromError(error)
    if (problem.status >= 500 && problem.problemType === 'internal-error') {
      res.err = error instanceof Error ? error : new Error(String(error))
    }
    sendProblem(res, problem.toProblem(), problem.extras.headers)
  }
}
