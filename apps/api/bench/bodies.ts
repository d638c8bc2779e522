/**
 * The bodies the API's benchmarks post to `/v1/evaluate`, all from one documented sample: its
 * corrected policy, and its documented requests.
 */
import { samples } from '@connect-policy/samples'

export const seedId = 'create-user-deny-security-profile'

/** Requests in one batch body, the API's default `BATCH_MAX`. */
export const batchSize = 1000

function seedSample() {
  const sample = samples.find((candidate) => candidate.id === seedId)
  const allowed = sample?.expectations.find((candidate) => candidate.documented === 'Allow')
  if (sample?.corrected === undefined || allowed === undefined) {
    throw new Error(`the seed sample \`${seedId}\` has changed`)
  }
  return {
    policy: sample.corrected,
    request: allowed.request,
    requests: sample.expectations.map((expectation) => expectation.request),
  }
}

/** The seed: the corrected policy and one request it allows, explained (the default). */
export function seedBody(): string {
  const { policy, request } = seedSample()
  return JSON.stringify({ policies: { identityPolicies: [policy] }, request })
}

/** The seed with a policy set no earlier request had: every request compiles its set. */
export function freshSeedBody(): () => string {
  const { policy, request } = seedSample()
  let count = 0
  return () => {
    count++
    const fresh = policy.replace('"Statement": [', `"Id": "bench-${count}", "Statement": [`)
    return JSON.stringify({ policies: { identityPolicies: [fresh] }, request })
  }
}

/** A batch of `size` requests, the sample's documented ones in turn, with `"explain": "none"`. */
export function batchBody(size = batchSize): string {
  const { policy, requests } = seedSample()
  const batch = Array.from({ length: size }, (_, index) => requests[index % requests.length])
  return JSON.stringify({
    policies: { identityPolicies: [policy] },
    requests: batch,
    explain: 'none',
  })
}

/** A `POST /v1/validate` body: the seed's policy as the documentation printed it, as text. */
export function validateBody(): string {
  const sample = samples.find((candidate) => candidate.id === seedId)
  const printed = sample?.printed.original?.text ?? sample?.corrected
  if (printed === undefined) throw new Error(`the seed sample \`${seedId}\` has changed`)
  return JSON.stringify({ policy: printed })
}
