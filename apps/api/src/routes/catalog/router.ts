import { Router } from 'express'
import type { CatalogProvider } from '../../dependencies.ts'
import { handle } from '../../http/handle.ts'
import { route } from '../route.ts'
import { findActions, getService, listServices } from './handlers.ts'
import { findActionsOperation, getServiceOperation, listServicesOperation } from './schemas.ts'

export function catalogRouter(catalog: CatalogProvider): Router {
  const router = Router()
  route(router, listServicesOperation, handle(listServicesOperation, listServices(catalog)))
  route(router, getServiceOperation, handle(getServiceOperation, getService(catalog)))
  route(router, findActionsOperation, handle(findActionsOperation, findActions(catalog)))
  return router
}
