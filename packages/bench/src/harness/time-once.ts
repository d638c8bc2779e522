import type { Measurement } from './measure.ts'

/** Times one call: for work too long to repeat much, such as reading a corpus. */
export function timeOnce<T>(work: () => T): { readonly value: T; readonly milliseconds: number } {
  const start = performance.now()
  const value = work()
  return { value, milliseconds: performance.now() - start }
}

/**
 * The median and the slowest of a few timed runs (each of seconds, so too few for a percentile:
 * the slowest stands for the 99th).
 */
export function fewRuns(milliseconds: readonly number[]): Measurement {
  const sorted = [...milliseconds].sort((a, b) => a - b)
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    p99: sorted[sorted.length - 1] ?? Number.NaN,
    samples: sorted.length,
  }
}
