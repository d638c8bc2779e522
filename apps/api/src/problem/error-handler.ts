import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from 'pino'
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
 * The one error handler: every error becomes a problem response. Server errors are logged with
 * their stack under the request id; the response says nothing of them. Once a response has begun,
 * Express's own handler closes the connection.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    // the client has gone: nothing can reach it, and the request log records it as aborted
    if (res.destroyed) return
    if (res.headersSent) {
      if (!res.writableEnded) next(error)
      return
    }
    const problem = problemFromError(error)
    if (problem.status >= 500 && problem.problemType === 'internal-error') {
      logger.error({ requestId: req.id, err: error }, 'request failed')
    }
    sendProblem(res, problem.toProblem(), problem.extras.headers)
  }
}
