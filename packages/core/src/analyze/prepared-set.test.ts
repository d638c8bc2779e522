import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalogFixture } from '../catalog/create-catalog.test-data.ts'
import { createCatalog } from '../catalog/index.ts'
import {
  arbAnalysisStatements,
  analysisCatalog as catalog,
  identitySetOf,
} from '../testing/index.ts'
import { checkNoNewAccess } from './check-access.ts'
import { comparePolicies } from './compare-policies.ts'
import { prepareForAnalysis } from './prepared-set.ts'
import { summarizeAccess } from './summarize-access.ts'

const prepared = (set: unknown) => {
  const result = prepareForAnalysis(set, { catalog })
  if ('errors' in result) throw new Error(result.errors.map((error) => error.message).join('; '))
  return result
}

describe('prepareForAnalysis', () => {
  it('answers as the sets themselves do (oracle: the same analyses of the unprepared sets)', () => {
    fc.assert(
      fc.property(arbAnalysisStatements, arbAnalysisStatements, (first, second) => {
        const before = identitySetOf(first)
        const after = identitySetOf(second)
        const kept = [prepared(before), prepared(after)] as const
        expect(comparePolicies(...kept, { catalog })).toEqual(
          comparePolicies(before, after, { catalog }),
        )
        // once more: what the first analysis kept changes no answer
        expect(comparePolicies(kept[1], kept[0], { catalog })).toEqual(
          comparePolicies(after, before, { catalog }),
        )
        expect(summarizeAccess(kept[1], { catalog })).toEqual(summarizeAccess(after, { catalog }))
        expect(checkNoNewAccess(kept[0], before, { catalog })).toEqual(
          checkNoNewAccess(before, before, { catalog }),
        )
      }),
      { numRuns: 40 },
    )
  }, 120_000)

  it('gives the errors of a set that cannot be evaluated, and of options that are not any', () => {
    const unreadable = prepareForAnalysis({ identityPolicies: ['{'] }, { catalog })
    expect('errors' in unreadable && unreadable.errors[0]?.message).toMatch(/^the policy set: /)
    const badCatalog = prepareForAnalysis({}, { catalog: {} as never })
    expect('errors' in badCatalog && badCatalog.errors[0]?.message).toMatch(/catalog/)
  })

  it('is refused with a catalog other than its own, rather than read against the wrong one', () => {
    const set = prepared({ identityPolicies: [] })
    const other = createCatalog(catalogFixture)
    const result = comparePolicies(set, set, { catalog: other })
    expect('errors' in result && result.errors.map((error) => error.message)).toEqual([
      'before: the set was prepared with another catalog than the one given',
      'after: the set was prepared with another catalog than the one given',
    ])
  })
})
