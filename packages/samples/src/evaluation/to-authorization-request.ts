import type { AuthorizationRequest } from '@connect-policy/core'
import type { SampleRequest } from '../schema.ts'

/** The request of an expectation, as `@connect-policy/core` takes it. */
export function toAuthorizationRequest(request: SampleRequest): AuthorizationRequest {
  // what is not a request becomes one `evaluate` refuses, saying why
  if (typeof request !== 'object' || request === null) return { action: '', resource: [] }
  return {
    action: request.action,
    resource: request.resource,
    ...(request.principal === undefined ? {} : { principal: request.principal }),
  }
}
