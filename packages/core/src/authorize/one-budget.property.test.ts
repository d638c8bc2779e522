import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalogFixture } from '../catalog/create-catalog.test-data.ts'
import { createCatalog } from '../catalog/index.ts'
import type { BudgetOptions } from '../model/index.ts'
import {
  arbIdentityPolicies,
  arbPolicySetWithEveryLayer,
  arbRequest,
  arbRequestWithContext,
} from '../testing/index.ts'
import { compilePolicies } from './compile.ts'
import { evaluate } from './evaluate.ts'
import type { PolicySet } from './policy-set.ts'
import type { AuthorizationRequest } from './request.ts'
import type { EvaluationResult } from './result.ts'

const catalog = createCatalog(catalogFixture)

/** Budgets small enough that about a third of the evaluations are refused, caps included. */
const arbSmallBudget: fc.Arbitrary<BudgetOptions> = fc.record(
  {
    // each resource costs 300 steps, 800 with the service reference: small budgets refuse all
    maxSteps: fc.oneof(fc.nat(60), fc.integer({ min: 250, max: 12_000 })),
    maxAnswerBytes: fc.nat(40_000),
    maxDeciding: fc.nat(3),
    maxTraces: fc.nat(3),
    maxFindings: fc.nat(2),
    maxPlanBytes: fc.nat(3000),
  },
  { requiredKeys: [] },
)

/**
 * Requests of every kind the two paths read differently: plain ones (the compiled set's fast
 * path once the action is known), a context of many values (the checked path), an unknown field
 * and an action of no service reference, no resource, and anything at all.
 */
const arbAnyRequest: fc.Arbitrary<AuthorizationRequest> = fc.oneof(
  arbRequestWithContext,
  arbRequest,
  arbRequestWithContext.map((request) => ({
    ...request,
    context: {
      ...request.context,
      'aws:TagKeys': Array.from({ length: 30 }, (_, index) => `key-${index}`),
    },
  })),
  arbRequestWithContext.map((request) => ({ ...request, action: 'connect:Unheard', extra: 1 })),
  arbRequestWithContext.map((request) => ({ ...request, resource: [] })),
  fc.anything() as fc.Arbitrary<AuthorizationRequest>,
)

/** What an unexplained evaluation answers when it decides: the explained one without traces. */
function withoutTraces(result: EvaluationResult): EvaluationResult {
  if (result.errors !== undefined) return result
  return {
    ...result,
    explanation: {
      ...result.explanation,
      resources: result.explanation.resources.map(({ omittedStatements: _, ...entry }) => ({
        ...entry,
        statements: [],
      })),
    },
  }
}

const raised: BudgetOptions = {
  maxSteps: Number.POSITIVE_INFINITY,
  maxAnswerBytes: Number.POSITIVE_INFINITY,
}

/**
 * The law of one budget, against the direct `evaluate` (which always explains):
 * - a compiled set's explained evaluation answers exactly as `evaluate` does, the same decision
 *   or the same refusal, on its first call and on later ones (plans kept, or dropped by a small
 *   `maxPlanBytes`);
 * - its unexplained evaluation decides what `evaluate` decides whenever `evaluate` decides; where
 *   `evaluate` refuses over budget, it refuses too or decides what `evaluate` decides with the
 *   refusing limits raised (its estimate reads only the statements whose Action admits the
 *   action, and no trace); it never refuses what `evaluate` decides;
 * - any other error is the same on both paths;
 * - the answer depends on the set, the request, the budget and `explain` only: a fresh compiled
 *   set and one that has met the action answer alike.
 */
function expectOneBudget(
  set: PolicySet,
  request: AuthorizationRequest,
  options: { budget: BudgetOptions; catalog?: typeof catalog },
) {
  const direct = evaluate(request, set, options)
  const compiled = compilePolicies(set, options)
  expect(compiled.evaluate(request)).toEqual(direct)
  const unexplained = compiled.evaluate(request, { explain: false })
  expect(compiled.evaluate(request, { explain: false })).toEqual(unexplained)
  expect(compiled.evaluate(request)).toEqual(direct)
  expect(compilePolicies(set, options).evaluate(request, { explain: false })).toEqual(unexplained)
  const refused = direct.errors?.[0]?.source === 'budget'
  if (!refused) {
    expect(unexplained).toEqual(withoutTraces(direct))
    return
  }
  if (unexplained.errors?.[0]?.source === 'budget') {
    const [own, oracle] = [unexplained.errors[0].overBudget, direct.errors?.[0]?.overBudget]
    // a refusal of the unexplained reading is one of the explained reading too, estimated no higher
    if (own?.limit === oracle?.limit)
      expect(own?.estimated).toBeLessThanOrEqual(oracle?.estimated ?? 0)
    return
  }
  const budget = { ...options.budget, ...raised }
  expect(unexplained).toEqual(withoutTraces(evaluate(request, set, { ...options, budget })))
}

describe('one budget for explained and unexplained evaluations (oracle: `evaluate`)', () => {
  it('every layer, with and without the service reference, any request', () => {
    fc.assert(
      fc.property(
        arbPolicySetWithEveryLayer,
        arbAnyRequest,
        arbSmallBudget,
        fc.boolean(),
        (set, request, budget, withCatalog) => {
          expectOneBudget(set, request, withCatalog ? { budget, catalog } : { budget })
        },
      ),
      // sets of every layer are large: fewer runs keep the test within its timeout on a busy machine
      { numRuns: 150 },
    )
  })

  it('identity policies', () => {
    fc.assert(
      fc.property(
        arbIdentityPolicies,
        arbAnyRequest,
        arbSmallBudget,
        (policies, request, budget) => {
          expectOneBudget({ identityPolicies: policies }, request, { budget })
        },
      ),
    )
  })
})

describe('a compiled set’s estimate (oracle: the refusals of its `evaluate`)', () => {
  it('is never below what `evaluate` checks, and refuses nothing it leaves within the budget', () => {
    fc.assert(
      fc.property(
        arbIdentityPolicies,
        arbAnyRequest,
        fc.oneof(fc.nat(60), fc.integer({ min: 250, max: 6000 })),
        fc.boolean(),
        (policies, request, maxSteps, explain) => {
          const compiled = compilePolicies({ identityPolicies: policies }, { budget: { maxSteps } })
          const estimate = compiled.estimate(request, { explain })
          const result = compiled.evaluate(request, { explain })
          if (estimate.errors !== undefined) {
            expect(result.errors).toEqual(estimate.errors)
            return
          }
          const over = result.errors?.[0]?.overBudget
          if (over?.limit === 'maxSteps') {
            expect(estimate.steps).toBeGreaterThanOrEqual(over.estimated)
            expect(estimate.steps).toBeGreaterThan(maxSteps)
          }
          if (estimate.steps <= maxSteps) expect(over?.limit).not.toBe('maxSteps')
        },
      ),
    )
  })
})
