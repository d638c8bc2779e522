import { describe, expect, it } from 'vitest'
import {
  checkTargets,
  describeOutcomes,
  describeThreshold,
  type Metrics,
  metricNames,
  targets,
} from './targets.ts'

const metOf = (metrics: Metrics) =>
  Object.fromEntries(checkTargets(metrics).map((outcome) => [outcome.target.metric, outcome.met]))

describe('checkTargets', () => {
  it('counts a figure the run did not measure, or one that is not a number, as not met', () => {
    const outcomes = checkTargets({ evaluateP99OverExpress: Number.NaN })
    expect(outcomes.every((outcome) => !outcome.met && outcome.value === undefined)).toBe(true)
  })

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

  it('are described a line each, then how many are met', () => {
    const lines = describeOutcomes(
      checkTargets({ evaluateThroughputOfExpress: 0.72, evaluateP99OverExpress: 2 }),
    ).split('\n')
    expect(lines).toEqual([
      expect.stringMatching(/^met {6}`POST \/v1\/evaluate`.*: 72 % \(target ≥ 60 %\)$/),
      expect.stringMatching(/^NOT MET {2}`POST \/v1\/evaluate`.*: ×2\.00 \(target ≤ ×1\.50\)$/),
      expect.stringMatching(
        /^NOT MET {2}decisions per second.*: not measured \(target ≥ 200,000\/s\)$/,
      ),
      '1 of 3 targets met',
    ])
  })
})
