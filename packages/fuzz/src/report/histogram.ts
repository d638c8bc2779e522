/** Buckets per power of ten: each bucket spans about 12 % of its lower edge. */
const perDecade = 20
/** The lowest bucket's upper edge, in ms (a microsecond); the highest holds 100 s and more. */
const lowest = 1e-3
export const bucketCount = 8 * perDecade + 1

/** The bucket a duration falls in. */
export function bucketOf(ms: number): number {
  if (!(ms > lowest)) return 0
  const bucket = Math.ceil(Math.log10(ms / lowest) * perDecade)
  return Math.min(bucketCount - 1, bucket)
}

/** The upper edge of a bucket, in ms. */
export function bucketEdge(bucket: number): number {
  return lowest * 10 ** (bucket / perDecade)
}

/** An empty histogram of durations. */
export function emptyHistogram(): number[] {
  return new Array<number>(bucketCount).fill(0)
}

/** Adds `from`'s counts into `into`. */
export function addHistogram(into: number[], from: readonly number[]): void {
  for (let bucket = 0; bucket < bucketCount; bucket++)
    into[bucket] = (into[bucket] ?? 0) + (from[bucket] ?? 0)
}

/**
 * The duration under which a share `quantile` of the calls fall: the upper edge of its bucket
 * (at most 12 % over the true value), or `max` when that is lower.
 */
export function quantileOf(histogram: readonly number[], quantile: number, max: number): number {
  const total = histogram.reduce((sum, count) => sum + count, 0)
  if (total === 0) return 0
  const wanted = Math.ceil(total * quantile)
  let seen = 0
  for (let bucket = 0; bucket < bucketCount; bucket++) {
    seen += histogram[bucket] ?? 0
    if (seen >= wanted) return Math.min(bucketEdge(bucket), max)
  }
  return max
}
