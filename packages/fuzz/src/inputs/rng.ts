/** A deterministic source of choices: input `index` of seed `seed` is the same everywhere. */
export interface Rng {
  /** A number in [0, 1). */
  next(): number
  /** An integer in [0, count). */
  below(count: number): number
  pick<T>(values: readonly T[]): T
  chance(probability: number): boolean
  /** An integer in [min, max], log-uniformly: as many small scales as large ones. */
  scale(min: number, max: number): number
  /** A 31-bit seed, for a fast-check sample drawn from this input. */
  seed(): number
}

/** One round of a 32-bit integer hash (Murmur3's finaliser). */
function mix(value: number): number {
  let hash = value | 0
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
  return (hash ^ (hash >>> 16)) >>> 0
}

/**
 * The choices of input `index` under `seed` (mulberry32 seeded by a hash of both): inputs are
 * drawn independently, so any one of them is made again from its seed and index alone.
 */
export function rngFor(seed: number, index: number): Rng {
  let state = mix(mix(seed ^ 0x9e3779b9) ^ mix(index + 0x632be5ab))
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const below = (count: number): number => Math.floor(next() * count)
  return {
    next,
    below,
    pick: <T>(values: readonly T[]): T => {
      if (values.length === 0) throw new Error('nothing to pick from')
      return values[below(values.length)] as T
    },
    chance: (probability) => next() < probability,
    scale: (min, max) => {
      const least = Math.max(1, Math.ceil(min))
      const most = Math.max(least, Math.floor(max))
      const low = Math.log(least)
      const high = Math.log(most + 1)
      return Math.min(most, Math.max(least, Math.floor(Math.exp(low + next() * (high - low)))))
    },
    seed: () => below(0x7fffffff),
  }
}
