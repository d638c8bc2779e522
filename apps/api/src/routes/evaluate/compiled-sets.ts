import { type CompiledPolicySet, compilePolicies, type PolicySet } from '@connect-policy/core'

/**
 * Compiled policy sets by their JSON, least recently used first out, within a budget of JSON
 * characters. Compiling is pure, so a set compiled once answers every later call with it as a
 * new compilation would: callers that send the same set with each request (a CI job, a portal)
 * pay for parsing and compiling once. The budget bounds memory whatever callers send.
 */
export class CompiledSetCache {
  private readonly entries = new Map<string, CompiledPolicySet>()
  private characters = 0

  constructor(
    private readonly budget: number,
    private readonly maxEntries = 256,
  ) {}

  /** The compiled set for `key` (the set's JSON), compiling `set` on a miss. */
  compile(key: string, set: () => PolicySet): CompiledPolicySet {
    const cached = this.entries.get(key)
    if (cached !== undefined) {
      // re-inserted, so that iteration order is least recently used first
      this.entries.delete(key)
      this.entries.set(key, cached)
      return cached
    }
    const compiled = compilePolicies(set())
    if (key.length <= this.budget) {
      this.entries.set(key, compiled)
      this.characters += key.length
      for (const [oldest] of this.entries) {
        if (this.characters <= this.budget && this.entries.size <= this.maxEntries) break
        this.entries.delete(oldest)
        this.characters -= oldest.length
      }
    }
    return compiled
  }

  get size(): number {
    return this.entries.size
  }
}
