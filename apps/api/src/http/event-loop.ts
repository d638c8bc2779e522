/** How late the event loop runs, as shedding reads it. */
export interface EventLoopMonitor {
  /**
   * The most milliseconds the event loop ran late, over the window under way and the one before:
   * a stall is seen from its end for one to two windows.
   */
  delayMs(): number
  stop(): void
}

export interface EventLoopMonitorOptions {
  /** Milliseconds of each window. */
  readonly windowMs?: number
  /** Milliseconds between two samples of the delay. */
  readonly resolutionMs?: number
}

/**
 * Samples the event loop's delay with a timer every `resolutionMs`: how much later than due each
 * tick runs is the time the loop was busy with something else. This is what
 * `perf_hooks.monitorEventLoopDelay` measures, but its histogram forgets the delay under way when
 * it is reset, which a window must do, so that a stall ending just as a window closes went unseen;
 * a tick of our own sees every stall. Its timer does not keep the process alive.
 */
export function monitorEventLoop({
  windowMs = 500,
  resolutionMs = 10,
}: EventLoopMonitorOptions = {}): EventLoopMonitor {
  let last = performance.now()
  let windowStart = last
  let current = 0
  let previous = 0
  const timer = setInterval(() => {
    const now = performance.now()
    if (now - windowStart >= windowMs) {
      previous = current
      current = 0
      windowStart = now
    }
    // counted in the window under way, so that it is seen for this window and the next
    current = Math.max(current, now - last - resolutionMs)
    last = now
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
