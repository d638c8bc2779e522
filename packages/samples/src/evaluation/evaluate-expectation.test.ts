import { describe, expect, it } from 'vitest'
import { samples } from '../index.ts'
import { documentVersions } from '../schema.ts'
import { evaluateExpectation } from './evaluate-expectation.ts'

const cases = samples.flatMap((sample) =>
  sample.expectations.map(
    (expectation) => [`${sample.id}: ${expectation.description}`, sample, expectation] as const,
  ),
)

describe('expectations', () => {
  it.each(cases)(
    '%s: the corrected policy gives the documented decision',
    (_, sample, expectation) => {
      const { corrected } = evaluateExpectation(sample, expectation)
      expect(corrected?.result.errors).toBeUndefined()
      expect(corrected?.outcome).toBe(expectation.documented)
      if (expectation.deciding !== undefined) {
        expect(corrected?.deciding).toEqual([expectation.deciding])
      }
    },
  )

  it.each(cases)('%s: each printed policy gives its outcome', (_, sample, expectation) => {
    const { printed } = evaluateExpectation(sample, expectation)
    for (const version of documentVersions) {
      const outcome = printed[version]
      if (outcome === undefined) continue
      expect(outcome.outcome, version).toBe(
        expectation.printed?.[version] ?? expectation.documented,
      )
      if (outcome.result.errors !== undefined) {
        // Rejected for what the policy says, never for a malformed request.
        expect(outcome.result.errors.map((error) => error.source)).not.toContain('request')
      }
    }
  })

  it.each(cases.filter(([, sample]) => sample.literal !== undefined))(
    '%s: the literal policy gives its outcome',
    (_, sample, expectation) => {
      const { literal } = evaluateExpectation(sample, expectation)
      expect(literal?.outcome).toBe(expectation.literal ?? expectation.documented)
    },
  )
})
