import type {
  AuthorizationRequest,
  CompiledPolicySet,
  Decision,
  EvaluateOptions,
  EvaluationResult,
  PolicySet,
} from '@connect-policy/core'
import type { z } from 'zod'
import type { CatalogProvider } from '../../dependencies.ts'
import type { Limits } from '../../env.ts'
import { timeoutProblem } from '../../http/deadline.ts'
import { type DeepReadonly, JsonText } from '../../http/handle.ts'
import { ProblemError } from '../../problem/problem.ts'
import type { AuthorizationRequestValue } from '../../schemas/policy.ts'
import { compiledSetCache } from './compiled-sets.ts'
import type { EvaluateOperation, ExplainMode } from './schemas.ts'

export type EvaluateBody = z.output<NonNullable<EvaluateOperation['body']>>
export type EvaluateAnswer = DeepReadonly<z.input<EvaluateOperation['response']['schema']>>

/** What one call brings besides its body: its limits and when it must be answered by. */
export interface EvaluateCall {
  readonly limits: Limits
  /** When the call must be answered by, in `Date.now()` milliseconds, which every thread shares. */
  readonly deadline: number
  /** The time limit, for the problem that says it was passed. */
  readonly timeoutMs: number
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

/** A decision as the API answers it: the findings beside the decision, then the explanation. */
function decisionBody(result: Decision, mode: ExplainMode) {
  // the count of findings the budget left out stays beside them
  const findings =
    result.omittedFindings === undefined
      ? { findings: result.findings }
      : { findings: result.findings, omittedFindings: result.omittedFindings }
  return mode === 'none'
    ? { decision: result.decision, ...findings }
    : { decision: result.decision, ...findings, explanation: result.explanation }
}

/** The mode an `explain` value names: the booleans are the first spellings of two of them. */
function explainMode(explain: boolean | ExplainMode): ExplainMode {
  return explain === true ? 'full' : explain === false ? 'deciding' : explain
}

export interface EvaluatorSettings {
  /** Estimated bytes of compiled sets to keep for later calls. */
  readonly cacheBytes: number
  /** The AWS service reference every set is compiled with. */
  readonly catalog: CatalogProvider
}

/** Bytes of a batch's answer around its results: `{"results":[` and `]}`. */
const batchEnvelopeBytes = '{"results":[]}'.length

/**
 * A batch's answer as JSON: its results in order while they fit in `maxBytes` together, and the
 * count of the requests after them, left undecided (`omittedResults`). Each request is decided
 * within core's budget, which bounds one answer; nothing bounded their sum (100 requests of 20
 * resources against 20 policies of 420 `Allow * *` statements, with the deciding statements named,
 * answered 48 MB). The results are measured
 * as they are written rather than estimated, since what the API answers of a decision depends on
 * `explain` (`none` leaves out the explanation core's estimate counts), and every request decided
 * is answered: no work is done for nothing. The count sits beside the list, in the shape of
 * core's caps (`omittedFindings`), and only when some are left out.
 */
function batchAnswer(
  requests: readonly AuthorizationRequestValue[],
  decide: (request: AuthorizationRequestValue) => unknown,
  maxBytes: number,
  stillInTime: () => void,
): JsonText<EvaluateAnswer> {
  const results: string[] = []
  let bytes = batchEnvelopeBytes
  for (const request of requests) {
    stillInTime()
    const json = JSON.stringify(decide(request))
    // a comma before every result but the first
    const added = Buffer.byteLength(json) + (results.length > 0 ? 1 : 0)
    if (bytes + added > maxBytes) break
    results.push(json)
    bytes += added
  }
  const omitted = requests.length - results.length
  const count = omitted > 0 ? `,"omittedResults":${omitted}` : ''
  return new JsonText(`{"results":[${results.join(',')}]${count}}`)
}

/**
 * Refuses a batch whose requests core estimates over `maxSteps` together, before any of them is
 * decided: each request is held to core's budget alone, and a thousand of them could each take
 * almost all of it. A request that cannot be evaluated costs nothing (it gets its errors).
 */
function refuseOverBudget(
  requests: readonly AuthorizationRequestValue[],
  compiled: CompiledPolicySet,
  options: EvaluateOptions,
  maxSteps: number,
): void {
  let steps = 0
  for (const request of requests) {
    const estimate = compiled.estimate(toAuthorizationRequest(request), options)
    if (estimate.errors === undefined) steps += estimate.steps
  }
  if (steps > maxSteps) {
    throw new ProblemError(
      'batch-over-budget',
      `the ${requests.length} requests of the batch would take about ${steps.toLocaleString('en-US')} steps together, more than \`BATCH_MAX_STEPS\` allows (${maxSteps.toLocaleString('en-US')}): nothing was decided; send fewer requests in each batch`,
      { overBudget: { limit: 'BATCH_MAX_STEPS', estimated: steps, allowed: maxSteps } },
    )
  }
}

/**
 * The evaluation of `POST /v1/evaluate`'s body, as a worker thread runs it: compiles the set
 * (through a cache of compiled sets, one per evaluator, so one per thread), decides each request
 * and builds the answer; refusals are thrown as problems. A batch checks the deadline before each
 * of its requests, so that it stops by itself, keeping its thread, when its time is up, and
 * answers the results that fit in `BATCH_MAX_ANSWER_BYTES` (`batchAnswer`).
 */
export function evaluator({
  cacheBytes,
  catalog,
}: EvaluatorSettings): (
  body: EvaluateBody,
  call: EvaluateCall,
) => EvaluateAnswer | JsonText<EvaluateAnswer> {
  const cache = compiledSetCache(cacheBytes, { catalog: () => catalog.catalog() })
  return (body, { limits, deadline, timeoutMs }) => {
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
    refuseOverBudget(body.requests, compiled, options, limits.batchSteps)
    return batchAnswer(
      body.requests,
      (request) => {
        const result = evaluateOne(request)
        return result.errors === undefined ? decisionBody(result, mode) : { errors: result.errors }
      },
      limits.batchAnswerBytes,
      () => {
        if (Date.now() > deadline) throw timeoutProblem(timeoutMs)
      },
    )
  }
}
