import { describe, expect, it } from 'vitest'
import { checkTargets, describeThreshold, targets } from './targets.ts'

describe('checkTargets', () => {
  it('counts a metric the run did not measure as not met', () => {
    expect(checkTargets({}).every((outcome) => !outcome.met && outcome.value === undefined)).toBe(
      true,
    )
  })

  it('meets an at-least target at its threshold and a below target only under it', () => {
    const outcomes = checkTargets({
      decisionsPerSecondUnexplained: 1_000_000,
      corpusValidationMs: 3000,
    })
    const met = (metric: string) =>
      outcomes.find((outcome) => outcome.target.metric === metric)?.met
    expect(met('decisionsPerSecondUnexplained')).toBe(true)
    expect(met('corpusValidationMs')).toBe(false)
  })

  it('has one target per metric, each described with its threshold', () => {
    expect(new Set(targets.map((target) => target.metric)).size).toBe(targets.length)
    expect(targets.map(describeThreshold)).toEqual([
      '≥ 1,000,000/s',
      '≥ 100,000/s',
      '< 1.00 ms',
      '< 1.00 ms',
      '< 3.00 s',
      '≥ ×20',
    ])
  })
})
