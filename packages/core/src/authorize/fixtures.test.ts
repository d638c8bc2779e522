import { describe, expect, it } from 'vitest'
import { compilePolicies } from './compile.ts'
import { evaluate } from './evaluate.ts'
import { type ScenarioFile, scenarioFileSchema } from './fixture-schema.ts'
import conditions from './fixtures/conditions.json'
import context from './fixtures/context.json'
import variables from './fixtures/variables.json'
import type { AuthorizationRequest } from './request.ts'
import type { EvaluationResult } from './result.ts'

const files: Record<string, unknown> = { conditions, context, variables }

describe('scenario files', () => {
  it('reject unknown fields', () => {
    const file = scenarioFileSchema.parse(conditions)
    const scenario = { ...file.scenarios[0], expect: 'Allow' }
    expect(scenarioFileSchema.safeParse({ ...file, scenarios: [scenario] }).success).toBe(false)
  })
})

describe.each(Object.entries(files))('%s.json', (_, data) => {
  const file: ScenarioFile = scenarioFileSchema.parse(data)
  describe.each(file.scenarios)('$name', (scenario) => {
    const identityPolicies = scenario.identityPolicies.map((policy) => JSON.stringify(policy))
    const request = scenario.request as AuthorizationRequest
    const results: Record<string, EvaluationResult> = {
      evaluate: evaluate(request, { identityPolicies }),
      compiled: compilePolicies({ identityPolicies }).evaluate(request),
      'compiled, unexplained': compilePolicies({ identityPolicies }).evaluate(request, {
        explain: false,
      }),
    }
    it.each(Object.entries(results))('%s', (__, result) => {
      const { expected } = scenario
      if ('decision' in expected) {
        expect(result.errors).toBeUndefined()
        expect(result.decision).toBe(expected.decision)
        if (expected.deciding !== undefined && result.decision !== undefined) {
          expect(
            result.explanation.deciding.map((ref) => [ref.policyIndex, ref.statementIndex]),
          ).toEqual(expected.deciding)
        }
      } else if ('errors' in expected) {
        expect(result.decision).toBeUndefined()
        expect(
          result.errors?.flatMap((error) => error.diagnostics.map((diagnostic) => diagnostic.code)),
        ).toEqual(expected.errors)
      } else {
        expect(result.decision).toBeUndefined()
        expect(result.errors?.[0]?.message).toContain(expected.requestError)
      }
    })
  })
})
