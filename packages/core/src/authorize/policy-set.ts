import type { PolicyDocument } from '../model/index.ts'

/** A policy given a name, so that explanations can refer to it by that name. */
export interface NamedPolicy {
  readonly name: string
  readonly policy: string | PolicyDocument
}

/** A policy as text (parsed for you), as a parsed document, or named. */
export type PolicyInput = string | PolicyDocument | NamedPolicy

/** Every policy that takes part in a decision, by type. */
export interface PolicySet {
  /** Identity-based policies attached to the principal, its groups, and inline. */
  readonly identityPolicies: readonly PolicyInput[]
}
