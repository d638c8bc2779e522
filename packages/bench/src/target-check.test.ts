import { describe, expect, it } from 'vitest'
import {
  checkTargets,
  describeCount,
  describeOutcomes,
  describeThreshold,
  type Target,
} from './target-check.ts'

const format = (value: number) => `${value} u`
const targets: readonly Target<'high' | 'low' | 'under'>[] = [
  { metric: 'high', description: 'high', direction: 'atLeast', threshold: 10, format },
  { metric: 'low', description: 'low', direction: 'atMost', threshold: 10, format },
  { metric: 'under', description: 'under', direction: 'below', threshold: 10, format },
]

const metOf = (metrics: Partial<Record<'high' | 'low' | 'under', number>>) =>
  checkTargets(targets, metrics).map((outcome) => outcome.met)

describe('checkTargets', () => {
  it('counts a figure the run did not measure, or one that is not a number, as not met', () => {
    const outcomes = checkTargets(targets, { high: Number.NaN, low: Number.POSITIVE_INFINITY })
    expect(outcomes.every((outcome) => !outcome.met && outcome.value === undefined)).toBe(true)
  })

  it('meets an at-least and an at-most target at the threshold, a below target only under it', () => {
    expect(metOf({ high: 10, low: 10, under: 10 })).toEqual([true, true, false])
    expect(metOf({ high: 9.9, low: 10.1, under: 9.9 })).toEqual([false, false, true])
    expect(metOf({ high: 11, low: 9, under: 0 })).toEqual([true, true, true])
  })
})

describe('the descriptions', () => {
  it('give the threshold with its sign', () => {
    expect(targets.map(describeThreshold)).toEqual(['≥ 10 u', '≤ 10 u', '< 10 u'])
  })

  it('give a line an outcome, then how many are met', () => {
    const outcomes = checkTargets(targets, { high: 12, low: 20 })
    expect(describeOutcomes(outcomes).split('\n')).toEqual([
      'met      high: 12 u (target ≥ 10 u)',
      'NOT MET  low: 20 u (target ≤ 10 u)',
      'NOT MET  under: not measured (target < 10 u)',
      '1 of 3 targets met',
    ])
    expect(describeCount([])).toBe('0 of 0 targets met')
  })
})
