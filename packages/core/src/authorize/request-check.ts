import { isReadableTime, requestScopedKeys } from './derived-context.ts'
import type { AuthorizationRequest } from './request.ts'
import { type ContextEntry, checkContext, type RequestContext } from './request-context.ts'
import type { EvaluationError } from './result.ts'

/** A request checked and reduced to what matching needs. */
export interface CheckedRequest {
  readonly action: string
  /** The action in lower case: action names are case-insensitive. */
  readonly foldedAction: string
  readonly resources: readonly string[]
  /** The caller's ARN or account ID, when given. */
  readonly principal?: string
  readonly context: RequestContext
  /** Keys derived from the principal and the time, added per resource where the caller gave none. */
  readonly derived: ReadonlyMap<string, ContextEntry>
}

export type RequestCheck =
  | { readonly request: CheckedRequest; readonly error?: never }
  | { readonly request?: never; readonly error: EvaluationError }

const actionShape = /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/

/**
 * A request names one real action on one or more concrete resources. Wildcards belong in
 * policies, not requests: a request for `connect:*` asks nothing AWS could be asked.
 */
export function checkRequest(request: AuthorizationRequest): RequestCheck {
  const problems: string[] = []
  const action: unknown = request?.action
  if (typeof action !== 'string' || !actionShape.test(action)) {
    problems.push(
      `the action must look like \`service:ActionName\`, not ${typeof action === 'string' ? `\`${action}\`` : String(typeof action)}`,
    )
  }
  const given: unknown = request?.resource
  const resources: unknown[] = Array.isArray(given) ? given : [given]
  if (resources.length === 0) problems.push('the request names no resource')
  for (const resource of resources) {
    if (typeof resource !== 'string' || resource.length === 0) {
      problems.push('every resource must be a non-empty string')
      break
    }
  }
  if (request?.principal !== undefined && typeof request.principal !== 'string') {
    problems.push('the principal must be an ARN or an account ID')
  }
  if (!isReadableTime(request?.time))
    problems.push('the time must be ISO 8601, epoch seconds or a date')
  const context = checkContext(request?.context)
  if (context.problems !== undefined) problems.push(...context.problems)
  if (problems.length > 0 || context.context === undefined) {
    return {
      error: {
        source: 'request',
        message: `invalid request: ${problems.join('; ')}`,
        diagnostics: [],
      },
    }
  }
  const valid = action as string
  return {
    request: {
      action: valid,
      foldedAction: valid.toLowerCase(),
      resources: resources as string[],
      ...(request.principal === undefined ? {} : { principal: request.principal }),
      context: context.context,
      derived: requestScopedKeys({
        action: valid,
        ...(request.principal === undefined ? {} : { principal: request.principal }),
        ...(request.time === undefined ? {} : { time: request.time }),
      }),
    },
  }
}
