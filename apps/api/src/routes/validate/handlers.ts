import { type Handler, JsonText } from '../../http/handle.ts'
import { type PoolRoute, runInPool } from '../../pool/run-in-pool.ts'
import type { ValidateOperation } from './schemas.ts'
import type { ValidateAnswer } from './validate-body.ts'

/**
 * Validates the policy of the body in a worker thread of the pool (`validator` in
 * `validate-body.ts`), which stops the work at the request's deadline.
 */
export function validate(settings: PoolRoute): Handler<ValidateOperation> {
  return async ({ body }, { res }) => {
    const json = await runInPool({ kind: 'validate', body }, res, settings)
    return new JsonText<ValidateAnswer>(json)
  }
}
