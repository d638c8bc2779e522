import type { RequestHandler, Router } from 'express'
import { type AnyOperation, expressPath } from '../openapi/operation.ts'
import { ProblemError } from '../problem/problem.ts'

/**
 * Mounts an operation's handlers on its path and method, and answers every other method on that
 * path with 405 and the `Allow` header. Each path of the API has one method.
 */
export function route(
  router: Router,
  operation: AnyOperation,
  ...handlers: RequestHandler[]
): void {
  const allow = operation.method === 'get' ? 'GET, HEAD' : operation.method.toUpperCase()
  router
    .route(expressPath(operation.path))
    [operation.method](...handlers)
    .all(() => {
      throw new ProblemError('method-not-allowed', `\`${operation.path}\` answers ${allow}`, {
        headers: { Allow: allow },
      })
    })
}
