import type { Summary } from './harness.ts'
import type { Metrics } from './targets.ts'

/** Where `pnpm bench` leaves its last run for `pnpm bench:check`. */
export const resultsPath = new URL('results/latest.json', import.meta.url)

/** A figure that is the median of the rounds' ratios, with each round's. */
export interface RoundFigure {
  readonly median: number
  readonly rounds: readonly number[]
}

/** One connection count of the batch load. */
export interface BatchFigure {
  readonly connections: number
  readonly callsPerSecond: number
  readonly decisionsPerSecond: number
  readonly p99: number
}

/** A whole run of `pnpm bench`, as written to `results/latest.json`. */
export interface ApiBenchResults {
  readonly date: string
  /** `git rev-parse --short HEAD`, with `+changes` when the API's files differ from it. */
  readonly commit: string
  /** CPU, cores, memory, Node and platform. */
  readonly machine: string
  /** The one-minute load average when the rounds ended. */
  readonly loadAverage: number
  readonly pace: {
    readonly duration: number
    readonly warmup: number
    readonly connections: number
    readonly rounds: number
  }
  readonly metrics: Metrics
  readonly ratios: {
    readonly evaluateOfExpress: RoundFigure
    readonly p99OverExpress: RoundFigure
    /** Evaluate over bare Express taking the same body and sending the same answer. */
    readonly evaluateOfSameAnswer: RoundFigure
    readonly logOnOfLogOff: RoundFigure
    readonly limiterOnOfOff: RoundFigure
  }
  readonly batch: readonly BatchFigure[]
  readonly measured: readonly Summary[]
}
