import fc from 'fast-check'
import type { AuthorizationRequest, DecisionValue, EvaluationResult } from '../authorize/index.ts'
import type { PolicyDocument } from '../model/index.ts'
import { policyOf } from './build.ts'
import { naiveResourceMatch, naiveWildcardMatch } from './naive-match.ts'
import { arbIdentityPolicies, arbRequest, arbStatementSpec } from './policy-arbitraries.ts'

/** Anything that decides a request against identity policies: the laws hold for each. */
export type IdentityEvaluator = (
  request: AuthorizationRequest,
  identityPolicies: readonly PolicyDocument[],
) => EvaluationResult

function decisionOf(result: EvaluationResult): DecisionValue {
  if (result.decision === undefined) {
    throw new Error(`unexpected evaluation errors: ${JSON.stringify(result.errors)}`)
  }
  return result.decision
}

function resourcesOf(request: AuthorizationRequest): readonly string[] {
  return typeof request.resource === 'string' ? [request.resource] : request.resource
}

/** Oracle: abstract. A Deny naming the action and one of the resources decides, whatever else. */
export function assertDenyWins(evaluate: IdentityEvaluator): void {
  fc.assert(
    fc.property(arbIdentityPolicies, arbRequest, fc.nat(), (policies, request, pick) => {
      const resources = resourcesOf(request)
      const target = resources[pick % resources.length] as string
      const deny = policyOf([{ effect: 'Deny', action: [request.action], resource: [target] }])
      return decisionOf(evaluate(request, [...policies, deny])) === 'ExplicitDeny'
    }),
  )
}

function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: keys[index] ?? index }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item)
}

/** Oracle: abstract. Reordering statements and policies changes nothing. */
export function assertOrderIrrelevant(evaluate: IdentityEvaluator): void {
  fc.assert(
    fc.property(
      arbIdentityPolicies,
      arbRequest,
      fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      (policies, request, keys) => {
        const reordered = shuffled(policies, keys).map((policy) => ({
          ...policy,
          statements: shuffled(policy.statements, [...keys].reverse()),
        }))
        return decisionOf(evaluate(request, policies)) === decisionOf(evaluate(request, reordered))
      },
    ),
  )
}

/** Oracle: abstract. An extra Allow never removes access and never adds a Deny. */
export function assertAllowIsMonotone(evaluate: IdentityEvaluator): void {
  fc.assert(
    fc.property(arbIdentityPolicies, arbRequest, arbStatementSpec, (policies, request, spec) => {
      const before = decisionOf(evaluate(request, policies))
      const after = decisionOf(
        evaluate(request, [...policies, policyOf([{ ...spec, effect: 'Allow' }])]),
      )
      if (before === 'Allow') return after === 'Allow'
      if (before === 'ExplicitDeny') return after === 'ExplicitDeny'
      return after !== 'ExplicitDeny'
    }),
  )
}

/** Oracle: abstract. An extra Deny never adds access. */
export function assertDenyNeverAdds(evaluate: IdentityEvaluator): void {
  fc.assert(
    fc.property(arbIdentityPolicies, arbRequest, arbStatementSpec, (policies, request, spec) => {
      const before = decisionOf(evaluate(request, policies))
      const after = decisionOf(
        evaluate(request, [...policies, policyOf([{ ...spec, effect: 'Deny' }])]),
      )
      if (before === 'ExplicitDeny') return after === 'ExplicitDeny'
      if (before === 'ImplicitDeny') return after !== 'Allow'
      return true
    }),
  )
}

/** Oracle: abstract. `NotAction: X` applies to exactly the actions `Action: X` does not. */
export function assertNotActionComplements(evaluate: IdentityEvaluator): void {
  fc.assert(
    fc.property(arbStatementSpec, arbRequest, (spec, request) => {
      const patterns = spec.action ?? spec.notAction ?? []
      const resource = ['*']
      const allowedBy = (statement: Parameters<typeof policyOf>[0][number]) =>
        decisionOf(evaluate(request, [policyOf([statement])])) === 'Allow'
      const byAction = allowedBy({ effect: 'Allow', action: patterns, resource })
      const byNotAction = allowedBy({ effect: 'Allow', notAction: patterns, resource })
      return byAction !== byNotAction
    }),
  )
}

/**
 * Oracle: naive. The decision follows from the statements that apply, each judged with the naive
 * matchers: a Deny on any resource denies, else every resource needs an Allow.
 */
export function assertAgreesWithNaiveDecision(evaluate: IdentityEvaluator): void {
  fc.assert(
    fc.property(arbIdentityPolicies, arbRequest, (policies, request) => {
      const action = request.action.toLowerCase()
      const statements = policies.flatMap((policy) => policy.statements)
      const applies = (resource: string) =>
        statements.filter((statement) => {
          const actions = statement.action?.values.map((value) => value.value) ?? []
          const resources = statement.resource?.values.map((value) => value.value) ?? []
          const actionHit = actions.some((pattern) =>
            naiveWildcardMatch(pattern.toLowerCase(), action),
          )
          const resourceHit = resources.some((pattern) => naiveResourceMatch(pattern, resource))
          return (
            actionHit !== (statement.action?.element === 'NotAction') &&
            resourceHit !== (statement.resource?.element === 'NotResource')
          )
        })
      const perResource = resourcesOf(request).map((resource) => {
        const effects = applies(resource).map((statement) => statement.effect?.value)
        return effects.includes('Deny')
          ? 'ExplicitDeny'
          : effects.includes('Allow')
            ? 'Allow'
            : 'ImplicitDeny'
      })
      const expected = perResource.includes('ExplicitDeny')
        ? 'ExplicitDeny'
        : perResource.every((decision) => decision === 'Allow')
          ? 'Allow'
          : 'ImplicitDeny'
      return decisionOf(evaluate(request, policies)) === expected
    }),
  )
}
