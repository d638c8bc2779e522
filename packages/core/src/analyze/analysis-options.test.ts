import { describe, expect, it } from 'vitest'
import { defaultLimits, limitsForSize } from './analysis-options.ts'

describe('limitsForSize', () => {
  const base = { maxRequests: 20_000, maxSearches: 2_000, maxStates: 25_000, maxSteps: 500_000 }

  it('gives the base to a set of 1,000 characters or fewer, and divides it past that', () => {
    expect(limitsForSize(800, base)).toEqual({ ...base, maxRegions: defaultLimits.maxRegions })
    expect(limitsForSize(5_000, base)).toEqual({
      maxRequests: 4_000,
      maxSearches: 400,
      maxStates: 5_000,
      maxSteps: 100_000,
      maxRegions: defaultLimits.maxRegions,
    })
  })

  it('reads a size that is no count of characters as the smallest, and a limit not given as its default', () => {
    expect(limitsForSize(Number.NaN, {})).toEqual(defaultLimits)
    expect(limitsForSize(-3, { maxRequests: 7 }).maxRequests).toBe(7)
    expect(limitsForSize(Number.POSITIVE_INFINITY, base).maxRequests).toBe(0)
  })
})
