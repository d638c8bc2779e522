import type { PolicyType } from '../authorize/index.ts'
import type { Catalog } from '../catalog/index.ts'
import { parsePolicy } from '../parse/index.ts'
import { checkActions } from './action-checks.ts'
import { checkActionsAgainstResources } from './action-resource-checks.ts'
import { checkCharacters } from './character-checks.ts'
import type { CheckContext, Report } from './check-context.ts'
import { checkConditions } from './condition-checks.ts'
import { diagnosticFindings } from './diagnostic-findings.ts'
import type { Finding } from './finding.ts'
import { checkPolicyType, waivedForPolicyType } from './policy-type-checks.ts'
import { checkRequiredResources } from './required-resource-checks.ts'
import { checkResources } from './resource-checks.ts'
import { checkSecurity } from './security-checks.ts'
import { checkSids } from './sid-checks.ts'
import { checkSize } from './size-checks.ts'
import { statementFacts } from './statement-facts.ts'
import { checkPrincipalAndConditionValues } from './value-checks.ts'
import { checkVariables } from './variable-checks.ts'

export interface ValidateOptions {
  /**
   * The AWS service reference. Without it, only what needs no knowledge of services is checked:
   * syntax, grammar, policy type rules, ARN shapes, conditions' operators and values, security.
   */
  readonly catalog?: Catalog
  /** What the policy is attached as; `identity` unless said. */
  readonly policyType?: PolicyType
  /** Finding codes not to report. */
  readonly suppress?: readonly string[]
}

const checks = [
  checkCharacters,
  checkPolicyType,
  checkSids,
  checkSize,
  checkVariables,
  checkActions,
  checkResources,
  checkActionsAgainstResources,
  checkRequiredResources,
  checkConditions,
  checkPrincipalAndConditionValues,
  checkSecurity,
]

/** The text to validate, whatever a caller without types passed. */
function asText(input: unknown): string {
  if (typeof input === 'string') return input
  try {
    return String(input)
  } catch {
    // objects without a prototype, or whose toString throws
    return ''
  }
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.offset - b.range.start.offset || a.code.localeCompare(b.code)
}

/**
 * Everything worth saying about a policy text before it ships, as findings with a stable code,
 * a severity, a message, the range of text concerned and, where one exists, a fix: the
 * parser's syntax and grammar diagnostics, then the checks of docs/findings.md against the
 * service reference in `options.catalog`. Never throws on any text.
 */
export function validatePolicy(text: string, options: ValidateOptions = {}): Finding[] {
  const source = asText(text)
  const parsed = parsePolicy(source)
  const { policy } = parsed
  const policyType = options.policyType ?? 'identity'
  const diagnostics = parsed.diagnostics.filter(
    (diagnostic) => !waivedForPolicyType(diagnostic, policy, policyType),
  )
  const findings = diagnosticFindings(diagnostics, source)
  if (policy !== undefined) {
    const report: Report = (code, severity, message, range, fix) => {
      findings.push({ code, severity, message, range, ...(fix === undefined ? {} : { fix }) })
    }
    const context: CheckContext = {
      text: source,
      policy,
      policyType,
      ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
      statements: statementFacts(policy, options.catalog),
      variablesEnabled: policy.version?.value === '2012-10-17',
      report,
    }
    for (const check of checks) check(context)
  }
  const suppressed = new Set(options.suppress ?? [])
  return findings.filter((finding) => !suppressed.has(finding.code)).sort(byPosition)
}
