import { Router } from 'express'
import type { Limits } from '../../env.ts'
import { handle } from '../../http/handle.ts'
import { jsonBody } from '../../http/json-body.ts'
import { shedWhenPoolBusy } from '../../http/shedding.ts'
import type { PoolRoute } from '../../pool/run-in-pool.ts'
import { route } from '../route.ts'
import { audit, checkNotGranted, compare, summarize } from './handlers.ts'
import {
  auditOperation,
  checkNotGrantedOperation,
  compareOperation,
  summarizeOperation,
} from './schemas.ts'

export function analyzeRouter(limits: Limits, settings: PoolRoute): Router {
  const router = Router()
  const shed = shedWhenPoolBusy(settings.pool, settings.timeoutMs / 2)
  const compareOp = compareOperation(limits)
  route(router, compareOp, shed, ...jsonBody(limits), handle(compareOp, compare(settings)))
  const checkOp = checkNotGrantedOperation(limits)
  route(router, checkOp, shed, ...jsonBody(limits), handle(checkOp, checkNotGranted(settings)))
  const summarizeOp = summarizeOperation(limits)
  route(router, summarizeOp, shed, ...jsonBody(limits), handle(summarizeOp, summarize(settings)))
  const auditOp = auditOperation(limits)
  route(router, auditOp, shed, ...jsonBody(limits), handle(auditOp, audit(settings)))
  return router
}
