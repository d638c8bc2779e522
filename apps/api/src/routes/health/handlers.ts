import type { CatalogProvider } from '../../dependencies.ts'
import type { Handler } from '../../http/handle.ts'
import { ProblemError } from '../../problem/problem.ts'
import type { healthOperation, readinessOperation } from './schemas.ts'

export const getHealth: Handler<typeof healthOperation> = () => ({ status: 'ok' })

export function getReadiness(catalog: CatalogProvider): Handler<typeof readinessOperation> {
  return () => {
    if (!catalog.loaded) {
      throw new ProblemError('not-ready', 'the AWS service reference is still loading', {
        headers: { 'Retry-After': '1' },
      })
    }
    return { status: 'ready', catalog: catalog.data().source }
  }
}
