/**
 * The API's performance targets, each a figure of one `pnpm bench` run measured in interleaved
 * rounds: `bench.ts` computes the figures and prints whether each is met, `check.ts` reads them
 * back from the run's results, both with the repository's one target check
 * (`checkTargets` of `@connect-policy/bench`). Thresholds live here and not in unit tests: the
 * machines are shared and noisy.
 */
import type { Target } from '@connect-policy/bench'

/** The figures the targets are about. */
export const metricNames = [
  'evaluateThroughputOfExpress',
  'evaluateP99OverExpress',
  'batchDecisionsPerSecond',
] as const
export type MetricName = (typeof metricNames)[number]
export type Metrics = Partial<Record<MetricName, number>>

const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`
const times = (ratio: number) => `×${ratio.toFixed(2)}`
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`

export const targets: readonly Target<MetricName>[] = [
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
