import { Bench } from 'tinybench'

/** Timings of one operation, in milliseconds. */
export interface Measurement {
  readonly median: number
  readonly p99: number
  /** How many timed iterations the statistics come from. */
  readonly samples: number
}

export interface MeasureOptions {
  /**
   * Operations done by one call of the function. Operations of a microsecond are timed in
   * batches, since the timer's own cost would otherwise be part of every sample; the statistics
   * are divided back to one operation.
   */
  readonly operations?: number
  /** Time budget in milliseconds; the run also lasts at least `iterations` calls. */
  readonly time?: number
  readonly iterations?: number
  /** Warm-up budget in milliseconds (at least one call), so that the timed calls run optimized code. */
  readonly warmupTime?: number
}

/**
 * Times a function with tinybench, bounded in time: the median and the 99th percentile of its
 * calls. The function's result is kept, so that the engine cannot drop the work.
 */
export function measure(
  name: string,
  fn: () => unknown,
  options: MeasureOptions = {},
): Measurement {
  const operations = options.operations ?? 1
  let sink: unknown
  const bench = new Bench({
    time: options.time ?? 500,
    iterations: options.iterations ?? 10,
    warmupTime: options.warmupTime ?? 200,
    warmupIterations: 1,
    throws: true,
  })
  bench.add(name, () => {
    sink = fn()
  })
  bench.runSync()
  const result = bench.tasks[0]?.result
  if (result === undefined || !('latency' in result)) {
    throw new Error(`\`${name}\` gave no timings: ${result?.state ?? 'not run'}`)
  }
  if (sink === Symbol.for('never')) console.log(sink)
  return {
    median: result.latency.p50 / operations,
    p99: result.latency.p99 / operations,
    samples: result.latency.samplesCount,
  }
}
