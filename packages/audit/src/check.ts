import type { AccessRegion } from '@connect-policy/core'

/** How much a finding matters, most first. */
export const auditSeverities = ['critical', 'high', 'medium', 'low', 'info'] as const
export type AuditSeverity = (typeof auditSeverities)[number]

/** What a check is about: the questions people who secure a contact center ask. */
export const auditCategories = [
  'administrator',
  'data',
  'isolation',
  'destruction',
  'toll-fraud',
  'sibling-services',
] as const
export type AuditCategory = (typeof auditCategories)[number]

/** What the audit knows of where a policy set is meant to act. */
export interface AuditScope {
  /** The Amazon Connect instances (ids or instance ARNs) the set is meant for; empty: not said. */
  readonly instances: readonly string[]
  /** The accounts the set is meant for; empty: not said. */
  readonly accounts: readonly string[]
  /** Every Resource and NotResource value of the set's statements. */
  readonly patterns: readonly string[]
  /** The Resource values of the set's Deny statements. */
  readonly denied: readonly string[]
}

/**
 * Access the set must not grant: the actions, on the resources some pattern names (every
 * resource without them). A grant that only a value of one of `limitedBy` allows is limited as
 * the check asks, and is not a finding.
 */
export interface GrantQuery {
  readonly kind: 'granted'
  readonly actions: readonly string[]
  /** Resource patterns, or made from the scope; `undefined` from the scope: nothing to look at. */
  readonly resources?: readonly string[] | ((scope: AuditScope) => readonly string[] | undefined)
  readonly limitedBy?: readonly string[]
  /** Which grants are findings, when not all are; each grant is a region with its witness. */
  readonly keep?: (grant: AccessRegion, scope: AuditScope) => boolean
}

/**
 * Amazon Connect access outside the instances (and accounts) the audit is given: every region
 * a set grants beyond the same actions on those instances and everything in them.
 */
export interface OutsideInstancesQuery {
  readonly kind: 'outside-instances'
}

/**
 * Sub-resources a statement promises and does not grant: an action the statement allows on a
 * resource it names exactly (a domain, an assistant) and denies on the resources within it
 * that the action also takes (the domain's object types), in the services given.
 */
export interface SubResourcesQuery {
  readonly kind: 'sub-resources'
  readonly services: readonly string[]
}

export type AuditQuery = GrantQuery | OutsideInstancesQuery | SubResourcesQuery

/** One named question of the audit, with the AWS page it rests on and how it is decided. */
export interface AuditCheck {
  /** Stable, kebab-case: what users choose and suppress checks by. */
  readonly code: string
  readonly category: AuditCategory
  readonly severity: AuditSeverity
  readonly title: string
  /** The question the check answers, as a reviewer asks it. */
  readonly question: string
  /** Why access found here matters. */
  readonly risk: string
  readonly fix: string
  /** The AWS page the check's facts come from. */
  readonly source: { readonly title: string; readonly url: string }
  readonly query: AuditQuery
}
