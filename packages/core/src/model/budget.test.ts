import { describe, expect, it } from 'vitest'
import { defaultBudget, readBudget } from './budget.ts'

describe('readBudget', () => {
  it('takes undefined and null as the defaults', () => {
    expect(readBudget(undefined)).toEqual({ budget: defaultBudget })
    expect(readBudget(null)).toEqual({ budget: defaultBudget })
  })

  it('names a limit given a value that is no number, whatever the value is', () => {
    const withoutPrototype = Object.create(null)
    const throwing = {
      toString() {
        throw new Error('no text')
      },
    }
    for (const value of [withoutPrototype, throwing, [], () => 1, 'ten', -1, 1.5]) {
      const read = readBudget({ maxSteps: value })
      expect(read.budget).toBeUndefined()
      expect(read.problems?.join(' ')).toContain('maxSteps')
    }
  })
})
