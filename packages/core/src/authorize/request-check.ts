import { kindOf } from '../parse/index.ts'
import { isReadableTime } from './derived-context.ts'
import { likelyField } from './policy-set-fields.ts'
import type { AuthorizationRequest } from './request.ts'
import { checkContext, isPlainContext, type RequestContext } from './request-context.ts'
import type { EvaluationError } from './result.ts'

/**
 * A request checked and reduced to what matching needs. The keys AWS derives from it (principal,
 * time, Region, instance) are worked out only when a condition or a variable asks for one, by
 * `contextForResource`.
 */
export interface CheckedRequest {
  readonly action: string
  readonly resources: readonly string[]
  /** The caller's ARN or account ID, when given. */
  readonly principal: string | undefined
  /** The caller's own context keys. */
  readonly context: RequestContext
  readonly time: string | number | Date | undefined
  readonly error?: never
}

/** The checked request itself, or the error that keeps it from being evaluated. */
export type RequestCheck = CheckedRequest | { readonly error: EvaluationError }

const actionShape = /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/

/** Whether a text is shaped as an action name, `service:ActionName`, as a request must give it. */
export function isActionName(text: string): boolean {
  return actionShape.test(text)
}

/** The fields of `AuthorizationRequest`. */
const requestFields = ['action', 'resource', 'principal', 'context', 'time'] as const

/**
 * Whether a request holds no field but those of `AuthorizationRequest`, answered without
 * allocating: a misspelt field (`resources`) must not leave its value silently unread.
 */
export function hasOnlyRequestFields(request: object): boolean {
  for (const key in request) {
    if (
      key !== 'action' &&
      key !== 'resource' &&
      key !== 'principal' &&
      key !== 'context' &&
      key !== 'time'
    ) {
      return false
    }
  }
  return true
}

function noted(problems: string[] | undefined, problem: string): string[] {
  if (problems === undefined) return [problem]
  problems.push(problem)
  return problems
}

/**
 * A request names one real action on one or more concrete resources. Wildcards belong in
 * policies, not requests: a request for `connect:*` asks nothing AWS could be asked.
 * `knownAction` says that the action was checked before, as a compiled set remembers the
 * actions it has met; checking a valid request then allocates only what it returns.
 */
export function checkRequest(request: AuthorizationRequest, knownAction = false): RequestCheck {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return {
      error: {
        source: 'request',
        message: `invalid request: a request is an object with \`action\` and \`resource\`, not ${kindOf(request)}`,
        diagnostics: [],
      },
    }
  }
  let problems: string[] | undefined
  if (!hasOnlyRequestFields(request)) {
    for (const field of Object.keys(request)) {
      if ((requestFields as readonly string[]).includes(field)) continue
      const meant = likelyField(field, requestFields)
      problems = noted(
        problems,
        `a request has no field \`${field}\`${meant === undefined ? `: its fields are ${requestFields.map((name) => `\`${name}\``).join(', ')}` : `: did you mean \`${meant}\``}`,
      )
    }
  }
  const action: unknown = request?.action
  if (!knownAction && (typeof action !== 'string' || !actionShape.test(action))) {
    problems = noted(
      problems,
      `the action must look like \`service:ActionName\`, not ${typeof action === 'string' ? `\`${action}\`` : String(typeof action)}`,
    )
  }
  const given: unknown = request?.resource
  const resources: unknown[] = Array.isArray(given) ? given : [given]
  if (resources.length === 0) problems = noted(problems, 'the request names no resource')
  for (const resource of resources) {
    if (typeof resource !== 'string' || resource.length === 0) {
      problems = noted(problems, 'every resource must be a non-empty string')
      break
    }
  }
  if (request?.principal !== undefined && typeof request.principal !== 'string') {
    problems = noted(problems, 'the principal must be an ARN or an account ID')
  }
  if (!isReadableTime(request?.time))
    problems = noted(problems, 'the time must be ISO 8601, epoch seconds or a date')
  const context = checkContext(request?.context)
  if (context.problems !== undefined) problems = [...(problems ?? []), ...context.problems]
  if (problems !== undefined || context.context === undefined) {
    return {
      error: {
        source: 'request',
        message: `invalid request: ${(problems ?? []).join('; ')}`,
        diagnostics: [],
      },
    }
  }
  return {
    action: action as string,
    resources: resources as string[],
    principal: request.principal,
    context: context.context,
    time: request.time,
  }
}

/**
 * Whether `checkRequest` would accept a request whose action is already known, answered from its
 * fields without allocating, so that a compiled set's fast path builds no checked request.
 * `false` means "ask `checkRequest`", which gives the error (or, for a context only it can
 * read, the checked request).
 */
export function isPlainRequest(
  resource: unknown,
  principal: unknown,
  time: unknown,
  context: unknown,
): boolean {
  if (typeof resource === 'string') {
    if (resource.length === 0) return false
  } else if (Array.isArray(resource)) {
    if (resource.length === 0) return false
    for (let index = 0; index < resource.length; index++) {
      const entry: unknown = resource[index]
      if (typeof entry !== 'string' || entry.length === 0) return false
    }
  } else {
    return false
  }
  return (
    (principal === undefined || typeof principal === 'string') &&
    isReadableTime(time) &&
    isPlainContext(context)
  )
}
