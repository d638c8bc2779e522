import { Router } from 'express'
import type { Limits } from '../../env.ts'
import { handle } from '../../http/handle.ts'
import { jsonBody } from '../../http/json-body.ts'
import { shedWhenPoolBusy } from '../../http/shedding.ts'
import type { PoolRoute } from '../../pool/run-in-pool.ts'
import { route } from '../route.ts'
import { validateSourceFile } from './handlers.ts'
import { sourcesValidateOperation } from './schemas.ts'

export function sourcesRouter(limits: Limits, settings: PoolRoute): Router {
  const router = Router()
  const operation = sourcesValidateOperation(limits)
  route(
    router,
    operation,
    shedWhenPoolBusy(settings.pool, settings.timeoutMs / 2),
    ...jsonBody(limits),
    handle(operation, validateSourceFile(limits, settings)),
  )
  return router
}
