import { Router } from 'express'
import type { CatalogProvider } from '../../dependencies.ts'
import type { Limits } from '../../env.ts'
import { handle } from '../../http/handle.ts'
import { jsonBody } from '../../http/json-body.ts'
import { route } from '../route.ts'
import { validate } from './handlers.ts'
import { validateOperation } from './schemas.ts'

export function validateRouter(limits: Limits, catalog: CatalogProvider): Router {
  const router = Router()
  const operation = validateOperation(limits)
  route(router, operation, ...jsonBody(limits), handle(operation, validate(catalog)))
  return router
}
