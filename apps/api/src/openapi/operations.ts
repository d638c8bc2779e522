import type { Limits } from '../env.ts'
import {
  auditOperation,
  checkNotGrantedOperation,
  compareOperation,
  summarizeOperation,
} from '../routes/analyze/schemas.ts'
import {
  findActionsOperation,
  getServiceOperation,
  listServicesOperation,
} from '../routes/catalog/schemas.ts'
import { evaluateOperation } from '../routes/evaluate/schemas.ts'
import { healthOperation, readinessOperation } from '../routes/health/schemas.ts'
import {
  openApiOperation,
  problemTypeOperation,
  referenceOperation,
} from '../routes/reference/schemas.ts'
import { getSampleOperation, listSamplesOperation } from '../routes/samples/schemas.ts'
import { sourcesValidateOperation } from '../routes/sources/schemas.ts'
import { validateOperation } from '../routes/validate/schemas.ts'
import { buildOpenApiDocument, type OpenApiDocument } from './document.ts'
import type { AnyOperation } from './operation.ts'

/** Every operation of the API, in the order the reference lists them. */
export function apiOperations(limits: Limits): readonly AnyOperation[] {
  return [
    validateOperation(limits),
    sourcesValidateOperation(limits),
    evaluateOperation(limits),
    compareOperation(limits),
    checkNotGrantedOperation(limits),
    summarizeOperation(limits),
    auditOperation(limits),
    listSamplesOperation,
    getSampleOperation,
    listServicesOperation,
    getServiceOperation,
    findActionsOperation,
    healthOperation,
    readinessOperation,
    openApiOperation,
    referenceOperation,
    problemTypeOperation,
  ] as readonly AnyOperation[]
}

/** The OpenAPI document of the API under these limits. */
export function openApiDocument(limits: Limits): OpenApiDocument {
  return buildOpenApiDocument(apiOperations(limits), limits)
}
