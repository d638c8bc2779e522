import type { CatalogProvider } from '../../dependencies.ts'
import type { Handler } from '../../http/handle.ts'
import type { WorkPool } from '../../pool/work-pool.ts'
import { ProblemError } from '../../problem/problem.ts'
import type { healthOperation, readinessOperation } from './schemas.ts'

export const getHealth: Handler<typeof healthOperation> = () => ({ status: 'ok' })

/** Ready once the AWS service reference is loaded, on the main thread and in every worker thread. */
export function getReadiness(
  catalog: CatalogProvider,
  pool: WorkPool,
): Handler<typeof readinessOperation> {
  return () => {
    if (!catalog.loaded || !pool.loaded()) {
      throw new ProblemError('not-ready', 'the AWS service reference is still loading', {
        headers: { 'Retry-After': '1' },
      })
    }
    return { status: 'ready', catalog: catalog.data().source }
  }
}
