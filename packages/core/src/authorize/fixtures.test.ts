import { describe, expect, it } from 'vitest'
import { catalogFixture } from '../catalog/create-catalog.test-data.ts'
import { createCatalog } from '../catalog/index.ts'
import { compilePolicies } from './compile.ts'
import { evaluate } from './evaluate.ts'
import { type Scenario, type ScenarioFile, scenarioFileSchema } from './fixture-schema.ts'
import conditions from './fixtures/conditions.json'
import context from './fixtures/context.json'
import policyTypes from './fixtures/policy-types.json'
import requestFindings from './fixtures/request-findings.json'
import unreadableValues from './fixtures/unreadable-values.json'
import variables from './fixtures/variables.json'
import wideReadings from './fixtures/wide-readings.json'
import type { PolicySet } from './policy-set.ts'
import type { AuthorizationRequest } from './request.ts'
import type { EvaluationResult } from './result.ts'

const text = (policy: unknown) => JSON.stringify(policy)
const fixtureCatalog = createCatalog(catalogFixture)

/** The scenario's policies as texts, as a caller would pass them. */
function toPolicySet(scenario: Scenario): PolicySet {
  const { identityPolicies, resourcePolicy, permissionsBoundary, sessionPolicy } = scenario
  const levels = (lists: readonly (readonly unknown[])[] | undefined) =>
    lists?.map((level) => level.map(text))
  const serviceControlPolicies = levels(scenario.serviceControlPolicies)
  const resourceControlPolicies = levels(scenario.resourceControlPolicies)
  return {
    ...(identityPolicies === undefined ? {} : { identityPolicies: identityPolicies.map(text) }),
    ...(resourcePolicy === undefined ? {} : { resourcePolicy: text(resourcePolicy) }),
    ...(permissionsBoundary === undefined
      ? {}
      : { permissionsBoundary: text(permissionsBoundary) }),
    ...(sessionPolicy === undefined ? {} : { sessionPolicy: text(sessionPolicy) }),
    ...(serviceControlPolicies === undefined ? {} : { serviceControlPolicies }),
    ...(resourceControlPolicies === undefined ? {} : { resourceControlPolicies }),
  }
}

const files: Record<string, unknown> = {
  conditions,
  context,
  'policy-types': policyTypes,
  'request-findings': requestFindings,
  'unreadable-values': unreadableValues,
  variables,
  'wide-readings': wideReadings,
}

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
    const set = toPolicySet(scenario)
    const request = scenario.request as AuthorizationRequest
    const options = scenario.serviceReference === 'fixture' ? { catalog: fixtureCatalog } : {}
    const results: Record<string, EvaluationResult> = {
      evaluate: evaluate(request, set, options),
      compiled: compilePolicies(set, options).evaluate(request),
      'compiled, unexplained': compilePolicies(set, options).evaluate(request, { explain: false }),
    }
    it.each(Object.entries(results))('%s', (__, result) => {
      const { expected } = scenario
      if ('decision' in expected) {
        expect(result.errors).toBeUndefined()
        expect(result.decision).toBe(expected.decision)
        if (expected.blockedBy !== undefined && result.decision !== undefined) {
          expect(result.explanation.resources.map((entry) => entry.blockedBy)).toContain(
            expected.blockedBy,
          )
        }
        if (result.decision !== undefined) {
          expect(result.findings.map((finding) => finding.code)).toEqual(expected.findings ?? [])
        }
        if (result.decision !== undefined) {
          expect(
            result.explanation.deciding.map((ref) => ({
              type: ref.policyType,
              ...(ref.level === undefined ? {} : { level: ref.level }),
              policy: ref.policyIndex,
              statement: ref.statementIndex,
            })),
          ).toEqual(expected.deciding ?? [])
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
