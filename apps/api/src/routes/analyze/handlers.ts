import { type Handler, JsonText } from '../../http/handle.ts'
import { type PoolRoute, runInPool } from '../../pool/run-in-pool.ts'
import type { Answer } from './analyze-body.ts'
import type {
  AuditOperation,
  CheckNotGrantedOperation,
  CompareOperation,
  SummarizeOperation,
} from './schemas.ts'

/** Each analysis runs in a worker thread of the pool, which stops it at the request's deadline. */
export function compare(settings: PoolRoute): Handler<CompareOperation> {
  return async ({ body }, { res }) =>
    new JsonText<Answer<CompareOperation>>(
      await runInPool({ kind: 'analyze', analysis: 'compare', body }, res, settings),
    )
}

export function checkNotGranted(settings: PoolRoute): Handler<CheckNotGrantedOperation> {
  return async ({ body }, { res }) =>
    new JsonText<Answer<CheckNotGrantedOperation>>(
      await runInPool({ kind: 'analyze', analysis: 'check-not-granted', body }, res, settings),
    )
}

export function summarize(settings: PoolRoute): Handler<SummarizeOperation> {
  return async ({ body }, { res }) =>
    new JsonText<Answer<SummarizeOperation>>(
      await runInPool({ kind: 'analyze', analysis: 'summarize', body }, res, settings),
    )
}

export function audit(settings: PoolRoute): Handler<AuditOperation> {
  return async ({ body }, { res }) =>
    new JsonText<Answer<AuditOperation>>(
      await runInPool({ kind: 'analyze', analysis: 'audit', body }, res, settings),
    )
}
