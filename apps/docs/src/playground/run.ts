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
  policyTypeWords,
  validatePolicy,
} from '@connect-policy/core'
import { leveledPolicyTypes, type PlaygroundPolicy, type PlaygroundState } from './state.ts'

/** What the playground shows for a state. */
export interface PlaygroundRun {
  /** The validator's findings, policy by policy in the order of the state. */
  readonly findings: readonly (readonly Finding[])[]
  readonly request: AuthorizationRequest
  readonly result: EvaluationResult
  /** The policy in the editor in plain language, when it could be read. */
  readonly description?: DescriptionResult
  /** The Amazon Connect audit of the set, with the service reference, up to `auditedPolicy` characters. */
  readonly audit?: AuditReport
}

/**
 * Characters of policy past which the playground does not audit the set as it is typed: more than
 * any policy AWS accepts (an inline policy of a role holds 10,240), so that an audit never holds
 * back the decision.
 */
export const auditedPolicy = 10_240

/**
 * The name each policy of the set goes by in explanations: its kind, its level for the leveled
 * kinds, and a number when several share both.
 */
export function policyLabels(policies: readonly PlaygroundPolicy[]): string[] {
  const kind = (policy: PlaygroundPolicy) =>
    leveledPolicyTypes.includes(policy.type)
      ? `${policyTypeWords[policy.type].one}, level ${policy.level}${policy.level === 0 ? ' (root)' : ''}`
      : policyTypeWords[policy.type].one
  const totals = new Map<string, number>()
  for (const policy of policies) totals.set(kind(policy), (totals.get(kind(policy)) ?? 0) + 1)
  const seen = new Map<string, number>()
  return policies.map((policy) => {
    const name = kind(policy)
    const count = (seen.get(name) ?? 0) + 1
    seen.set(name, count)
    return (totals.get(name) ?? 0) > 1 ? `${name} ${count}` : name
  })
}

/** The kinds of policy of which a request meets one at most. */
export const singlePolicyTypes: readonly PlaygroundPolicy['type'][] = [
  'resource',
  'permissionsBoundary',
  'session',
]

/**
 * Why a state's set cannot be evaluated, if it cannot: a request meets one resource-based policy,
 * one permissions boundary and one session policy at most, and evaluating with either of two
 * could drop a Deny of the other.
 */
export function policySetProblem(state: PlaygroundState): string | undefined {
  const twice = singlePolicyTypes.filter(
    (type) => state.policies.filter((policy) => policy.type === type).length > 1,
  )
  if (twice.length === 0) return undefined
  const words = twice.map((type) => policyTypeWords[type].one).join(' and one ')
  return `a request meets one ${words} at most: remove or change the others`
}

/**
 * The evaluator's policy set of a state, each policy under its label; leveled policies grouped
 * by level from the root down, a level without a policy left out (an organization has none).
 * Undefined when `policySetProblem` names a problem.
 */
export function policySetOf(state: PlaygroundState): PolicySet | undefined {
  if (policySetProblem(state) !== undefined) return undefined
  const labels = policyLabels(state.policies)
  const inputs = (type: PlaygroundPolicy['type']) =>
    state.policies.flatMap((policy, index) =>
      policy.type === type
        ? [{ level: policy.level, input: { name: labels[index] ?? '', policy: policy.text } }]
        : [],
    )
  const byLevel = (type: PlaygroundPolicy['type']) => {
    const levels = [...new Set(inputs(type).map((entry) => entry.level))].sort((a, b) => a - b)
    return levels.map((at) =>
      inputs(type)
        .filter((entry) => entry.level === at)
        .map((entry) => entry.input),
    )
  }
  const identity = inputs('identity').map((entry) => entry.input)
  const [resource] = inputs('resource')
  const [boundary] = inputs('permissionsBoundary')
  const [session] = inputs('session')
  const serviceControl = byLevel('serviceControl')
  const resourceControl = byLevel('resourceControl')
  return {
    ...(identity.length === 0 ? {} : { identityPolicies: identity }),
    ...(resource === undefined ? {} : { resourcePolicy: resource.input }),
    ...(boundary === undefined ? {} : { permissionsBoundary: boundary.input }),
    ...(session === undefined ? {} : { sessionPolicy: session.input }),
    ...(serviceControl.length === 0 ? {} : { serviceControlPolicies: serviceControl }),
    ...(resourceControl.length === 0 ? {} : { resourceControlPolicies: resourceControl }),
  }
}

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

/** The validator's findings of one policy of the set, read as its kind. */
export function validatePlaygroundPolicy(policy: PlaygroundPolicy, catalog?: Catalog): Finding[] {
  return validatePolicy(policy.text, {
    ...(catalog === undefined ? {} : { catalog }),
    policyType: policy.type,
  })
}

/**
 * Validates every policy of the state, decides its request against the set and describes the
 * policy in the editor, with the core and the service reference when there is one.
 */
export function runPlayground(state: PlaygroundState, catalog?: Catalog): PlaygroundRun {
  const findings = state.policies.map((policy) => validatePlaygroundPolicy(policy, catalog))
  const request = requestOf(state, catalog)
  const policies = policySetOf(state)
  const problem = policySetProblem(state)
  // With the service reference, the request is decided for its action as AWS lists it, and the
  // result says what AWS would not be asked as given (an unknown action, a resource left out).
  const result: EvaluationResult =
    policies === undefined
      ? { errors: [{ source: 'policy', message: problem ?? '', diagnostics: [] }] }
      : evaluate(request, policies, catalog === undefined ? {} : { catalog })
  const selected = state.policies[state.selected] ?? state.policies[0]
  const parsed = selected === undefined ? undefined : parsePolicy(selected.text).policy
  const description =
    parsed === undefined
      ? undefined
      : describePolicy(parsed, catalog === undefined ? {} : { catalog })
  const size = state.policies.reduce((total, policy) => total + policy.text.length, 0)
  const audit =
    catalog === undefined || policies === undefined || size > auditedPolicy
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
