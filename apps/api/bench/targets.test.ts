import { checkTargets, describeThreshold } from '@connect-policy/bench'
import { describe, expect, it } from 'vitest'
import { type Metrics, metricNames, targets } from './targets.ts'

const metOf = (metrics: Metrics) =>
  Object.fromEntries(
    checkTargets(targets, metrics).map((outcome) => [outcome.target.metric, outcome.met]),
  )

describe('the thresholds', () => {
  it('meets each target at its threshold', () => {
    expect(
      metOf({
        evaluateThroughputOfExpress: 0.6,
        evaluateP99OverExpress: 1.5,
        batchDecisionsPerSecond: 200_000,
      }),
    ).toEqual({
      evaluateThroughputOfExpress: true,
      evaluateP99OverExpress: true,
      batchDecisionsPerSecond: true,
    })
  })

  it('misses a throughput under its threshold and a latency ratio over it', () => {
    expect(
      metOf({
        evaluateThroughputOfExpress: 0.59,
        evaluateP99OverExpress: 1.51,
        batchDecisionsPerSecond: 199_999,
      }),
    ).toEqual({
      evaluateThroughputOfExpress: false,
      evaluateP99OverExpress: false,
      batchDecisionsPerSecond: false,
    })
  })

  it('meets a throughput over its threshold and a latency ratio under it', () => {
    expect(
      metOf({
        evaluateThroughputOfExpress: 0.8,
        evaluateP99OverExpress: 0.9,
        batchDecisionsPerSecond: 350_000,
      }),
    ).toEqual({
      evaluateThroughputOfExpress: true,
      evaluateP99OverExpress: true,
      batchDecisionsPerSecond: true,
    })
  })
})

describe('the targets', () => {
  it('are one a figure, each described with its threshold', () => {
    expect(targets.map((target) => target.metric)).toEqual([...metricNames])
    expect(targets.map(describeThreshold)).toEqual(['≥ 60 %', '≤ ×1.50', '≥ 200,000/s'])
  })
})
