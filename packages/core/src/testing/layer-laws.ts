import fc from 'fast-check'
import type { AuthorizationRequest, EvaluationResult, PolicySet } from '../authorize/index.ts'
import type { PolicyDocument } from '../model/index.ts'
import { noRange } from '../model/index.ts'
import { policyOf } from './build.ts'
import { arbIdentityPolicies, arbPolicyDocument, arbRequest } from './policy-arbitraries.ts'

/** Anything that decides a request against a whole policy set. */
export type PolicySetEvaluator = (
  request: AuthorizationRequest,
  policies: PolicySet,
) => EvaluationResult

const caller = 'arn:aws:iam::123456789012:user/maria'

/** Identity policies, up to three SCP levels, and maybe a boundary and a session policy. */
const arbPolicySet: fc.Arbitrary<PolicySet> = fc
  .record({
    identityPolicies: arbIdentityPolicies,
    serviceControlPolicies: fc.array(fc.array(arbPolicyDocument, { minLength: 1, maxLength: 2 }), {
      maxLength: 3,
    }),
    permissionsBoundary: fc.option(arbPolicyDocument, { nil: undefined }),
    sessionPolicy: fc.option(arbPolicyDocument, { nil: undefined }),
  })
  .map(({ permissionsBoundary, sessionPolicy, ...rest }) => ({
    ...rest,
    ...(permissionsBoundary === undefined ? {} : { permissionsBoundary }),
    ...(sessionPolicy === undefined ? {} : { sessionPolicy }),
  }))

const arbCalledRequest = arbRequest.map((request) => ({ ...request, principal: caller }))

function decisionOf(result: EvaluationResult): string {
  if (result.decision === undefined)
    throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`)
  return result.decision
}

const allowEverything = policyOf([{ effect: 'Allow', action: ['*'], resource: ['*'] }])

/** Oracle: abstract. The order of the organization's SCP levels does not matter. */
export function assertControlLevelsCommute(evaluate: PolicySetEvaluator): void {
  fc.assert(
    fc.property(arbPolicySet, arbCalledRequest, (set, request) => {
      const reversed = {
        ...set,
        serviceControlPolicies: [...(set.serviceControlPolicies ?? [])].reverse(),
      }
      return decisionOf(evaluate(request, set)) === decisionOf(evaluate(request, reversed))
    }),
  )
}

/** Oracle: abstract. A layer that allows everything (an SCP level, a boundary, a session policy) changes nothing. */
export function assertAllowAllLayerChangesNothing(evaluate: PolicySetEvaluator): void {
  fc.assert(
    fc.property(
      arbPolicySet,
      arbCalledRequest,
      fc.constantFrom('scp', 'boundary', 'session'),
      (set, request, layer) => {
        const before = decisionOf(evaluate(request, set))
        const widened: PolicySet =
          layer === 'scp'
            ? {
                ...set,
                serviceControlPolicies: [...(set.serviceControlPolicies ?? []), [allowEverything]],
              }
            : layer === 'boundary' && set.permissionsBoundary === undefined
              ? { ...set, permissionsBoundary: allowEverything }
              : layer === 'session' && set.sessionPolicy === undefined
                ? { ...set, sessionPolicy: allowEverything }
                : set
        return decisionOf(evaluate(request, widened)) === before
      },
    ),
  )
}

function withPrincipalAnyone(policy: PolicyDocument): PolicyDocument {
  return {
    ...policy,
    statements: policy.statements.map((statement) => ({
      ...statement,
      principal: { element: 'Principal', anyone: true, entries: [], range: noRange },
    })),
  }
}

/** Oracle: abstract. A matching explicit Deny in any layer decides. */
export function assertDenyInAnyLayerWins(evaluate: PolicySetEvaluator): void {
  const layers = ['identity', 'boundary', 'session', 'scp', 'resource', 'rcp'] as const
  fc.assert(
    fc.property(
      arbPolicySet,
      arbCalledRequest,
      fc.constantFrom(...layers),
      fc.nat(),
      (set, request, layer, pick) => {
        const resources =
          typeof request.resource === 'string' ? [request.resource] : request.resource
        const target = resources[pick % resources.length] as string
        const deny = policyOf([{ effect: 'Deny', action: [request.action], resource: [target] }])
        const withDeny: PolicySet =
          layer === 'identity'
            ? { ...set, identityPolicies: [...(set.identityPolicies ?? []), deny] }
            : layer === 'boundary'
              ? {
                  ...set,
                  permissionsBoundary: policyOf([
                    ...((set.permissionsBoundary as PolicyDocument | undefined)?.statements ?? []),
                    ...deny.statements,
                  ]),
                }
              : layer === 'session'
                ? {
                    ...set,
                    sessionPolicy: policyOf([
                      ...((set.sessionPolicy as PolicyDocument | undefined)?.statements ?? []),
                      ...deny.statements,
                    ]),
                  }
                : layer === 'scp'
                  ? {
                      ...set,
                      serviceControlPolicies: [
                        [deny, allowEverything],
                        ...(set.serviceControlPolicies ?? []),
                      ],
                    }
                  : layer === 'resource'
                    ? { ...set, resourcePolicy: withPrincipalAnyone(deny) }
                    : { ...set, resourceControlPolicies: [[withPrincipalAnyone(deny)]] }
        return decisionOf(evaluate(request, withDeny)) === 'ExplicitDeny'
      },
    ),
  )
}
