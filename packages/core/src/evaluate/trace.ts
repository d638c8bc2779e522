import type { SourceRange, StatementRef } from '../model/index.ts'
import type { UndocumentedReason } from './conditions/safe-reading.ts'
import type { PrincipalMatchKind } from './principal-match.ts'

/** The policy elements that decide whether a statement applies to a request. */
export const matchedElements = [
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
] as const
export type MatchedElement = (typeof matchedElements)[number]

/** What one `Operator: { key: values }` pair of a Condition compared, and its outcome. */
export interface ConditionClauseTrace {
  readonly operator: string
  readonly key: string
  /** The request's values for the key; absent when the request has no such key. */
  readonly requestValues?: readonly string[]
  /** The policy's values, with variables filled in; values whose variable had no value are left out. */
  readonly policyValues: readonly string[]
  readonly matched: boolean
  /**
   * Present when AWS does not document the clause's outcome: why, and `matched` is then the
   * reading that grants least (not holding in an Allow, holding in a Deny).
   */
  readonly undocumented?: UndocumentedReason
  readonly message: string
  readonly range: SourceRange
}

/** Why an element of a statement did or did not match the request. */
export interface ElementMatch {
  readonly element: MatchedElement
  readonly matched: boolean
  /** The pattern that matched, when one did. */
  readonly pattern?: string
  readonly message: string
  readonly range: SourceRange
  /** For `Principal`: how the entry that matched named the caller. */
  readonly principal?: PrincipalMatchKind
  /** For `Condition`: every clause with the values it compared. */
  readonly clauses?: readonly ConditionClauseTrace[]
}

/** What one statement made of one resource of the request. */
export interface StatementTrace {
  readonly statement: StatementRef
  readonly applies: boolean
  /** Every element checked, in evaluation order, so that a near miss shows what else matched. */
  readonly elements: readonly ElementMatch[]
  /**
   * Present when the statement was read two ways and the reading that grants least was taken:
   * it reads a key AWS may or may not send, as far as the evaluation knows.
   */
  readonly note?: string
}
