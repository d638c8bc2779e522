import {
  type AnalysisLimits,
  type Catalog,
  didYouMean,
  type EvaluationError,
  isCatalog,
  prepareForAnalysis,
  quote,
  setStatements,
} from '@connect-policy/core'
import { auditLimits } from './audit-limits.ts'
import type { AuditFinding, AuditReport, CheckOutcome } from './audit-result.ts'
import { type AuditCheck, type AuditScope, auditSeverities } from './check.ts'
import type { CheckContext, CheckRun } from './check-run.ts'
import { auditChecks } from './checks/index.ts'
import { grantedAccess } from './queries/granted.ts'
import { outsideInstances } from './queries/outside-instances.ts'
import { missedSubResources } from './queries/sub-resources.ts'

export interface AuditOptions {
  /** The AWS service reference (`awsCatalog()` of `@connect-policy/catalog`): required. */
  readonly catalog: Catalog
  /** The codes of the checks to run; all of them without it. */
  readonly checks?: readonly string[]
  /** The Amazon Connect instances (ids or instance ARNs) the set is meant for. */
  readonly instances?: readonly string[]
  /** The accounts the set is meant for. */
  readonly accounts?: readonly string[]
  /** The analyzer's limits for each check; by default, shared out by the set's size (`auditLimits`). */
  readonly limits?: AnalysisLimits
}

function optionError(message: string): EvaluationError {
  return { source: 'options', message, diagnostics: [] }
}

function textList(value: unknown, name: string): readonly string[] | EvaluationError {
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    return optionError(`\`${name}\`, when given, is a list of texts`)
  }
  return value
}

interface ReadOptions {
  readonly catalog: Catalog
  readonly checks: readonly AuditCheck[]
  readonly instances: readonly string[]
  readonly accounts: readonly string[]
  readonly limits?: AnalysisLimits
}

/** The options as the audit reads them, or the error that says what is wrong with them. */
function readOptions(options: unknown): ReadOptions | EvaluationError {
  if (typeof options !== 'object' || options === null) {
    return optionError('the audit takes options such as `{ catalog }`')
  }
  const given = options as Record<string, unknown>
  if (!isCatalog(given.catalog)) {
    return optionError('`catalog` is required: the service reference made by `createCatalog`')
  }
  const codes = textList(given.checks, 'checks')
  const instances = textList(given.instances, 'instances')
  const accounts = textList(given.accounts, 'accounts')
  for (const read of [codes, instances, accounts]) if ('source' in read) return read
  const known = auditChecks.map((check) => check.code)
  for (const code of codes as readonly string[]) {
    if (!known.includes(code)) {
      return optionError(`${quote(code)} is not an audit check${didYouMean(code, known)}`)
    }
  }
  const chosen = codes as readonly string[]
  return {
    catalog: given.catalog,
    checks:
      chosen.length === 0
        ? auditChecks
        : auditChecks.filter((check) => chosen.includes(check.code)),
    instances: instances as readonly string[],
    accounts: accounts as readonly string[],
    ...(typeof given.limits === 'object' && given.limits !== null
      ? { limits: given.limits as AnalysisLimits }
      : {}),
  }
}

/**
 * Runs the Amazon Connect audit's checks (all, or those chosen) on a policy set as `evaluate`
 * takes it: each check a question over every request, answered by the analyzer, each finding
 * with a request `evaluate` decides as the finding says. The set is read and compiled once.
 */
export function auditPolicySet(set: unknown, options: AuditOptions): AuditReport {
  const read = readOptions(options)
  if ('source' in read) return { errors: [read] }
  const prepared = prepareForAnalysis(set, { catalog: read.catalog })
  if ('errors' in prepared) return { errors: prepared.errors }
  const listed = setStatements(prepared)
  if ('errors' in listed) return { errors: listed.errors }
  const characters = listed.statements.reduce((sum, statement) => sum + statement.characters, 0)

  const scope: AuditScope = {
    instances: read.instances,
    accounts: read.accounts,
    patterns: [...new Set(listed.statements.flatMap((statement) => statement.resources.patterns))],
    denied: listed.statements
      .filter((statement) => statement.effect === 'Deny' && !statement.resources.negated)
      .flatMap((statement) => statement.resources.patterns),
  }
  const context: CheckContext = {
    set: prepared,
    statements: listed.statements,
    catalog: read.catalog,
    scope,
    options: {
      catalog: read.catalog,
      limits: read.limits ?? auditLimits(characters, read.checks.length),
    },
  }
  const findings: AuditFinding[] = []
  const checks: CheckOutcome[] = []
  for (const check of read.checks) {
    const run = runCheck(check, context)
    if (run.errors !== undefined) {
      return {
        errors: run.errors.map((error) => ({
          ...error,
          message: `${check.code}: ${error.message}`,
        })),
      }
    }
    findings.push(...run.findings)
    checks.push({
      code: check.code,
      severity: check.severity,
      status: run.status,
      findings: run.findings.length,
      reasons: keptReasons(run.reasons),
    })
  }
  const rank = (finding: AuditFinding) => auditSeverities.indexOf(finding.severity)
  return listedWithin(
    findings.sort((a, b) => rank(a) - rank(b)),
    checks,
    reportBytes(characters),
  )
}

/** Reasons a check lists, the rest counted: one per policy variable could be thousands. */
const listedReasons = 5

function keptReasons(reasons: readonly string[]): string[] {
  if (reasons.length <= listedReasons) return [...reasons]
  return [...reasons.slice(0, listedReasons), `and ${reasons.length - listedReasons} more reasons`]
}

/**
 * The bytes of JSON a report's findings may take: 32 KiB, and 32 more per character of the
 * set's statements, so that an audit's answer grows with what it is given and no faster.
 */
export function reportBytes(characters: number): number {
  return 32 * 1024 + 32 * characters
}

/** The findings, most severe first, as many as fit in `bytes`; each check counts those left out. */
function listedWithin(
  findings: readonly AuditFinding[],
  checks: readonly CheckOutcome[],
  bytes: number,
): AuditReport {
  const listed: AuditFinding[] = []
  const omitted = new Map<string, number>()
  let used = 0
  for (const finding of findings) {
    used += JSON.stringify(finding).length
    if (used > bytes) omitted.set(finding.code, (omitted.get(finding.code) ?? 0) + 1)
    else listed.push(finding)
  }
  return {
    findings: listed,
    checks: checks.map((check) => {
      const left = omitted.get(check.code)
      return left === undefined ? check : { ...check, omittedFindings: left }
    }),
  }
}

function runCheck(check: AuditCheck, context: CheckContext): CheckRun {
  const { query } = check
  switch (query.kind) {
    case 'granted':
      return grantedAccess(check, query, context)
    case 'outside-instances':
      return outsideInstances(check, context)
    case 'sub-resources':
      return missedSubResources(check, query, context)
  }
}
