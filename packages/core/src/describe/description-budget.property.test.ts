// biome-ignore-all lint/suspicious/noTemplateCurlyInString: a policy variable as policies write it, not a template
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultBudget } from '../model/index.ts'
import { parsePolicy } from '../parse/index.ts'
import { describePolicy } from './describe-policy.ts'
import { wideCatalog as catalog } from './description-budget.test-data.ts'
import { descriptionBytes } from './description-budget.ts'

/** Text of every kind a value may hold: wildcards, control characters, quotes, other scripts. */
const arbValueText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', '*', '"', '\\', '\u0007', '${aws:username}'),
)

/** Action patterns, many of which reach the whole reference or one service of it in full. */
const arbAction = fc.oneof(
  fc.constantFrom('*', '**', '*:*', '*:Get*', '*:?et*', 'service1:*', 'SERVICE2:Put*', 's*:*'),
  fc.constantFrom('service7:GetExampleResourceConfiguration0', 'nothing:Here', 'connect*'),
  arbValueText,
)

const arbResource = fc.oneof(
  fc.constantFrom('*', 'arn:aws:*:*:*:*', 'arn:aws:service3:us-east-1:123456789012:widget/*'),
  fc.constantFrom('arn:aws:s3:::bucket/*', 'arn:*', 'arn:aws:service4:*:*:*/x'),
  arbValueText,
)

const oneOrMany = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(arb, fc.array(arb, { minLength: 0, maxLength: 5 }))

const arbStatement = fc.record(
  {
    Sid: arbValueText,
    Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), arbValueText),
    Action: oneOrMany(arbAction),
    NotAction: oneOrMany(arbAction),
    Resource: oneOrMany(arbResource),
    NotResource: oneOrMany(arbResource),
    Principal: fc.oneof(
      fc.constant('*'),
      fc.record({ AWS: oneOrMany(arbValueText), Service: oneOrMany(arbValueText) }),
    ),
    Condition: fc.dictionary(
      fc.constantFrom('StringEquals', 'ForAllValues:StringLike', 'Null', 'NumericLt', 'Bogus'),
      fc.dictionary(arbValueText, oneOrMany(fc.oneof(arbValueText, fc.integer(), fc.boolean())), {
        maxKeys: 3,
      }),
      { maxKeys: 2 },
    ),
  },
  { requiredKeys: [] },
)

/** Policy texts: whole, pretty or compact, and cut anywhere (the parser reads what it can). */
const arbPolicyText = fc
  .tuple(
    fc.array(arbStatement, { maxLength: 6 }),
    fc.boolean(),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([statements, pretty, cut]) => {
    const text = JSON.stringify(
      { Version: '2012-10-17', Statement: statements },
      null,
      pretty ? 2 : undefined,
    )
    return cut === undefined ? text : text.slice(0, cut % (text.length + 1))
  })

const arbMaxListed = fc.oneof(fc.nat(8), fc.constant(defaultBudget.maxListed))

/**
 * The oracle: a linear function of the input's characters, whose slope grows with `maxListed`
 * and not with the reference. Its constants are the reference's sizes rounded up (a service of
 * the list under 1 KiB, a name under 50 bytes, the words of an element under 16 KiB) over the
 * fewest characters an Action element takes (`"Action":"**"`, 13), and the effective access's
 * share: 34 KiB and 32 bytes per character.
 */
function linearBound(inputChars: number, maxListed: number): number {
  return 35 * 1024 + inputChars * (2032 + 400 * maxListed)
}

describe('describePolicy within its budget (oracle: a linear bound in the input)', () => {
  it('describes any policy in bytes linear in its characters, and within its estimate', () => {
    fc.assert(
      fc.property(arbPolicyText, arbMaxListed, (text, maxListed) => {
        const budget = { maxListed, maxAnswerBytes: Number.POSITIVE_INFINITY }
        const result = describePolicy(text, { catalog, budget })
        expect(result.errors).toBeUndefined()
        const answer = JSON.stringify(result).length
        expect(answer).toBeLessThanOrEqual(linearBound(text.length, maxListed))
        const { policy } = parsePolicy(text)
        if (policy === undefined) return
        const estimate = descriptionBytes(policy, catalog, { ...defaultBudget, ...budget })
        // the refusal is sound: what is let through is no larger than estimated
        expect(answer).toBeLessThanOrEqual(estimate)
        expect(estimate).toBeLessThanOrEqual(linearBound(text.length, maxListed))
      }),
      { numRuns: 300 },
    )
  })

  it('refuses exactly the policies estimated over `maxAnswerBytes`, describing nothing', () => {
    fc.assert(
      fc.property(arbPolicyText, fc.nat(200_000), (text, maxAnswerBytes) => {
        const result = describePolicy(text, { catalog, budget: { maxAnswerBytes } })
        const { policy } = parsePolicy(text)
        const estimate =
          policy === undefined
            ? 0
            : descriptionBytes(policy, catalog, { ...defaultBudget, maxAnswerBytes })
        if (estimate > maxAnswerBytes) {
          expect(result.statements).toBeUndefined()
          expect(result.errors?.[0]?.overBudget).toEqual({
            limit: 'maxAnswerBytes',
            estimated: estimate,
            allowed: maxAnswerBytes,
          })
        } else {
          expect(result.errors).toBeUndefined()
        }
      }),
      { numRuns: 100 },
    )
  })
})
