import { ProblemError } from './problem.ts'

interface HttpErrorLike {
  readonly status?: unknown
  readonly statusCode?: unknown
  /** body-parser's and raw-body's error kinds, such as `entity.too.large`. */
  readonly type?: unknown
  readonly limit?: unknown
  readonly encoding?: unknown
}

function statusOf(error: HttpErrorLike): number | undefined {
  const status = error.status ?? error.statusCode
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined
}

/**
 * The problem an error becomes. Errors the API raises are problems already; errors of Express
 * and of body parsing are mapped by kind; anything else is `internal-error`, with nothing of the
 * error itself in the response.
 */
export function problemFromError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error
  const known = (typeof error === 'object' && error !== null ? error : {}) as HttpErrorLike
  switch (known.type) {
    case 'entity.too.large':
      return new ProblemError(
        'payload-too-large',
        `the body is larger than the limit of ${String(known.limit)} bytes`,
      )
    case 'encoding.unsupported':
      return new ProblemError(
        'unsupported-media-type',
        `content encoding \`${String(known.encoding)}\` is not supported; send gzip, deflate, br or none`,
      )
    case 'request.size.invalid':
      return new ProblemError(
        'invalid-request',
        'the body is not as long as its `Content-Length` says',
      )
    default:
      break
  }
  const status = statusOf(known)
  if (status === 400) {
    return new ProblemError('invalid-request', 'the request could not be read (a malformed path?)')
  }
  if (status === 404) return new ProblemError('not-found', 'nothing here')
  if (status === 413) return new ProblemError('payload-too-large', 'the body is too large')
  if (status === 415) return new ProblemError('unsupported-media-type', 'the body cannot be read')
  if (status !== undefined && status < 500) {
    return new ProblemError('invalid-request', 'the request could not be read')
  }
  return new ProblemError(
    'internal-error',
    'the server failed to answer; the logs have the details under the request id',
  )
}
