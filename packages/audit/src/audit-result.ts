import type {
  AuthorizationRequest,
  DecisionValue,
  EvaluationError,
  StatementRef,
} from '@connect-policy/core'
import type { AuditCategory, AuditSeverity } from './check.ts'

/**
 * A request that proves a finding, with the decision `evaluate` gives it and the statements
 * that decide it (the first three): `evaluate` explains it whole, as it is ready to be asked.
 */
export interface AuditWitness {
  readonly request: AuthorizationRequest
  readonly decision: DecisionValue
  readonly deciding: readonly StatementRef[]
}

/** Something a check found, with the request that shows it. */
export interface AuditFinding {
  readonly code: string
  readonly severity: AuditSeverity
  readonly category: AuditCategory
  readonly title: string
  /** What was found, in one sentence that names the witness. */
  readonly message: string
  readonly actions: readonly string[]
  /** The set's resource patterns the witness's resource matches, and those it does not. */
  readonly within: readonly string[]
  readonly outside: readonly string[]
  /** The condition keys the deciding statements read, with the witness's values (null: absent). */
  readonly conditions: Readonly<Record<string, string | readonly string[] | null>>
  readonly witness: AuditWitness
  readonly source: { readonly title: string; readonly url: string }
}

/**
 * How a check ended: `pass` proven over every request, `fail` with findings, `unknown` when the
 * analysis could not prove a pass within its limits (with the reasons), `skipped` when the
 * check needs what the audit was not given (the intended instances).
 */
export type CheckStatus = 'pass' | 'fail' | 'unknown' | 'skipped'

export interface CheckOutcome {
  readonly code: string
  readonly severity: AuditSeverity
  readonly status: CheckStatus
  /** The findings of the check, listed or not. */
  readonly findings: number
  /** Findings found and not listed, as the report keeps within its size; present only when some are. */
  readonly omittedFindings?: number
  readonly reasons: readonly string[]
}

export type AuditReport =
  | {
      readonly findings: readonly AuditFinding[]
      readonly checks: readonly CheckOutcome[]
      readonly errors?: never
    }
  | { readonly errors: readonly EvaluationError[] }
