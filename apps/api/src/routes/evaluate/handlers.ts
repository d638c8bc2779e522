import type {
  AuthorizationRequest,
  Decision,
  EvaluationResult,
  PolicyInput,
  PolicySet,
} from '@connect-policy/core'
import type { CatalogProvider } from '../../dependencies.ts'
import type { Limits } from '../../env.ts'
import { checkDeadline } from '../../http/deadline.ts'
import type { Handler } from '../../http/handle.ts'
import { ProblemError } from '../../problem/problem.ts'
import {
  type AuthorizationRequestValue,
  type PolicyInputValue,
  type PolicySetValue,
  type PolicyValue,
  policyText,
} from '../../schemas/policy.ts'
import { compiledSetCache } from './compiled-sets.ts'
import type { EvaluateOperation } from './schemas.ts'

interface NamedPolicyValue {
  readonly name: string
  readonly policy: PolicyValue
}

/** A policy object never has a `policy` member (the schema refuses it), a named policy always. */
function isNamed(input: Exclude<PolicyInputValue, string>): input is NamedPolicyValue {
  return Object.hasOwn(input, 'policy')
}

function toPolicyInput(input: PolicyInputValue): PolicyInput {
  if (typeof input === 'string') return input
  if (isNamed(input)) return { name: input.name, policy: policyText(input.policy) }
  return policyText(input)
}

/** The set as core takes it: every policy given as an object becomes its text. */
function toPolicySet(set: PolicySetValue): PolicySet {
  const one = (input: PolicyInputValue | undefined) =>
    input === undefined ? undefined : toPolicyInput(input)
  const levels = (lists: readonly (readonly PolicyInputValue[])[] | undefined) =>
    lists?.map((list) => list.map(toPolicyInput))
  const resourcePolicy = one(set.resourcePolicy)
  const permissionsBoundary = one(set.permissionsBoundary)
  const sessionPolicy = one(set.sessionPolicy)
  const serviceControlPolicies = levels(set.serviceControlPolicies)
  const resourceControlPolicies = levels(set.resourceControlPolicies)
  return {
    ...(set.identityPolicies === undefined
      ? {}
      : { identityPolicies: set.identityPolicies.map(toPolicyInput) }),
    ...(resourcePolicy === undefined ? {} : { resourcePolicy }),
    ...(permissionsBoundary === undefined ? {} : { permissionsBoundary }),
    ...(sessionPolicy === undefined ? {} : { sessionPolicy }),
    ...(serviceControlPolicies === undefined ? {} : { serviceControlPolicies }),
    ...(resourceControlPolicies === undefined ? {} : { resourceControlPolicies }),
  }
}

function toAuthorizationRequest(request: AuthorizationRequestValue): AuthorizationRequest {
  return {
    action: request.action,
    resource: request.resource,
    ...(request.principal === undefined ? {} : { principal: request.principal }),
    ...(request.context === undefined ? {} : { context: request.context }),
    ...(request.time === undefined ? {} : { time: request.time }),
  }
}

/** How many statement traces an explanation holds: what its size grows with. */
function tracesOf(result: EvaluationResult): number {
  if (result.errors !== undefined) return 0
  return result.explanation.resources.reduce((sum, resource) => sum + resource.statements.length, 0)
}

export interface EvaluateSettings {
  readonly limits: Limits
  readonly timeoutMs: number
  readonly now: () => number
  /** JSON characters of compiled sets to keep for later calls. */
  readonly cacheChars: number
  /** The AWS service reference every set is compiled with: one per server. */
  readonly catalog: CatalogProvider
}

/** A decision as the API answers it: the findings beside the decision, then the explanation. */
function decisionBody(result: Decision) {
  return {
    decision: result.decision,
    findings: result.findings,
    explanation: result.explanation,
  }
}

export function evaluateRequests({
  limits,
  timeoutMs,
  now,
  cacheChars,
  catalog,
}: EvaluateSettings): Handler<EvaluateOperation> {
  const cache = compiledSetCache(cacheChars, { catalog: () => catalog.catalog() })
  return ({ body }, { res }) => {
    const compiled = cache.compile(JSON.stringify(body.policies), () => toPolicySet(body.policies))
    if (compiled.errors !== undefined) {
      const count = compiled.errors.length
      throw new ProblemError(
        'invalid-policy-set',
        `${count} ${count === 1 ? 'policy' : 'policies'} of the set cannot be evaluated: ${compiled.errors.map((error) => error.message).join('; ')}`,
        { evaluationErrors: compiled.errors },
      )
    }
    const options = { explain: body.explain }
    let traces = 0
    const evaluateOne = (request: AuthorizationRequestValue): EvaluationResult => {
      const result = compiled.evaluate(toAuthorizationRequest(request), options)
      traces += tracesOf(result)
      if (traces > limits.explainTraces) {
        throw new ProblemError(
          'explanation-too-large',
          `the explanation would hold more than ${limits.explainTraces} statement traces; ask with \`"explain": false\` or send fewer requests`,
        )
      }
      return result
    }
    if (body.requests === undefined) {
      // the schema makes sure that one of `request` and `requests` is given
      const result = evaluateOne(body.request as AuthorizationRequestValue)
      if (result.errors !== undefined) {
        throw new ProblemError(
          'invalid-authorization-request',
          result.errors.map((error) => error.message).join('; '),
          { evaluationErrors: result.errors },
        )
      }
      return decisionBody(result)
    }
    const results: EvaluationResult[] = []
    for (const request of body.requests) {
      checkDeadline(res, now, timeoutMs)
      results.push(evaluateOne(request))
    }
    return {
      results: results.map((result) =>
        result.errors === undefined ? decisionBody(result) : { errors: result.errors },
      ),
    }
  }
}
