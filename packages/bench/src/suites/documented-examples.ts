import type { AuthorizationRequest, CompiledPolicySet } from '@connect-policy/core'
import { compilePolicies } from '@connect-policy/core'
import { type Sample, samples, toAuthorizationRequest } from '@connect-policy/samples'

/** A documented example with a corrected policy, compiled once, and its requests. */
export interface DocumentedExample {
  readonly id: string
  readonly policy: string
  readonly compiled: CompiledPolicySet
  readonly requests: readonly AuthorizationRequest[]
}

/**
 * Every documented example that has a corrected policy and expectations, compiled once. Each
 * request is checked against the decision the documentation claims, explained and not, so that
 * a benchmark never times a wrong answer.
 */
export function documentedExamples(): DocumentedExample[] {
  return samples.flatMap((sample: Sample) => {
    const policy = sample.corrected
    if (policy === undefined || sample.expectations.length === 0) return []
    const compiled = compilePolicies({ identityPolicies: [policy] })
    const requests = sample.expectations.map((expectation) => {
      const request = toAuthorizationRequest(expectation.request)
      for (const explain of [false, true]) {
        const { decision } = compiled.evaluate(request, { explain })
        if (decision !== expectation.documented) {
          throw new Error(
            `${sample.id}: \`${request.action}\` gives ${decision ?? 'errors'}, documented ${expectation.documented}`,
          )
        }
      }
      return request
    })
    return [{ id: sample.id, policy, compiled, requests }]
  })
}
