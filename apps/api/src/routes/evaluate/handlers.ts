import type {
  AuthorizationRequest,
  Decision,
  EvaluationResult,
  PolicySet,
} from '@connect-policy/core'
import type { CatalogProvider } from '../../dependencies.ts'
import type { Limits } from '../../env.ts'
import { checkDeadline } from '../../http/deadline.ts'
import type { Handler } from '../../http/handle.ts'
import { ProblemError } from '../../problem/problem.ts'
import type { AuthorizationRequestValue } from '../../schemas/policy.ts'
import { compiledSetCache } from './compiled-sets.ts'
import type { EvaluateOperation, ExplainMode } from './schemas.ts'

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
function decisionBody(result: Decision, mode: ExplainMode) {
  return mode === 'none'
    ? { decision: result.decision, findings: result.findings }
    : { decision: result.decision, findings: result.findings, explanation: result.explanation }
}

/** The mode an `explain` value names: the booleans are the first spellings of two of them. */
function explainMode(explain: boolean | ExplainMode): ExplainMode {
  return explain === true ? 'full' : explain === false ? 'deciding' : explain
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
    // core reads a set as the schema gives it: texts, the objects of policies, named policies
    const compiled = cache.compile(JSON.stringify(body.policies), () => body.policies as PolicySet)
    if (compiled.errors !== undefined) {
      const count = compiled.errors.length
      throw new ProblemError(
        'invalid-policy-set',
        `${count} ${count === 1 ? 'policy' : 'policies'} of the set cannot be evaluated: ${compiled.errors.map((error) => error.message).join('; ')}`,
        { evaluationErrors: compiled.errors },
      )
    }
    const mode = explainMode(body.explain)
    const options = { explain: mode === 'full' }
    let traces = 0
    const evaluateOne = (request: AuthorizationRequestValue): EvaluationResult => {
      const result = compiled.evaluate(toAuthorizationRequest(request), options)
      traces += tracesOf(result)
      if (traces > limits.explainTraces) {
        throw new ProblemError(
          'explanation-too-large',
          `the explanation would hold more than ${limits.explainTraces} statement traces; ask with \`"explain": "deciding"\` or \`"none"\`, or send fewer requests`,
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
      return decisionBody(result, mode)
    }
    const results: EvaluationResult[] = []
    for (const request of body.requests) {
      checkDeadline(res, now, timeoutMs)
      results.push(evaluateOne(request))
    }
    return {
      results: results.map((result) =>
        result.errors === undefined ? decisionBody(result, mode) : { errors: result.errors },
      ),
    }
  }
}
