import { type AuditReport, auditPolicySet } from '@connect-policy/audit'
import {
  type AuthorizationRequest,
  type Catalog,
  type DescriptionResult,
  describePolicy,
  type EvaluationResult,
  evaluate,
  type Finding,
  type PolicySet,
  parsePolicy,
  validatePolicy,
} from '@connect-policy/core'
import type { PlaygroundState } from './state.ts'

/** What the playground shows for a state. */
export interface PlaygroundRun {
  readonly findings: readonly Finding[]
  readonly request: AuthorizationRequest
  readonly result: EvaluationResult
  /** The policy in plain language, when it could be read. */
  readonly description?: DescriptionResult
  /** The Amazon Connect audit of the policy, with the service reference, up to `auditedPolicy` characters. */
  readonly audit?: AuditReport
}

/**
 * Characters past which the playground does not audit a policy as it is typed: more than any
 * policy AWS accepts (an inline policy of a role holds 10,240), so that typing never waits on it.
 */
export const auditedPolicy = 10_240

/** The name the playground's policy goes by in explanations. */
export const policyName = 'your policy'

/**
 * The request of a state: empty rows left out, and a context value split at commas where the
 * service reference says the key holds several values (`aws:TagKeys`, `ArrayOfString` keys).
 */
export function requestOf(state: PlaygroundState, catalog?: Catalog): AuthorizationRequest {
  const resources = state.resources.map((resource) => resource.trim()).filter((r) => r !== '')
  const context: Record<string, string | string[]> = {}
  for (const row of state.context) {
    const key = row.key.trim()
    if (key === '') continue
    const multiValued = catalog?.conditionKey(key)?.multivalued === true
    context[key] = multiValued
      ? row.value
          .split(',')
          .map((value) => value.trim())
          .filter((value) => value !== '')
      : row.value
  }
  const principal = state.principal.trim()
  return {
    action: state.action.trim(),
    resource: resources,
    ...(principal === '' ? {} : { principal }),
    ...(Object.keys(context).length === 0 ? {} : { context }),
  }
}

/**
 * Validates the state's policy, decides its request and describes the policy, with the core and
 * the service reference when there is one.
 */
export function runPlayground(state: PlaygroundState, catalog?: Catalog): PlaygroundRun {
  const findings = validatePolicy(state.policy, {
    ...(catalog === undefined ? {} : { catalog }),
    policyType: state.policyType,
  })
  const request = requestOf(state, catalog)
  const named = { name: policyName, policy: state.policy }
  const policies: PolicySet =
    state.policyType === 'resource' ? { resourcePolicy: named } : { identityPolicies: [named] }
  // With the service reference, the request is decided for its action as AWS lists it, and the
  // result says what AWS would not be asked as given (an unknown action, a resource left out).
  const result = evaluate(request, policies, catalog === undefined ? {} : { catalog })
  const { policy } = parsePolicy(state.policy)
  const description =
    policy === undefined
      ? undefined
      : describePolicy(policy, catalog === undefined ? {} : { catalog })
  const audit =
    catalog === undefined || policy === undefined || state.policy.length > auditedPolicy
      ? undefined
      : auditPolicySet(policies, { catalog })
  return {
    findings,
    request,
    result,
    ...(description === undefined ? {} : { description }),
    ...(audit === undefined ? {} : { audit }),
  }
}

/** The policy text with a finding's fix applied. */
export function applyFix(text: string, finding: Finding): string {
  if (finding.fix === undefined) return text
  const { range, newText } = finding.fix
  return text.slice(0, range.start.offset) + newText + text.slice(range.end.offset)
}
