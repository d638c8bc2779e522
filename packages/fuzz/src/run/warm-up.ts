import { awsCatalog, validatePolicy } from '@connect-policy/catalog'
import {
  compilePolicies,
  describePolicy,
  evaluate,
  parsePolicy,
  printPolicy,
} from '@connect-policy/core'
import { toAuthorizationRequest } from '@connect-policy/samples'
import { correctedSamples } from '../inputs/corrected-samples.ts'

/**
 * Builds the whole service reference's lookups and runs every documented example through the
 * entry points twice, so that the first inputs are not timed with the catalog's construction
 * and the engine's first compilations.
 */
export function warmUp(): void {
  const catalog = awsCatalog()
  for (let round = 0; round < 2; round++) {
    for (const sample of correctedSamples) {
      const parsed = parsePolicy(sample.corrected)
      if (parsed.policy !== undefined) printPolicy(parsed.policy)
      validatePolicy(sample.corrected)
      describePolicy(sample.corrected, { catalog })
      const set = { identityPolicies: [sample.corrected] }
      const compiled = compilePolicies(set, { catalog })
      for (const expectation of sample.expectations) {
        const request = toAuthorizationRequest(expectation.request)
        compiled.evaluate(request, { explain: round === 0 })
        evaluate(request, set, { catalog })
      }
    }
  }
}
