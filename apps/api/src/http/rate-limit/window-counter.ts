/** What a client has used of its current window. */
export interface WindowUsage {
  /** Requests counted in the window, this one included. */
  readonly count: number
  /** When the window ends and the count starts again from zero, on the counter's clock. */
  readonly resetAt: number
  /** What the counter's `tag` made of the key when the key was first counted. */
  readonly tag: string
}

export interface WindowCounter {
  /** Counts one request of `key` at the clock's present time and returns the key's usage. */
  hit(key: string): WindowUsage
  /** Clients with an entry kept, expired or not: what the counter holds in memory. */
  size(): number
}

interface Entry {
  count: number
  resetAt: number
  readonly tag: string
}

export interface WindowCounterOptions {
  readonly windowMs: number
  readonly now: () => number
  /** Something derived from a key once per entry rather than once per request (a hash, say). */
  readonly tag?: (key: string) => string
}

/**
 * Fixed windows per client, each starting at the client's first request after its last window
 * ended (the reading of express-rate-limit's memory store). Entries live in two generations
 * swapped once a window, lazily on the next hit: an entry not touched for two windows has expired
 * and is dropped with its generation, so memory stays bounded by the clients of the last two
 * windows without a timer to clear it.
 */
export function windowCounter({
  windowMs,
  now,
  tag = () => '',
}: WindowCounterOptions): WindowCounter {
  let current = new Map<string, Entry>()
  let previous = new Map<string, Entry>()
  let nextSwap = now() + windowMs

  function swapGenerations(time: number): void {
    if (time < nextSwap) return
    // a generation older than one full window holds only expired entries
    previous = time >= nextSwap + windowMs ? new Map() : current
    current = new Map()
    nextSwap = time + windowMs
  }

  return {
    hit(key) {
      const time = now()
      swapGenerations(time)
      let entry = current.get(key)
      if (entry === undefined) {
        entry = previous.get(key)
        if (entry !== undefined) {
          previous.delete(key)
          current.set(key, entry)
        }
      }
      if (entry === undefined) {
        entry = { count: 0, resetAt: time + windowMs, tag: tag(key) }
        current.set(key, entry)
      } else if (time >= entry.resetAt) {
        entry.count = 0
        entry.resetAt = time + windowMs
      }
      entry.count++
      return { count: entry.count, resetAt: entry.resetAt, tag: entry.tag }
    },
    size: () => current.size + previous.size,
  }
}
