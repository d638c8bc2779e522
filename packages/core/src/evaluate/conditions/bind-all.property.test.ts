import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { literalQuestionMark, literalStar } from '../../match/index.ts'
import { conditionOperators } from './operators.ts'

const withBindAll = [...conditionOperators.values()].filter(
  (operator) => operator.bindAll !== undefined,
)

/** Short texts over few characters, cases and literal wildcards, so that values often agree. */
const arbText = fc
  .array(fc.constantFrom('a', 'A', 'b', '*', '?', literalStar, literalQuestionMark), {
    maxLength: 4,
  })
  .map((characters) => characters.join(''))

describe('bindAll (oracle: some policy value bound alone)', () => {
  it('is given to the equality operators of strings', () => {
    expect(withBindAll.map((operator) => operator.name).sort()).toEqual([
      'StringEquals',
      'StringEqualsIgnoreCase',
      'StringNotEquals',
      'StringNotEqualsIgnoreCase',
    ])
  })

  it('passes for a request value exactly when one of the values bound alone does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...withBindAll),
        fc.array(arbText, { minLength: 1, maxLength: 6 }),
        arbText,
        (operator, policies, request) => {
          const values = policies.map((policy) => operator.readPolicyValue(policy))
          const together = operator.bindAll?.(values as never[])
          const alone = values.some((value) => operator.bind(value as never)(request))
          expect(together?.(request)).toBe(alone)
        },
      ),
    )
  })
})
