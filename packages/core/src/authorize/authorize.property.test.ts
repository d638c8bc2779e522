import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { printPolicy } from '../print/index.ts'
import {
  arbIdentityPolicies,
  arbRequest,
  assertAgreesWithNaiveDecision,
  assertAllowIsMonotone,
  assertDenyNeverAdds,
  assertDenyWins,
  assertNotActionComplements,
  assertOrderIrrelevant,
  type IdentityEvaluator,
} from '../testing/index.ts'
import { compilePolicies } from './compile.ts'
import { evaluate } from './evaluate.ts'

const evaluators: Record<string, IdentityEvaluator> = {
  evaluate: (request, identityPolicies) => evaluate(request, { identityPolicies }),
  'compilePolicies, explained': (request, identityPolicies) =>
    compilePolicies({ identityPolicies }).evaluate(request),
  'compilePolicies, unexplained': (request, identityPolicies) =>
    compilePolicies({ identityPolicies }).evaluate(request, { explain: false }),
}

describe.each(Object.entries(evaluators))('%s', (_, evaluator) => {
  it('lets an explicit Deny win', () => assertDenyWins(evaluator))
  it('ignores the order of statements and policies', () => assertOrderIrrelevant(evaluator))
  it('never loses access by an added Allow', () => assertAllowIsMonotone(evaluator))
  it('never gains access by an added Deny', () => assertDenyNeverAdds(evaluator))
  it('applies NotAction exactly where Action does not', () => assertNotActionComplements(evaluator))
  it('agrees with the naive per-statement decision', () => assertAgreesWithNaiveDecision(evaluator))
})

describe('compiled and direct evaluation', () => {
  it('agree on decision and deciding statements, explained or not (oracle: direct)', () => {
    fc.assert(
      fc.property(
        arbIdentityPolicies,
        fc.array(arbRequest, { minLength: 1, maxLength: 4 }),
        (policies, requests) => {
          const compiled = compilePolicies({ identityPolicies: policies })
          for (const request of requests) {
            const direct = evaluate(request, { identityPolicies: policies })
            for (const explain of [true, false]) {
              const fast = compiled.evaluate(request, { explain })
              expect(fast.decision).toBe(direct.decision)
              expect(fast.decision && fast.explanation.deciding).toEqual(
                direct.decision && direct.explanation.deciding,
              )
            }
            expect(compiled.evaluate(request)).toEqual(direct)
          }
        },
      ),
    )
  })

  it('give the same explanation of policies read from text, ranges included (oracle: direct)', () => {
    fc.assert(
      fc.property(arbIdentityPolicies, arbRequest, (policies, request) => {
        const texts = policies.map((policy) => printPolicy(policy))
        const direct = evaluate(request, { identityPolicies: texts })
        expect(compilePolicies({ identityPolicies: texts }).evaluate(request)).toEqual(direct)
      }),
    )
  })
})
