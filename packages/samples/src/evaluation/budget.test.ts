import { awsCatalog } from '@connect-policy/catalog'
import { defaultBudget } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { samples } from '../index.ts'
import { evaluateExpectation } from './evaluate-expectation.ts'

const catalog = awsCatalog()

describe('the default budget, against the documented samples', () => {
  it('leaves every expectation, on every text of its sample, within a hundredth of it', () => {
    const budget = {
      maxSteps: defaultBudget.maxSteps / 100,
      maxAnswerBytes: Math.floor(defaultBudget.maxAnswerBytes / 100),
    }
    for (const sample of samples) {
      for (const expectation of sample.expectations) {
        const { corrected, printed, literal } = evaluateExpectation(sample, expectation, {
          catalog,
          budget,
        })
        for (const text of [corrected, ...Object.values(printed), literal]) {
          const refusals = (text?.result.errors ?? []).filter((error) => error.source === 'budget')
          expect(refusals).toEqual([])
        }
      }
    }
  })
})
