import { type Server, STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { Logger } from 'pino'
import { ProblemError } from '../problem/problem.ts'
import { problemMediaType } from '../problem/send-problem.ts'

interface ClientError extends Error {
  readonly code?: string
}

function problemFor(error: ClientError): ProblemError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new ProblemError('headers-too-large', 'the request headers are over the limit')
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return new ProblemError(
        'client-timeout',
        'the request did not arrive in time; the connection is closed',
      )
    default:
      return new ProblemError('malformed-http', 'the request line or headers could not be read')
  }
}

/**
 * Answers what Node's HTTP parser refuses before any route sees it (a request line that is not
 * HTTP, headers over the limit, headers that do not arrive within `headersTimeout`) with a problem
 * too, instead of Node's bare status line, and closes the connection, whose stream can no longer
 * be trusted. Each is logged as the request log would (`warn`, with the client address and the
 * status), with the parser's error code, since no request id was read.
 */
export function answerClientErrors(server: Server, logger?: Logger): void {
  server.on('clientError', (error: ClientError, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    const problem = problemFor(error).toProblem()
    logger?.warn(
      {
        req: { remoteAddress: socket.remoteAddress },
        res: { statusCode: problem.status },
        code: error.code,
      },
      'request refused by the HTTP parser',
    )
    const body = JSON.stringify(problem)
    socket.end(
      [
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}`,
        `Content-Type: ${problemMediaType}; charset=utf-8`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    )
  })
}
