import { describe, expect, it } from 'vitest'
import { checkTargets, describeThreshold } from './target-check.ts'
import { targets } from './targets.ts'

describe('the targets', () => {
  it('hold a rate to at least its threshold and a time to under its own', () => {
    const outcomes = checkTargets(targets, {
      decisionsPerSecondUnexplained: 1_000_000,
      corpusValidationMs: 3000,
    })
    const met = (metric: string) =>
      outcomes.find((outcome) => outcome.target.metric === metric)?.met
    expect(met('decisionsPerSecondUnexplained')).toBe(true)
    expect(met('corpusValidationMs')).toBe(false)
  })

  it('are one a metric, each described with its threshold', () => {
    expect(new Set(targets.map((target) => target.metric)).size).toBe(targets.length)
    expect(targets.map(describeThreshold)).toEqual([
      '≥ 1,000,000/s',
      '≥ 100,000/s',
      '< 1.00 ms',
      '< 1.00 ms',
      '< 3.00 s',
      '≥ ×20',
      '< 10.0 ms',
      '< 20.0 ms',
      '< 5.00 ms',
      '< 5.00 s',
      '< 100 ms',
      '< 10.00 s',
    ])
  })
})
