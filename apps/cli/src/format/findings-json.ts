import {
  atLeast,
  type CatalogSource,
  type Finding,
  type FindingSeverity,
  type PolicyType,
} from '@connect-policy/core'
import type { FileFindings, Problem } from './findings-human.ts'
import { countBySeverity, type SeverityCounts } from './severity.ts'

/** What `validate --format json` prints: the findings as the validator gives them, per input. */
export interface ValidateReport {
  readonly serviceReference: CatalogSource
  readonly policyType: PolicyType
  readonly failOn: FindingSeverity
  readonly files: readonly {
    readonly file: string
    readonly findings: readonly Finding[]
    readonly problems?: readonly Problem[]
  }[]
  readonly counts: SeverityCounts
  /** How many findings are at or above `failOn`: the command exits with 1 when there are any. */
  readonly failing: number
  /** Files that could not be read, each with why. */
  readonly unreadable?: readonly string[]
  /** Files of a folder that hold none of the formats read. */
  readonly skipped?: readonly string[]
  /** Findings suppressed (comments, the config) and held by the baseline, not listed. */
  readonly suppressed?: number
  readonly baselined?: number
}

export function toValidateReport(
  files: readonly FileFindings[],
  options: Pick<ValidateReport, 'serviceReference' | 'policyType' | 'failOn'>,
): ValidateReport {
  const all = files.flatMap((file) => file.findings)
  return {
    ...options,
    files: files.map((file) => ({
      file: file.input.name,
      findings: file.findings,
      ...(file.problems === undefined || file.problems.length === 0
        ? {}
        : { problems: file.problems }),
    })),
    counts: countBySeverity(all.map((finding) => finding.severity)),
    failing: all.filter((finding) => atLeast(finding.severity, options.failOn)).length,
  }
}
