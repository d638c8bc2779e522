import type { Limits } from '../../env.ts'
import { type Handler, JsonText } from '../../http/handle.ts'
import { type PoolRoute, runInPool } from '../../pool/run-in-pool.ts'
import type { EvaluateAnswer } from './evaluate-body.ts'
import type { EvaluateOperation } from './schemas.ts'

export interface EvaluateSettings extends PoolRoute {
  readonly limits: Limits
}

/**
 * Decides the requests of the body in a worker thread of the pool (`evaluator` in
 * `evaluate-body.ts`, with the thread's cache of compiled sets), which stops the work at the
 * request's deadline.
 */
export function evaluateRequests(settings: EvaluateSettings): Handler<EvaluateOperation> {
  const { limits } = settings
  return async ({ body }, { res }) => {
    const json = await runInPool({ kind: 'evaluate', body, limits }, res, settings)
    return new JsonText<EvaluateAnswer>(json)
  }
}
