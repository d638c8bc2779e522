import type { Limits } from '../../env.ts'
import { type Handler, JsonText } from '../../http/handle.ts'
import { type PoolRoute, runInPool } from '../../pool/run-in-pool.ts'
import type { SourcesValidateOperation } from './schemas.ts'
import type { SourcesAnswer } from './sources-body.ts'

/**
 * Reads the file of the body and validates its policies in a worker thread of the pool
 * (`sourcesValidator` in `sources-body.ts`), which stops the work at the request's deadline.
 */
export function validateSourceFile(
  limits: Limits,
  settings: PoolRoute,
): Handler<SourcesValidateOperation> {
  return async ({ body }, { res }) => {
    const json = await runInPool(
      { kind: 'sources', body, policyChars: limits.policyChars },
      res,
      settings,
    )
    return new JsonText<SourcesAnswer>(json)
  }
}
