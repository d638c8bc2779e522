import { Router } from 'express'
import type { CatalogProvider } from '../../dependencies.ts'
import { handle } from '../../http/handle.ts'
import type { WorkPool } from '../../pool/work-pool.ts'
import { route } from '../route.ts'
import { getHealth, getReadiness } from './handlers.ts'
import { healthOperation, readinessOperation } from './schemas.ts'

export function healthRouter(catalog: CatalogProvider, pool: WorkPool): Router {
  const router = Router()
  route(router, healthOperation, handle(healthOperation, getHealth))
  route(router, readinessOperation, handle(readinessOperation, getReadiness(catalog, pool)))
  return router
}
