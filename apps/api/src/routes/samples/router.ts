import { Router } from 'express'
import type { CatalogProvider } from '../../dependencies.ts'
import { handle } from '../../http/handle.ts'
import { route } from '../route.ts'
import { getSample, listSamples } from './handlers.ts'
import { getSampleOperation, listSamplesOperation } from './schemas.ts'

export function samplesRouter(catalog: CatalogProvider): Router {
  const router = Router()
  route(router, listSamplesOperation, handle(listSamplesOperation, listSamples(catalog)))
  route(router, getSampleOperation, handle(getSampleOperation, getSample(catalog)))
  return router
}
