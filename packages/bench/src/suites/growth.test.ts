import { describe, expect, it } from 'vitest'
import { measureGrowth } from './growth.ts'
import { type GrowthFamily, growthFamilies, growthFamilyIds } from './growth-families.ts'

describe('the adversarial growth families', () => {
  it('are the listed ones, each once', () => {
    expect(growthFamilies.map((family) => family.id)).toEqual([...growthFamilyIds])
  })

  // the answers are checked before anything is timed; here at a hundredth of the sizes run
  it.each(growthFamilies.map((family) => [family.id, family] as const))(
    '%s gives the expected answer',
    { timeout: 60_000 },
    (_, family) => {
      const size = Math.max(2, Math.floor(family.size / 100))
      const answer = family.run(family.input(size, 0) as never)
      expect(() => family.check(answer as never, size)).not.toThrow()
    },
  )

  it('make a fresh input in each round', () => {
    for (const family of growthFamilies) {
      expect(JSON.stringify(family.input(3, 1))).not.toBe(JSON.stringify(family.input(3, 2)))
    }
  })
})

describe('measureGrowth', () => {
  it('times n, 2n and 4n and divides the last median by the first', () => {
    const calls: number[] = []
    const family: GrowthFamily = {
      id: 'manyResources',
      title: 'counting',
      operation: '`count`',
      unit: 'items',
      size: 10,
      input: (size) => size,
      run: (size: number) => calls.push(size),
      check: () => {},
    }
    const row = measureGrowth(family)
    expect(row.sizes).toEqual([10, 20, 40])
    expect(row.medians).toHaveLength(3)
    expect(row.ratio).toBe((row.medians[2] ?? 0) / (row.medians[0] ?? 1))
    // one untimed round, then the timed ones, the sizes taking turns
    expect(calls.slice(0, 6)).toEqual([10, 20, 40, 10, 20, 40])
    expect(calls).toHaveLength(3 * (row.rounds + 1))
  })
})
