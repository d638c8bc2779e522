import { describe, expect, it } from 'vitest'
import { applyingOf } from '../authorize/applying-statement.ts'
import { compilePolicies } from '../authorize/compile.ts'
import { evaluate } from '../authorize/evaluate.ts'
import {
  type Scenario,
  type ScenarioFile,
  scenarioFileSchema,
} from '../authorize/fixture-schema.ts'
import type { PolicySet } from '../authorize/policy-set.ts'
import type { AuthorizationRequest } from '../authorize/request.ts'
import { directResourceAllows } from '../authorize/resource-policy-grant.ts'
import type { Decision, EvaluationResult, ResourceDecision } from '../authorize/result.ts'
import { catalogFixture } from '../catalog/create-catalog.test-data.ts'
import { createCatalog } from '../catalog/index.ts'

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

/**
 * A rule that decides: one of `decisionRules` (by its name) for a request of one resource,
 * `decideRequest` for a request of several.
 */
export type DecidingRule =
  | 'explicitDeny'
  | 'controlLevelDeny'
  | 'resourcePolicyGrant'
  | 'requiredLayers'
  | 'decideRequest'

/**
 * The rule of one resource's decision, read from its shape, since a decision does not name its
 * rule: only `explicitDeny` denies explicitly; only `controlLevelDeny` is blocked by a control
 * level, `requiredLayers` by every other layer; an Allow is `resourcePolicyGrant`'s when a
 * resource-policy grant naming the caller directly decides without an identity-based policy
 * (`requiredLayers` allows by an identity-based policy, or by a grant to the caller's role).
 */
function resourceRule(entry: ResourceDecision): DecidingRule {
  if (entry.decision === 'ExplicitDeny') return 'explicitDeny'
  const { blockedBy, deciding } = entry
  if (entry.decision === 'ImplicitDeny') {
    const control = blockedBy === 'serviceControl' || blockedBy === 'resourceControl'
    return control ? 'controlLevelDeny' : 'requiredLayers'
  }
  if (deciding.some((ref) => ref.policyType === 'identity')) return 'requiredLayers'
  const direct = directResourceAllows(applyingOf(entry.statements))
  const grants = direct.some(({ ref }) =>
    deciding.some(
      (one) => one.policyType === 'resource' && one.statementIndex === ref.statementIndex,
    ),
  )
  return grants ? 'resourcePolicyGrant' : 'requiredLayers'
}

/** The rule that decided an explained decision: `decideRequest` when it has several resources. */
export function decidingRule(decision: Decision): DecidingRule {
  const { resources } = decision.explanation
  const [only] = resources
  return resources.length === 1 && only !== undefined ? resourceRule(only) : 'decideRequest'
}

/** What a scenario file is checked for beyond each scenario's expectations. */
export interface ScenarioFileChecks {
  /** The rule that decides every scenario of the file, in the explained evaluation. */
  readonly decidedBy?: DecidingRule
}

/**
 * Runs a scenario file (`authorize/fixture-schema.ts`) through `evaluate`,
 * `compilePolicies(...).evaluate` and the unexplained path, each checked against the scenario's
 * expectation: its decision, `blockedBy`, findings and deciding statements, or its errors. With
 * `decidedBy`, each scenario is also checked to be decided by that rule (`decidingRule`).
 */
export function runScenarioFile(name: string, data: unknown, checks: ScenarioFileChecks = {}) {
  const file: ScenarioFile = scenarioFileSchema.parse(data)
  describe(name, () => {
    describe.each(file.scenarios)('$name', (scenario) => {
      const set = toPolicySet(scenario)
      const request = scenario.request as AuthorizationRequest
      const options = scenario.serviceReference === 'fixture' ? { catalog: fixtureCatalog } : {}
      const explained = evaluate(request, set, options)
      const results: Record<string, EvaluationResult> = {
        evaluate: explained,
        compiled: compilePolicies(set, options).evaluate(request),
        'compiled, unexplained': compilePolicies(set, options).evaluate(request, {
          explain: false,
        }),
      }
      it.each(Object.entries(results))('%s', (__, result) => {
        expectScenario(scenario, result)
      })
      const { decidedBy } = checks
      if (decidedBy !== undefined) {
        it(`is decided by ${decidedBy}`, () => {
          expect(explained.errors).toBeUndefined()
          if (explained.decision !== undefined) expect(decidingRule(explained)).toBe(decidedBy)
        })
      }
    })
  })
}

/** The result meets the scenario's expectation. */
function expectScenario(scenario: Scenario, result: EvaluationResult): void {
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
}
