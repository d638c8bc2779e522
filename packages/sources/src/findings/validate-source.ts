import {
  type Catalog,
  type Finding,
  type PolicyType,
  type TextEdit,
  validatePolicy,
} from '@connect-policy/core'
import type { FoundPolicy } from '../formats/found-policy.ts'
import { isReadSource, type ReadSource } from '../read-source.ts'
import { fingerprint } from './fingerprint.ts'
import { commentSuppressions, suppresses } from './suppressions.ts'
import { type ResourceSuppression, suppressesResource } from './terraform-suppressions.ts'

/**
 * A finding of a policy in a file, as the validator gives it (`Finding`) with its range in the
 * file, and its fix only where the file is JSON and the edit falls on text copied one for one.
 */
export interface SourceFinding extends Finding {
  /** The policy it is about (`FoundPolicy.path`), and what that policy is for people. */
  readonly policy: string
  readonly policyLabel: string
  /** Stable across edits elsewhere in the file: the code, the policy, the text it points at and which of its kind it is. */
  readonly fingerprint: string
}

export interface ValidateSourceOptions {
  readonly catalog?: Catalog
  /** What a file that is a policy alone is attached as (the formats that say it override this). */
  readonly policyType?: PolicyType
  /** Finding codes not to report. */
  readonly suppress?: readonly string[]
  /** Suppressions of a Terraform plan's or state's resources, from its `.tf` files (`terraformSuppressions`). */
  readonly resourceSuppressions?: readonly ResourceSuppression[]
}

/** What the file's findings are and which of them its comments suppress. */
export interface SourceValidation {
  readonly findings: readonly SourceFinding[]
  readonly suppressed: readonly SourceFinding[]
}

function mapFinding(
  read: ReadSource,
  policy: FoundPolicy,
  finding: Finding,
): Omit<SourceFinding, 'fingerprint'> | undefined {
  const projection = policy.projection
  if (projection === undefined) return undefined
  const where = projection.toSource(finding.range.start.offset, finding.range.end.offset)
  const range = read.positions.range(where.start, where.end)
  let fix: TextEdit | undefined
  // inside a string of the file, only an edit that needs no escaping applies as written
  const applies =
    finding.fix !== undefined &&
    (!projection.quoted || JSON.stringify(finding.fix.newText) === `"${finding.fix.newText}"`)
  if (finding.fix !== undefined && read.json && applies) {
    const edit = projection.toSource(finding.fix.range.start.offset, finding.fix.range.end.offset)
    if (edit.exact || policy.path === '') {
      fix = {
        title: finding.fix.title,
        newText: finding.fix.newText,
        range: read.positions.range(edit.start, edit.end),
      }
    }
  }
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    range,
    ...(fix === undefined ? {} : { fix }),
    ...(finding.overBudget === undefined ? {} : { overBudget: finding.overBudget }),
    ...(finding.omittedFindings === undefined ? {} : { omittedFindings: finding.omittedFindings }),
    policy: policy.path,
    policyLabel: policy.label,
  }
}

/**
 * Validates every policy of a file read by `readSource`, each as what the file says it is
 * attached as, and positions every finding in the file. A fix is kept where it can be applied
 * to the file as written. Findings its comments suppress (`# connect-policy-ignore: code`) are
 * returned apart.
 */
export function validateSource(
  read: ReadSource,
  given: ValidateSourceOptions = {},
): SourceValidation {
  if (!isReadSource(read)) return { findings: [], suppressed: [] }
  const options: ValidateSourceOptions = typeof given === 'object' && given !== null ? given : {}
  const found: SourceFinding[] = []
  const seen = new Map<string, number>()
  for (const policy of read.policies) {
    if (policy.projection === undefined) continue
    const policyType =
      read.format === 'policy' ? (options.policyType ?? policy.policyType) : policy.policyType
    const findings = validatePolicy(policy.projection.text, {
      ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
      policyType,
      ...(options.suppress === undefined ? {} : { suppress: options.suppress }),
    })
    for (const finding of findings) {
      const mapped = mapFinding(read, policy, finding)
      if (mapped === undefined) continue
      const written = read.text
        .slice(mapped.range.start.offset, mapped.range.end.offset)
        .slice(0, 200)
      const identity = `${mapped.code}\u0000${policy.path}\u0000${written}`
      const occurrence = seen.get(identity) ?? 0
      seen.set(identity, occurrence + 1)
      found.push({ ...mapped, fingerprint: fingerprint(`${identity}\u0000${occurrence}`) })
    }
  }
  const suppressions = commentSuppressions(read.comments, read.text)
  const resources = (
    Array.isArray(options.resourceSuppressions) ? options.resourceSuppressions : []
  ).filter(
    (entry: unknown): entry is ResourceSuppression =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as ResourceSuppression).address === 'string' &&
      Array.isArray((entry as ResourceSuppression).codes),
  )
  if (suppressions.length === 0 && resources.length === 0)
    return { findings: found, suppressed: [] }
  const findings: SourceFinding[] = []
  const suppressed: SourceFinding[] = []
  for (const finding of found) {
    const line = finding.range.start.line
    if (
      suppressions.some((entry) => suppresses(entry, finding.code, line)) ||
      resources.some((entry) => suppressesResource(entry, finding.code, finding.policy))
    )
      suppressed.push(finding)
    else findings.push(finding)
  }
  return { findings, suppressed }
}
