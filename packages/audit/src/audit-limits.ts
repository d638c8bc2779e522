import type { AnalysisLimits } from '@connect-policy/core'

/**
 * What each check of an audit may spend, shared out by the set's size: the checks of one audit
 * share a fifth of a comparison's requests and searches, and each gets a quarter of its states
 * and a tenth of its steps, for a set of 1,000 characters or fewer; all are divided by the size
 * in thousands of characters past that. Each request costs more on a larger set, so that the
 * whole audit of any set stays within about the same work, however large; a check past its
 * share ends `unknown`. No AWS managed policy's audit ends `unknown` for these limits alone.
 */
export function auditLimits(characters: number, checks = 1): Required<AnalysisLimits> {
  // a size that is no count of characters is read as the smallest
  const size = typeof characters === 'number' && characters > 0 ? characters : 0
  const count = typeof checks === 'number' && checks > 1 ? checks : 1
  const share = Math.max(1, size / 1_000)
  // requests and searches are shared by the checks; a search's states and steps are its own
  const shared = share * count
  return {
    maxRequests: Math.floor(40_000 / shared),
    maxSearches: Math.floor(4_000 / shared),
    maxStates: Math.floor(25_000 / share),
    maxSteps: Math.floor(500_000 / share),
    maxRegions: 100,
  }
}
