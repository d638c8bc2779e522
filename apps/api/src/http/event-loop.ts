/** How late the event loop runs, as shedding reads it. */
export interface EventLoopMonitor {
  /**
   * How late the event loop runs, in milliseconds: the median lateness of its ticks over the
   * window under way and the one before, whichever is higher. A loop that stays busy is late at
   * every tick; one pause (a collection of garbage, the process descheduled) is one late tick
   * among timely ones and moves the median little.
   */
  delayMs(): number
  stop(): void
}

export interface EventLoopMonitorOptions {
  /** Milliseconds of each window. */
  readonly windowMs?: number
  /** Milliseconds between two ticks. */
  readonly resolutionMs?: number
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length === 0
    ? 0
    : sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/**
 * Samples the event loop's delay with a timer every `resolutionMs`: how much later than due each
 * tick runs is the time the loop was busy with something else. This is what
 * `perf_hooks.monitorEventLoopDelay` measures, but its histogram forgets the delay under way when
 * it is reset, which a window must do, so that a stall ending just as a window closed went unseen;
 * ticks of our own see every one. Its timer does not keep the process alive.
 */
export function monitorEventLoop({
  windowMs = 500,
  resolutionMs = 10,
}: EventLoopMonitorOptions = {}): EventLoopMonitor {
  let last = performance.now()
  let windowStart = last
  let ticks: number[] = []
  let current = 0
  let previous = 0
  const timer = setInterval(() => {
    const now = performance.now()
    if (now - windowStart >= windowMs) {
      previous = current
      ticks = []
      windowStart = now
    }
    ticks.push(Math.max(0, now - last - resolutionMs))
    last = now
    current = medianOf(ticks)
  }, resolutionMs)
  timer.unref()
  return {
    delayMs: () => Math.max(previous, current),
    stop: () => clearInterval(timer),
  }
}

let shared: EventLoopMonitor | undefined

/** The process's one monitor, with the default windows, started at the first call. */
export function processEventLoop(): EventLoopMonitor {
  shared ??= monitorEventLoop()
  return shared
}
