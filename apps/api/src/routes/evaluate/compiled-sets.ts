import {
  type Catalog,
  type CompiledPolicySet,
  compilePolicies,
  type PolicySet,
} from '@connect-policy/core'

/**
 * Compiled policy sets by their JSON, least recently used first out, within a budget of JSON
 * characters. Compiling is pure, so a set compiled once answers every later call with it as a
 * new compilation would: callers that send the same set with each request (a CI job, a portal)
 * pay for parsing and compiling once. The budget bounds memory whatever callers send.
 */
export interface CompiledSetCache {
  /** The compiled set for `key` (the set's JSON), compiling `set` on a miss. */
  compile(key: string, set: () => PolicySet): CompiledPolicySet
  /** Sets kept. */
  size(): number
}

export interface CompiledSetCacheOptions {
  /**
   * The AWS service reference every set is compiled with, read at the first compilation (a
   * server loads it once it listens). It is one per cache, so the set's JSON is the whole key.
   */
  readonly catalog?: () => Catalog
  /** Most sets kept, whatever their size. */
  readonly maxEntries?: number
}

export function compiledSetCache(
  budget: number,
  { catalog, maxEntries = 256 }: CompiledSetCacheOptions = {},
): CompiledSetCache {
  // iteration order is least recently used first: a hit is re-inserted at the end
  const entries = new Map<string, CompiledPolicySet>()
  let characters = 0
  return {
    compile(key, set) {
      const cached = entries.get(key)
      if (cached !== undefined) {
        entries.delete(key)
        entries.set(key, cached)
        return cached
      }
      const compiled = compilePolicies(set(), catalog === undefined ? {} : { catalog: catalog() })
      if (key.length <= budget) {
        entries.set(key, compiled)
        characters += key.length
        for (const [oldest] of entries) {
          if (characters <= budget && entries.size <= maxEntries) break
          entries.delete(oldest)
          characters -= oldest.length
        }
      }
      return compiled
    },
    size: () => entries.size,
  }
}
