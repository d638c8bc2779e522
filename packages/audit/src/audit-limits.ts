import { type AnalysisLimits, limitsForSize } from '@connect-policy/core'

/**
 * What each check of an audit may spend, shared out by the set's size: the checks of one audit
 * share a fifth of a comparison's requests and searches, and each gets a quarter of its states
 * and a tenth of its steps, for a set of 1,000 characters or fewer; all are divided by the size
 * in thousands of characters past that. Each request costs more on a larger set, so that the
 * whole audit of any set stays within about the same work, however large; a check past its
 * share ends `unknown`. No AWS managed policy's audit ends `unknown` for these limits alone.
 */
export function auditLimits(characters: number, checks = 1): Required<AnalysisLimits> {
  const count = typeof checks === 'number' && checks > 1 ? checks : 1
  // requests and searches are shared by the checks; a search's states and steps are its own
  return limitsForSize(characters, {
    maxRequests: Math.floor(40_000 / count),
    maxSearches: Math.floor(4_000 / count),
    maxStates: 25_000,
    maxSteps: 500_000,
    maxRegions: 100,
  })
}
