import { Router } from 'express'
import { handle } from '../../http/handle.ts'
import type { OpenApiDocument } from '../../openapi/document.ts'
import { route } from '../route.ts'
import { getOpenApiDocument, getProblemType, getReference } from './handlers.ts'
import { openApiOperation, problemTypeOperation, referenceOperation } from './schemas.ts'

export function referenceRouter(document: OpenApiDocument): Router {
  const router = Router()
  route(router, openApiOperation, handle(openApiOperation, getOpenApiDocument(document)))
  route(router, referenceOperation, handle(referenceOperation, getReference(document)))
  route(router, problemTypeOperation, handle(problemTypeOperation, getProblemType(document)))
  return router
}
