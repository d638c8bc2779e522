import type { PolicyType } from '../authorize/index.ts'
import type { Catalog, CatalogAction, FormatComparisonWork } from '../catalog/index.ts'
import type { Located, PolicyDocument, SourceRange, Statement } from '../model/index.ts'
import type { FindingSeverity, TextEdit } from './finding.ts'

/** An `Action` or `NotAction` value, with the actions of the catalog it names. */
export interface ActionEntry {
  readonly value: Located<string>
  /** The service prefix as written, lower case; undefined when the value has no colon. */
  readonly service?: string
  /**
   * The actions the value names, when the catalog holds its service in full (for `*`, every
   * action held); undefined when nothing can be said.
   */
  readonly actions?: readonly CatalogAction[]
}

/** One statement, with what every check needs to know about it worked out once. */
export interface StatementFacts {
  readonly statement: Statement
  readonly index: number
  readonly effect?: 'Allow' | 'Deny'
  readonly actionEntries: readonly ActionEntry[]
  /**
   * The actions the statement applies to when it has `Action` and the catalog knows each value;
   * undefined otherwise (NotAction, or a service the catalog does not hold).
   */
  readonly knownActions?: readonly CatalogAction[]
  readonly resources: readonly Located<string>[]
  readonly notResource: boolean
}

export type Report = (
  code: string,
  severity: FindingSeverity,
  message: string,
  range: SourceRange,
  fix?: TextEdit,
) => void

/** What every check receives: the policy, its text, the catalog when there is one, and `report`. */
export interface CheckContext {
  readonly text: string
  readonly policy: PolicyDocument
  readonly policyType: PolicyType
  readonly catalog?: Catalog
  /**
   * What comparing the policy's `Resource` values with the ARN formats of the catalog may still
   * cost: what the budget's `maxSteps` leaves after the validation's estimate. Every lookup of a
   * value's resource types spends from it.
   */
  readonly formatWork: FormatComparisonWork
  readonly statements: readonly StatementFacts[]
  /** Whether `${...}` in values are policy variables (Version 2012-10-17). */
  readonly variablesEnabled: boolean
  readonly report: Report
}

/** Identity-style policies follow IAM's own rules for Sids and sizes. */
export function isIamPolicy(type: PolicyType): boolean {
  return type === 'identity' || type === 'permissionsBoundary' || type === 'session'
}

export { quote } from '../model/index.ts'
