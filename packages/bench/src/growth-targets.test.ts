import { describe, expect, it } from 'vitest'
import { checkGrowth, growthRatioLimit } from './growth-targets.ts'
import type { GrowthRow } from './suites/growth.ts'
import { growthFamilyIds } from './suites/growth-families.ts'

const row = (id: (typeof growthFamilyIds)[number], ratio: number): GrowthRow => ({
  id,
  title: id,
  operation: '`f`',
  unit: 'items',
  sizes: [1, 2, 4],
  medians: [1, 2, ratio],
  rounds: 7,
  ratio,
})

describe('checkGrowth', () => {
  it('allows linear growth with slack, and no more', () => {
    expect(growthRatioLimit).toBe(6)
    const outcomes = checkGrowth([row('manyResources', 6), row('longNumberContext', 16)])
    const met = (id: string) => outcomes.find((outcome) => outcome.id === id)?.met
    expect(met('manyResources')).toBe(true)
    expect(met('longNumberContext')).toBe(false)
  })

  it('counts a family the run did not measure as not met', () => {
    expect(checkGrowth([]).map((outcome) => outcome.met)).toEqual(growthFamilyIds.map(() => false))
  })
})
