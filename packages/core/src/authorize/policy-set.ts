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

export { type PolicyType, policyTypes, policyTypeWords } from '../model/index.ts'

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
