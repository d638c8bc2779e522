import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'
import { ProblemError } from '../problem/problem.ts'

/** Requests whose client waits for `100 Continue` before it sends the body. */
const waitingToContinue = new WeakSet<IncomingMessage>()

/**
 * Hands every request with an `Expect` header to the app, rather than letting Node answer it:
 * Node would send `100 Continue` before any check (`checkContinue`), and a bare 417 that no log
 * records for any other expectation (`checkExpectation`). The app answers the second with a
 * problem (`expectations`), and sends `100 Continue` only once a route is about to read the body
 * (`continueIfWaiting`), after the checks that may refuse the request (shedding, rate limit,
 * content type): a refused client never sends its body.
 */
export function answerExpectations(server: Server, app: RequestListener): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    waitingToContinue.add(req)
    app(req, res)
  })
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => app(req, res))
}

/** Refuses an `Expect` header other than `100-continue` with 417 `expectation-failed`. */
export function expectations(): RequestHandler {
  return (req, _res, next) => {
    const expect = req.headers.expect
    if (expect !== undefined && expect.trim().toLowerCase() !== '100-continue') {
      throw new ProblemError(
        'expectation-failed',
        'the only expectation the server meets is `Expect: 100-continue`',
      )
    }
    next()
  }
}

/** Sends `100 Continue` to a client that waits for it before it sends the body. */
export function continueIfWaiting(req: IncomingMessage, res: ServerResponse): void {
  if (!waitingToContinue.has(req)) return
  waitingToContinue.delete(req)
  res.writeContinue()
}
