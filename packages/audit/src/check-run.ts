import type {
  AccessCheck,
  AccessRegion,
  AnalysisOptions,
  Catalog,
  EvaluationError,
  PreparedPolicySet,
  SetStatement,
} from '@connect-policy/core'
import type { AuditFinding, CheckStatus } from './audit-result.ts'
import type { AuditCheck, AuditScope } from './check.ts'

/** What a check is run with: the set, prepared once for every check, and what the audit knows. */
export interface CheckContext {
  readonly set: PreparedPolicySet
  readonly statements: readonly SetStatement[]
  readonly catalog: Catalog
  readonly scope: AuditScope
  /** What each of the check's analyses is asked with: the catalog and the audit's limits. */
  readonly options: AnalysisOptions
}

/** A set of one identity policy of these statements: what a check compares the set with. */
export function identitySet(...statements: readonly Record<string, unknown>[]) {
  return {
    identityPolicies: [JSON.stringify({ Version: '2012-10-17', Statement: statements })],
  }
}

/** What one check found, or the errors that kept it from running. */
export type CheckRun =
  | {
      readonly status: CheckStatus
      readonly findings: readonly AuditFinding[]
      readonly reasons: readonly string[]
      readonly errors?: never
    }
  | { readonly errors: readonly EvaluationError[] }

/** A region of access the analysis found, as a finding of `check`. */
export function regionFinding(
  check: AuditCheck,
  region: AccessRegion,
  side: 'before' | 'after' = 'after',
): AuditFinding {
  const decided = region.witness[side]
  return {
    code: check.code,
    severity: check.severity,
    category: check.category,
    title: check.title,
    message: `${check.title}: ${region.description}`,
    actions: region.actions,
    within: region.within,
    outside: region.outside,
    conditions: region.conditions,
    witness: {
      request: region.witness.request,
      decision: decided.decision,
      deciding: decided.explanation.deciding.slice(0, 3),
    },
    source: check.source,
  }
}

/**
 * A check's end from an analysis and the regions of it that are findings: `fail` with them,
 * else `pass` only when the analysis proved every region found and left none out.
 */
export function checkEnd(
  check: AuditCheck,
  analysis: AccessCheck,
  findings: readonly AccessRegion[],
  side: 'before' | 'after' = 'after',
): CheckRun {
  if (analysis.errors !== undefined) return { errors: analysis.errors }
  const listed = findings.map((region) => regionFinding(check, region, side))
  const reasons = [
    ...analysis.reasons,
    ...(analysis.access.omittedRegions > 0
      ? [`${analysis.access.omittedRegions} regions of access were not listed`]
      : []),
  ]
  const status: CheckStatus =
    listed.length > 0
      ? 'fail'
      : analysis.result === 'unknown' || reasons.length > 0
        ? 'unknown'
        : 'pass'
  return { status, findings: listed, reasons }
}

/** Whether a region's access is only given with a value of one of `keys` (case ignored). */
export function limitedBy(region: AccessRegion, keys: readonly string[]): boolean {
  const wanted = new Set(keys.map((key) => key.toLowerCase()))
  return Object.entries(region.conditions).some(
    ([key, value]) => wanted.has(key.toLowerCase()) && value !== null,
  )
}
