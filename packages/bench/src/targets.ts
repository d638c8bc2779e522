import { formatCount, formatRatio, formatTime } from './report/format.ts'
import type { MetricName, Metrics } from './report/results.ts'

/** A target of the performance issue, on one metric of a run. */
export interface Target {
  readonly metric: MetricName
  readonly description: string
  readonly direction: 'atLeast' | 'below'
  readonly threshold: number
  readonly format: (value: number) => string
}

export const targets: readonly Target[] = [
  {
    metric: 'decisionsPerSecondUnexplained',
    description: 'single-request decisions per second on the documented examples, explanation off',
    direction: 'atLeast',
    threshold: 1_000_000,
    format: (value) => `${formatCount(value)}/s`,
  },
  {
    metric: 'decisionsPerSecondExplained',
    description: 'single-request decisions per second on the documented examples, full explanation',
    direction: 'atLeast',
    threshold: 100_000,
    format: (value) => `${formatCount(value)}/s`,
  },
  {
    metric: 'adversarialResourceMs',
    description: 'a 14-star pattern against a 5,000-character resource, decided',
    direction: 'below',
    threshold: 1,
    format: formatTime,
  },
  {
    metric: 'adversarialConditionMs',
    description: 'the same pattern in a `StringLike` condition, decided',
    direction: 'below',
    threshold: 1,
    format: formatTime,
  },
  {
    metric: 'corpusValidationMs',
    description: 'every AWS managed policy validated, catalog built',
    direction: 'below',
    threshold: 3000,
    format: formatTime,
  },
  {
    metric: 'compileOnceSpeedup',
    description: 'a second evaluation against compile + evaluate',
    direction: 'atLeast',
    threshold: 20,
    format: formatRatio,
  },
]

export interface TargetOutcome {
  readonly target: Target
  /** Undefined when the run did not measure the metric. */
  readonly value?: number
  readonly met: boolean
}

/** Each target against a run's metrics: a metric the run lacks is not met. */
export function checkTargets(metrics: Metrics): TargetOutcome[] {
  return targets.map((target) => {
    const value = metrics[target.metric]
    if (value === undefined || !Number.isFinite(value)) return { target, met: false }
    const met =
      target.direction === 'atLeast' ? value >= target.threshold : value < target.threshold
    return { target, value, met }
  })
}

/** `≥ 1,000,000/s` or `< 3.00 s`. */
export function describeThreshold(target: Target): string {
  return `${target.direction === 'atLeast' ? '≥' : '<'} ${target.format(target.threshold)}`
}
