/**
 * The API's performance targets, each a figure of one `pnpm bench` run measured in interleaved
 * rounds: `bench.ts` computes the figures and prints whether each is met, `check.ts` reads them
 * back from the run's results. Thresholds live here and not in unit tests: the machines are
 * shared and noisy.
 */

/** The figures the targets are about. */
export const metricNames = [
  'evaluateThroughputOfExpress',
  'evaluateP99OverExpress',
  'batchDecisionsPerSecond',
] as const
export type MetricName = (typeof metricNames)[number]
export type Metrics = Partial<Record<MetricName, number>>

export interface Target {
  readonly metric: MetricName
  readonly description: string
  readonly direction: 'atLeast' | 'atMost'
  readonly threshold: number
  readonly format: (value: number) => string
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`
const times = (ratio: number) => `×${ratio.toFixed(2)}`
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`

export const targets: readonly Target[] = [
  {
    metric: 'evaluateThroughputOfExpress',
    description:
      '`POST /v1/evaluate` (defaults) throughput at 50 connections, of bare Express 5 with one route',
    direction: 'atLeast',
    threshold: 0.6,
    format: percent,
  },
  {
    metric: 'evaluateP99OverExpress',
    description: '`POST /v1/evaluate` (defaults) p99 at 10 connections, over bare Express 5',
    direction: 'atMost',
    threshold: 1.5,
    format: times,
  },
  {
    metric: 'batchDecisionsPerSecond',
    description:
      'decisions per second through HTTP, batches of 1,000 with `explain: none`, best of 1, 2 and 4 connections',
    direction: 'atLeast',
    threshold: 200_000,
    format: perSecond,
  },
]

export interface TargetOutcome {
  readonly target: Target
  /** Undefined when the run did not measure the figure. */
  readonly value?: number
  readonly met: boolean
}

/** Each target against a run's figures: a figure the run lacks, or not a number, is not met. */
export function checkTargets(metrics: Metrics): TargetOutcome[] {
  return targets.map((target) => {
    const value = metrics[target.metric]
    if (value === undefined || !Number.isFinite(value)) return { target, met: false }
    const met =
      target.direction === 'atLeast' ? value >= target.threshold : value <= target.threshold
    return { target, value, met }
  })
}

/** `≥ 60 %` or `≤ ×1.50`. */
export function describeThreshold(target: Target): string {
  return `${target.direction === 'atLeast' ? '≥' : '≤'} ${target.format(target.threshold)}`
}

/** `met      <description>: <value> (target <threshold>)`, or `NOT MET  …`. */
export function describeOutcome({ target, value, met }: TargetOutcome): string {
  const measured = value === undefined ? 'not measured' : target.format(value)
  return `${met ? 'met    ' : 'NOT MET'}  ${target.description}: ${measured} (target ${describeThreshold(target)})`
}

/** `N of M targets met`. */
export function describeCount(outcomes: readonly TargetOutcome[]): string {
  const met = outcomes.filter((outcome) => outcome.met).length
  return `${met} of ${outcomes.length} targets met`
}

/** The outcomes, a line each, then `N of M targets met`. */
export function describeOutcomes(outcomes: readonly TargetOutcome[]): string {
  return [...outcomes.map(describeOutcome), describeCount(outcomes)].join('\n')
}
