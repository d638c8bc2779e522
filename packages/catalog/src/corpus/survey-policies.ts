import type { Finding, FindingSeverity, ValidateOptions } from '@connect-policy/core'
import { validatePolicy } from '../validate-policy.ts'

/** A finding of error severity, with the policy it was found in and the text it points at. */
export interface CorpusError {
  readonly policy: string
  readonly code: string
  readonly subject: string
}

/** What the validator says over a corpus of policies, counted. */
export interface CorpusSurvey {
  readonly policies: number
  /** Findings per code and severity: `counts[code][severity]`. */
  readonly counts: Readonly<Record<string, Partial<Record<FindingSeverity, number>>>>
  /** How many policies got at least one finding of each code. */
  readonly policiesByCode: Readonly<Record<string, number>>
  readonly errors: readonly CorpusError[]
}

function subjectOf(text: string, finding: Finding): string {
  return text.slice(finding.range.start.offset, finding.range.end.offset).replace(/^"|"$/g, '')
}

/** Validates every policy of a corpus and counts the findings by code and severity. */
export function surveyPolicies(
  policies: readonly { readonly name: string; readonly text: string }[],
  options: Omit<ValidateOptions, 'catalog'> = {},
): CorpusSurvey {
  const counts: Record<string, Partial<Record<FindingSeverity, number>>> = Object.create(null)
  const policiesByCode: Record<string, number> = Object.create(null)
  const errors: CorpusError[] = []
  for (const policy of policies) {
    const codes = new Set<string>()
    for (const finding of validatePolicy(policy.text, options)) {
      const bySeverity = counts[finding.code] ?? {}
      counts[finding.code] = bySeverity
      bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1
      codes.add(finding.code)
      if (finding.severity === 'error') {
        errors.push({
          policy: policy.name,
          code: finding.code,
          subject: subjectOf(policy.text, finding),
        })
      }
    }
    for (const code of codes) policiesByCode[code] = (policiesByCode[code] ?? 0) + 1
  }
  return { policies: policies.length, counts, policiesByCode, errors }
}
