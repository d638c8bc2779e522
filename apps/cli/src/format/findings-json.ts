import {
  atLeast,
  type CatalogSource,
  type Finding,
  type FindingSeverity,
  type PolicyType,
} from '@connect-policy/core'
import type { FileFindings } from './findings-human.ts'
import { countBySeverity, type SeverityCounts } from './severity.ts'

/** What `validate --format json` prints: the findings as the validator gives them, per input. */
export interface ValidateReport {
  readonly serviceReference: CatalogSource
  readonly policyType: PolicyType
  readonly failOn: FindingSeverity
  readonly files: readonly { readonly file: string; readonly findings: readonly Finding[] }[]
  readonly counts: SeverityCounts
  /** How many findings are at or above `failOn`: the command exits with 1 when there are any. */
  readonly failing: number
}

export function toValidateReport(
  files: readonly FileFindings[],
  options: Pick<ValidateReport, 'serviceReference' | 'policyType' | 'failOn'>,
): ValidateReport {
  const all = files.flatMap((file) => file.findings)
  return {
    ...options,
    files: files.map((file) => ({ file: file.input.name, findings: file.findings })),
    counts: countBySeverity(all.map((finding) => finding.severity)),
    failing: all.filter((finding) => atLeast(finding.severity, options.failOn)).length,
  }
}
