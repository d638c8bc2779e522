import type { Located, SourceRange } from './source.ts'

/** The two policy language versions IAM knows. */
export const policyVersions = ['2012-10-17', '2008-10-17'] as const
export type PolicyVersion = (typeof policyVersions)[number]

/**
 * Whether a policy's `${...}` are policy variables: only under Version `2012-10-17`; under
 * `2008-10-17`, or without a Version, they are plain text (*IAM JSON policy elements: Version*;
 * *Variables and tags*).
 */
export function enablesVariables(version: string | undefined): boolean {
  return version === '2012-10-17'
}

export const effects = ['Allow', 'Deny'] as const
export type Effect = (typeof effects)[number]

/** The keys a principal map may hold, from the IAM JSON policy reference (*Principal*). */
export const principalTypes = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const
export type PrincipalType = (typeof principalTypes)[number]

/** Any JSON value, kept as written so that nothing in a policy is lost. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue }

/**
 * A list of strings such as `Action` or `Resource`. IAM treats a single string and a one-element
 * array alike, so both are held as a list; `range` covers the whole value as written.
 */
export interface StringListElement<Name extends string> {
  readonly element: Name
  readonly values: readonly Located<string>[]
  readonly range: SourceRange
}

export type ActionElement = StringListElement<'Action' | 'NotAction'>
export type ResourceElement = StringListElement<'Resource' | 'NotResource'>

/** One `"AWS": [...]`-style entry of a principal map. */
export interface PrincipalEntry {
  readonly type: Located<PrincipalType>
  readonly values: readonly Located<string>[]
}

/**
 * `Principal` or `NotPrincipal`. `"*"` is held as `anyone`; the map form as entries, so that
 * `"*"` and `{"AWS": "*"}`, which mean the same to IAM, still print as written.
 */
export interface PrincipalElement {
  readonly element: 'Principal' | 'NotPrincipal'
  readonly anyone: boolean
  readonly entries: readonly PrincipalEntry[]
  readonly range: SourceRange
}

/** A condition value as written: IAM accepts numbers and booleans without quotes. */
export type ConditionValue = string | number | boolean

/** One `Operator: { key: values }` pair of a Condition block. */
export interface ConditionClause {
  readonly operator: Located<string>
  readonly key: Located<string>
  readonly values: readonly Located<ConditionValue>[]
  readonly range: SourceRange
}

export interface ConditionElement {
  readonly clauses: readonly ConditionClause[]
  readonly range: SourceRange
}

/** An element IAM does not know, kept so that printing loses nothing. */
export interface UnknownElement {
  readonly key: Located<string>
  readonly value: JsonValue
}

/** One statement of a policy, with every element normalized and located. */
export interface Statement {
  readonly sid?: Located<string>
  readonly effect?: Located<string>
  readonly principal?: PrincipalElement
  readonly action?: ActionElement
  readonly resource?: ResourceElement
  readonly condition?: ConditionElement
  readonly unknownElements: readonly UnknownElement[]
  readonly range: SourceRange
}

/** A parsed IAM policy document. */
export interface PolicyDocument {
  readonly version?: Located<string>
  readonly id?: Located<string>
  readonly statements: readonly Statement[]
  readonly unknownElements: readonly UnknownElement[]
  readonly range: SourceRange
}
