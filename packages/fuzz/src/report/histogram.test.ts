import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bucketOf, emptyHistogram, quantileOf } from './histogram.ts'

describe('quantileOf', () => {
  it("is at most 12 % over the sorted durations' quantile, and never under it (oracle: sorting)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.002, max: 50_000, noNaN: true }), {
          minLength: 1,
          maxLength: 300,
        }),
        (durations) => {
          const histogram = emptyHistogram()
          for (const ms of durations) histogram[bucketOf(ms)] = (histogram[bucketOf(ms)] ?? 0) + 1
          const sorted = [...durations].sort((a, b) => a - b)
          const exact = sorted[Math.ceil(sorted.length * 0.99) - 1] ?? 0
          const max = sorted.at(-1) ?? 0
          const estimate = quantileOf(histogram, 0.99, max)
          expect(estimate).toBeGreaterThanOrEqual(exact * 0.999)
          expect(estimate).toBeLessThanOrEqual(exact * 1.13)
        },
      ),
      { numRuns: 300 },
    )
  })
})
