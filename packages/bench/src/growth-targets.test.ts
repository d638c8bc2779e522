import { describe, expect, it } from 'vitest'
import { checkGrowth, growthCpuLimitMs, growthRatioLimit } from './growth-targets.ts'
import type { GrowthRow } from './suites/growth.ts'
import { growthFamilyIds } from './suites/growth-families.ts'

const row = (
  id: (typeof growthFamilyIds)[number],
  ratio: number,
  cpuAt4n = 50,
  refusedAt4n = false,
): GrowthRow => ({
  id,
  title: id,
  operation: '`f`',
  unit: 'items',
  sizes: [1, 2, 4],
  medians: [1, 2, ratio],
  rounds: 7,
  ratio,
  cpuMedians: [1, 2, cpuAt4n],
  refused: [false, false, refusedAt4n],
})

describe('checkGrowth', () => {
  it('allows linear growth with slack, and no more', () => {
    expect(growthRatioLimit).toBe(6)
    const outcomes = checkGrowth([row('manyResources', 6), row('longNumberContext', 16)])
    const met = (id: string) => outcomes.find((outcome) => outcome.id === id)?.met
    expect(met('manyResources')).toBe(true)
    expect(met('longNumberContext')).toBe(false)
  })

  it('holds a call at 4n to its CPU time unless it was refused up front', () => {
    expect(growthCpuLimitMs).toBe(100)
    const outcomes = checkGrowth([
      row('manyResources', 4, 100),
      row('longNumberContext', 4, 101),
      row('longNumberPolicy', 4, 5000, true),
      row('manyContextValues', 9, 10),
    ])
    const outcome = (id: string) => outcomes.find((one) => one.id === id)
    expect(outcome('manyResources')).toMatchObject({ cpuMet: true, met: true })
    expect(outcome('longNumberContext')).toMatchObject({
      ratioMet: true,
      cpuMet: false,
      met: false,
    })
    expect(outcome('longNumberPolicy')).toMatchObject({ cpuMet: true, met: true })
    expect(outcome('manyContextValues')).toMatchObject({
      ratioMet: false,
      cpuMet: true,
      met: false,
    })
  })

  it('counts a family the run did not measure as not met', () => {
    expect(checkGrowth([]).map((outcome) => outcome.met)).toEqual(growthFamilyIds.map(() => false))
  })
})
