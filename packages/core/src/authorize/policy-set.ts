import type { PolicyDocument } from '../model/index.ts'

/**
 * A policy as the object `JSON.parse` makes of its text (`{ Version, Statement }`), as the REST
 * API and scripts hold it.
 */
export type PolicyJson = { readonly [element: string]: unknown }

/** A policy given a name, so that explanations can refer to it by that name. */
export interface NamedPolicy {
  readonly name: string
  readonly policy: string | PolicyDocument | PolicyJson
}

/** A policy as text (parsed for you), as its JSON object, as a parsed document, or named. */
export type PolicyInput = string | PolicyDocument | PolicyJson | NamedPolicy

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

/** Every policy that takes part in a decision, by type. */
export interface PolicySet {
  /** Identity-based policies attached to the principal, its groups, and inline. */
  readonly identityPolicies?: readonly PolicyInput[]
  /** The resource-based policy of the resource, if it has one. */
  readonly resourcePolicy?: PolicyInput
  /** The permissions boundary of the principal's user or role. */
  readonly permissionsBoundary?: PolicyInput
  /** The session policy passed when the role session or federated user session was made. */
  readonly sessionPolicy?: PolicyInput
  /**
   * Service control policies of the principal's account, one list per level of the organization
   * from the root down to the account: every level must allow.
   */
  readonly serviceControlPolicies?: readonly (readonly PolicyInput[])[]
  /** Resource control policies of the resource's account, one list per level likewise. */
  readonly resourceControlPolicies?: readonly (readonly PolicyInput[])[]
}
