import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbPolicySetWithEveryLayer, arbRequestWithContext } from '../testing/index.ts'
import { compilePolicies } from './compile.ts'
import { evaluate } from './evaluate.ts'
import type { EvaluationResult } from './result.ts'

/** The result with every statement trace dropped: what an unexplained evaluation keeps. */
function withoutTraces(result: EvaluationResult): EvaluationResult {
  if (result.decision === undefined) return result
  const { explanation } = result
  return {
    ...result,
    explanation: {
      ...explanation,
      resources: explanation.resources.map((resource) => ({ ...resource, statements: [] })),
    },
  }
}

describe('policy sets with every layer, principal, condition and variable', () => {
  it('the compiled set explains as the direct reading does (oracle: direct)', () => {
    fc.assert(
      fc.property(arbPolicySetWithEveryLayer, arbRequestWithContext, (set, request) => {
        expect(compilePolicies(set).evaluate(request)).toEqual(evaluate(request, set))
      }),
    )
  })

  it('explain: false gives the explained result without statement traces (oracle: explained)', () => {
    fc.assert(
      fc.property(
        arbPolicySetWithEveryLayer,
        fc.array(arbRequestWithContext, { minLength: 1, maxLength: 4 }),
        (set, requests) => {
          const compiled = compilePolicies(set)
          for (const request of requests) {
            const explained = compiled.evaluate(request, { explain: true })
            expect(compiled.evaluate(request, { explain: false })).toEqual(withoutTraces(explained))
          }
        },
      ),
    )
  })

  it('some sets are decided every way, so the laws above are not vacuous', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(arbPolicySetWithEveryLayer, arbRequestWithContext, (set, request) => {
        const result = evaluate(request, set)
        seen.add(result.decision ?? 'errors')
      }),
      { numRuns: 2000 },
    )
    expect([...seen].sort()).toEqual(['Allow', 'ExplicitDeny', 'ImplicitDeny'])
  })
})
