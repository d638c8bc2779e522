import { ProblemError } from './problem.ts'

interface HttpErrorLike {
  readonly status?: unknown
  readonly statusCode?: unknown
}

function statusOf(error: HttpErrorLike): number | undefined {
  const status = error.status ?? error.statusCode
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined
}

/**
 * The problem an error becomes. Errors the API raises are problems already; HTTP errors of
 * Express (a path that is not percent-encoding) are mapped by status; anything else is
 * `internal-error`, with nothing of the error itself in the response.
 */
export function problemFromError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error
  const known = (typeof error === 'object' && error !== null ? error : {}) as HttpErrorLike
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
