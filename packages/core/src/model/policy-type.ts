import type { PrincipalElement } from './policy.ts'

/** The kinds of policy AWS evaluates (*Policy evaluation logic*), named as `PolicySet` fields. */
export const policyTypes = [
  'identity',
  'resource',
  'permissionsBoundary',
  'session',
  'serviceControl',
  'resourceControl',
] as const
export type PolicyType = (typeof policyTypes)[number]

/** How each kind of policy is named in messages: one of them, and several. */
export const policyTypeWords: Readonly<Record<PolicyType, { one: string; many: string }>> = {
  identity: { one: 'identity-based policy', many: 'identity-based policies' },
  resource: { one: 'resource-based policy', many: 'resource-based policies' },
  permissionsBoundary: { one: 'permissions boundary', many: 'permissions boundaries' },
  session: { one: 'session policy', many: 'session policies' },
  serviceControl: { one: 'service control policy', many: 'service control policies' },
  resourceControl: { one: 'resource control policy', many: 'resource control policies' },
}

/**
 * The names a person may give a policy type in an option or a request: the type itself as
 * `PolicySet` spells it, the same in kebab-case, and the AWS abbreviations SCP and RCP. Every
 * front end reads names with `policyTypeNamed`, so that a name one of them takes, all take.
 */
export const policyTypeNames: Readonly<Record<string, PolicyType>> = {
  identity: 'identity',
  resource: 'resource',
  permissionsBoundary: 'permissionsBoundary',
  'permissions-boundary': 'permissionsBoundary',
  session: 'session',
  serviceControl: 'serviceControl',
  'service-control': 'serviceControl',
  scp: 'serviceControl',
  resourceControl: 'resourceControl',
  'resource-control': 'resourceControl',
  rcp: 'resourceControl',
}

/** The policy type a name given by a person stands for, if it is one of `policyTypeNames`. */
export function policyTypeNamed(name: unknown): PolicyType | undefined {
  return typeof name === 'string' && Object.hasOwn(policyTypeNames, name)
    ? policyTypeNames[name]
    : undefined
}

/** What a policy type's statements may say about principals. */
export type PrincipalRule = 'required' | 'everyone' | 'none'

/**
 * Which policy types name principals: every statement of a resource-based policy has `Principal`
 * or `NotPrincipal` (*IAM JSON policy elements: Principal*, "You must use the Principal element in
 * resource-based policies"); every statement of a resource control policy has `"Principal": "*"`
 * and no `NotPrincipal` (Organizations, *RCP syntax*); identity-based policies, permissions
 * boundaries, session policies and service control policies have neither, as they apply to the
 * principal they are attached to (*Principal*; Organizations, *SCP syntax*, whose elements do not
 * include `Principal`).
 */
export const principalRules: Readonly<Record<PolicyType, PrincipalRule>> = {
  identity: 'none',
  resource: 'required',
  permissionsBoundary: 'none',
  session: 'none',
  serviceControl: 'none',
  resourceControl: 'everyone',
}

/** How a statement's principal breaks its policy type's rule, if it does. */
export function principalRuleBroken(
  type: PolicyType,
  principal: PrincipalElement | undefined,
): 'missing' | 'not-everyone' | 'not-allowed' | undefined {
  const rule = principalRules[type]
  if (rule === 'required') return principal === undefined ? 'missing' : undefined
  if (rule === 'everyone') {
    return principal === undefined || principal.element !== 'Principal' || !principal.anyone
      ? 'not-everyone'
      : undefined
  }
  return principal === undefined ? undefined : 'not-allowed'
}
