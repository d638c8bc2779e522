import {
  type Catalog,
  type CompiledPolicySet,
  compilePolicies,
  type PolicySet,
} from '@connect-policy/core'

/**
 * Compiled policy sets by their JSON, least recently used first out, within a budget of bytes:
 * each set counts what core estimates it holds (`approximateBytes`: its compiled statements and
 * the plans of the actions it has met, which grow up to the set's `maxPlanBytes`) and its key.
 * Compiling is pure, so a set compiled once answers every later call with it as a new
 * compilation would: callers that send the same set with each request (a CI job, a portal) pay
 * for parsing and compiling once. The budget bounds memory whatever callers send: a set's JSON
 * says little of it (20 policies of 420 `Allow * *` statements, 0.4 MB of JSON, compile to
 * about 15 MB).
 */
export interface CompiledSetCache {
  /** The compiled set for `key` (the set's JSON), compiling `set` on a miss. */
  compile(key: string, set: () => PolicySet): CompiledPolicySet
  /** Sets kept. */
  size(): number
  /** Estimated bytes of the sets kept, as last measured. */
  bytes(): number
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

/** A set's estimated bytes with its key, a string of two bytes per character at most. */
function bytesOf(key: string, compiled: CompiledPolicySet): number {
  return 2 * key.length + compiled.approximateBytes()
}

/**
 * A cache of compiled sets within `budget` estimated bytes. A set grows as it meets actions, so
 * every call measures the sets kept again before it drops the least recently used: between two
 * calls the cache can pass its budget by what one call's evaluations add to the plans of its
 * set, which the set's own `maxPlanBytes` bounds.
 */
export function compiledSetCache(
  budget: number,
  { catalog, maxEntries = 256 }: CompiledSetCacheOptions = {},
): CompiledSetCache {
  // iteration order is least recently used first: a hit is re-inserted at the end
  const entries = new Map<string, CompiledPolicySet>()
  let bytes = 0

  /** Measures every set kept again, and drops the least recently used beyond the budget. */
  function keepWithin() {
    bytes = 0
    for (const [key, compiled] of entries) bytes += bytesOf(key, compiled)
    for (const [oldest, compiled] of entries) {
      if (bytes <= budget && entries.size <= maxEntries) break
      entries.delete(oldest)
      bytes -= bytesOf(oldest, compiled)
    }
  }

  return {
    compile(key, set) {
      const cached = entries.get(key)
      if (cached !== undefined) {
        entries.delete(key)
        entries.set(key, cached)
        keepWithin()
        return cached
      }
      const compiled = compilePolicies(set(), catalog === undefined ? {} : { catalog: catalog() })
      if (bytesOf(key, compiled) <= budget) entries.set(key, compiled)
      keepWithin()
      return compiled
    },
    size: () => entries.size,
    bytes: () => bytes,
  }
}
