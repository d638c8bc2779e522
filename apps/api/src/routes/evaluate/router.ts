import { Router } from 'express'
import { handle } from '../../http/handle.ts'
import { jsonBody } from '../../http/json-body.ts'
import { shedWhenPoolBusy } from '../../http/shedding.ts'
import { route } from '../route.ts'
import { type EvaluateSettings, evaluateRequests } from './handlers.ts'
import { evaluateOperation } from './schemas.ts'

export function evaluateRouter(settings: EvaluateSettings): Router {
  const router = Router()
  const operation = evaluateOperation(settings.limits)
  route(
    router,
    operation,
    shedWhenPoolBusy(settings.pool, settings.timeoutMs / 2),
    ...jsonBody(settings.limits),
    handle(operation, evaluateRequests(settings)),
  )
  return router
}
