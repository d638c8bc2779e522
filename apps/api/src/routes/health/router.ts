import { Router } from 'express'
import type { CatalogProvider } from '../../dependencies.ts'
import { handle } from '../../http/handle.ts'
import { route } from '../route.ts'
import { getHealth, getReadiness } from './handlers.ts'
import { healthOperation, readinessOperation } from './schemas.ts'

export function healthRouter(catalog: CatalogProvider): Router {
  const router = Router()
  route(router, healthOperation, handle(healthOperation, getHealth))
  route(router, readinessOperation, handle(readinessOperation, getReadiness(catalog)))
  return router
}
