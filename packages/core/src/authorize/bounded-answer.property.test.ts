import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
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

const unbounded: BudgetOptions = {
  maxDeciding: Number.POSITIVE_INFINITY,
  maxTraces: Number.POSITIVE_INFINITY,
  maxFindings: Number.POSITIVE_INFINITY,
}

const arbCaps = fc.record({
  maxDeciding: fc.nat(3),
  maxTraces: fc.nat(3),
  maxFindings: fc.nat(2),
})

/** A list as a cap leaves it: the first `cap` entries, and the count of the others. */
function expectCut<T>(
  shown: readonly T[],
  omitted: number | undefined,
  all: readonly T[],
  cap: number,
) {
  expect(shown).toEqual(all.slice(0, cap))
  expect(omitted).toBe(all.length > cap ? all.length - cap : undefined)
}

/** The capped result against the uncapped one: same decisions, lists cut and counted. */
function expectBoundedAlike(
  bounded: EvaluationResult,
  full: EvaluationResult,
  caps: BudgetOptions,
) {
  if (full.errors !== undefined || bounded.errors !== undefined) {
    expect(bounded).toEqual(full)
    return
  }
  const { maxDeciding = 0, maxTraces = 0, maxFindings = 0 } = caps
  expect(bounded.decision).toBe(full.decision)
  expectCut(bounded.findings, bounded.omittedFindings, full.findings, maxFindings)
  expectCut(
    bounded.explanation.deciding,
    bounded.explanation.omittedDeciding,
    full.explanation.deciding,
    maxDeciding,
  )
  expect(bounded.explanation.resources).toHaveLength(full.explanation.resources.length)
  full.explanation.resources.forEach((entry, index) => {
    const cut = bounded.explanation.resources[index]
    if (cut === undefined) throw new Error('a resource is missing')
    const { deciding, omittedDeciding, statements, omittedStatements } = cut
    expect(cut.resource).toBe(entry.resource)
    expect(cut.decision).toBe(entry.decision)
    expect(cut.reason).toBe(entry.reason)
    expect(cut.layers).toEqual(entry.layers)
    expect(cut.blockedBy).toBe(entry.blockedBy)
    expectCut(deciding, omittedDeciding, entry.deciding, maxDeciding)
    // traces: the ones of statements that apply first, the whole in the order of the set
    const kept = Math.min(entry.statements.length, maxTraces)
    expect(statements).toHaveLength(kept)
    expect(omittedStatements).toBe(
      entry.statements.length > kept ? entry.statements.length - kept : undefined,
    )
    let from = 0
    for (const trace of statements) {
      const shown = JSON.stringify(trace)
      from =
        entry.statements.findIndex((one, at) => at >= from && JSON.stringify(one) === shown) + 1
      expect(from).toBeGreaterThan(0)
    }
    const applying = entry.statements.filter((trace) => trace.applies).length
    expect(statements.filter((trace) => trace.applies)).toHaveLength(Math.min(applying, kept))
  })
}

type Evaluator = (
  request: AuthorizationRequest,
  set: PolicySet,
  budget: BudgetOptions,
) => EvaluationResult

const evaluators: Record<string, Evaluator> = {
  evaluate: (request, set, budget) => evaluate(request, set, { budget }),
  'compilePolicies, explained': (request, set, budget) =>
    compilePolicies(set, { budget }).evaluate(request),
  'compilePolicies, unexplained': (request, set, budget) =>
    compilePolicies(set, { budget }).evaluate(request, { explain: false }),
}

describe.each(Object.entries(evaluators))('%s with lists capped', (_, evaluator) => {
  it('decides as with caps raised to infinity, every layer (oracle: uncapped)', () => {
    fc.assert(
      fc.property(
        arbPolicySetWithEveryLayer,
        arbRequestWithContext,
        arbCaps,
        (set, request, caps) => {
          expectBoundedAlike(
            evaluator(request, set, caps),
            evaluator(request, set, unbounded),
            caps,
          )
        },
      ),
      // sets of every layer are large: fewer runs keep the test within its timeout on a busy machine
      { numRuns: 40 },
    )
  })

  it('decides as with caps raised to infinity, identity policies (oracle: uncapped)', () => {
    fc.assert(
      fc.property(arbIdentityPolicies, arbRequest, arbCaps, (policies, request, caps) => {
        const set = { identityPolicies: policies }
        expectBoundedAlike(evaluator(request, set, caps), evaluator(request, set, unbounded), caps)
      }),
    )
  })
})
