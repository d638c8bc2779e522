import {
  type AuditFinding,
  type AuditSeverity,
  auditChecks,
  auditPolicySet,
  auditSeverities,
} from '@connect-policy/audit'
import { awsCatalog } from '@connect-policy/catalog'
import type { Result } from 'sarif'
import { readPolicySets } from '../analysis/read-sides.ts'
import { analysisErrors } from '../analysis/render-errors.ts'
import { commaList, defineCommand, oneOf, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import { artifactUri, sarifLog, toRegion } from '../format/findings-sarif.ts'
import { createStyle, useColor } from '../format/style.ts'
import type { Io } from '../io.ts'
import { version } from '../version.ts'

export const auditHelp = `Usage: connect-policy audit <file>... [options]

Audits a set of identity-based policies for Amazon Connect: paths to instance administrator
through IAM alone, data leaving the contact center, isolation between instances, destruction,
toll fraud and the sibling services' sub-resources. Each check is decided over every request;
each finding comes with a request the evaluator decides as the finding says.

Options:
  --instance <id>       an instance (id or ARN) the set is meant for; may repeat. The
                        isolation check runs only with instances or accounts
  --account <id>        an account the set is meant for; may repeat
  --check <code>        run only these checks; may repeat or take a comma-separated list
  --fail-on <severity>  exit 1 on findings of this severity or above: ${auditSeverities.join(', ')}
                        (default low)
  --format <format>     human (default), json or sarif
  -h, --help            show this help

Checks:
${auditChecks.map((check) => `  ${check.code.padEnd(34)}${check.severity}`).join('\n')}

Examples:
  connect-policy audit agent.json
  connect-policy audit admin.json --instance a1b2c3d4-0000-4000-8000-000000000001 --format sarif
  connect-policy audit role/*.json --check delete-instance,emergency-admin-access --fail-on high

Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage error, an unreadable
file or a policy AWS would reject.
`

const formats = ['human', 'json', 'sarif'] as const

/** SARIF's level of an audit severity: an error for what is critical or high, a warning below. */
function sarifLevel(severity: AuditSeverity): 'error' | 'warning' {
  return severity === 'critical' || severity === 'high' ? 'error' : 'warning'
}

/** A finding as a SARIF result at the statement that allows its witness. */
function findingResult(finding: AuditFinding, cwd: string, ruleIndex: number): Result {
  const statement = finding.witness.deciding[0]
  return {
    ruleId: finding.code,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    ...(statement === undefined
      ? {}
      : {
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactUri(statement.policyName, cwd),
                region: toRegion(statement.range),
              },
            },
          ],
        }),
    properties: {
      severity: finding.severity,
      witness: finding.witness.request,
      decision: finding.witness.decision,
      actions: finding.actions,
    },
  }
}

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArguments(
    args,
    {
      instance: { type: 'string', multiple: true },
      account: { type: 'string', multiple: true },
      check: { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      format: { type: 'string' },
    },
    true,
  )
  const format = oneOf('format', values.format, formats, 'human')
  const failOn = oneOf('fail-on', values['fail-on'], auditSeverities, 'low')
  if (positionals.length === 0) {
    throw new UsageError('no policy given: `connect-policy audit <file>...`')
  }
  const checks = commaList(values.check)
  const [set] = await readPolicySets([positionals], io)
  const catalog = awsCatalog()
  const report = auditPolicySet(set, {
    catalog,
    ...(checks.length === 0 ? {} : { checks }),
    instances: values.instance ?? [],
    accounts: values.account ?? [],
  })
  if (report.errors !== undefined) throw analysisErrors(report.errors)
  const threshold = auditSeverities.indexOf(failOn)
  const failing = report.findings.filter(
    (finding) => auditSeverities.indexOf(finding.severity) <= threshold,
  )
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  } else if (format === 'sarif') {
    const ran = auditChecks.filter((check) => report.checks.some((c) => c.code === check.code))
    const rules = ran.map((check) => ({
      id: check.code,
      name: check.title,
      shortDescription: { text: check.question },
      fullDescription: { text: check.risk },
      help: { text: check.fix },
      helpUri: check.source.url,
      defaultConfiguration: { level: sarifLevel(check.severity) },
      properties: { tags: ['security', check.category], severity: check.severity },
    }))
    const results = report.findings.map((finding) =>
      findingResult(
        finding,
        io.cwd,
        ran.findIndex((check) => check.code === finding.code),
      ),
    )
    const log = sarifLog(
      { toolVersion: version, source: catalog.source, cwd: io.cwd },
      rules,
      results,
    )
    io.stdout.write(`${JSON.stringify(log, null, 2)}\n`)
  } else {
    const style = createStyle(useColor(io))
    const colour = (severity: AuditSeverity, text: string) =>
      sarifLevel(severity) === 'error'
        ? style.red(text)
        : severity === 'medium'
          ? style.yellow(text)
          : text
    const out: string[] = []
    for (const finding of report.findings) {
      out.push(
        `${colour(finding.severity, finding.severity)} ${style.bold(finding.code)}: ${finding.message}`,
      )
      out.push(`  ${finding.source.url}`)
    }
    for (const check of report.checks) {
      if (check.status === 'unknown' || check.status === 'skipped') {
        out.push(style.yellow(`${check.status} ${check.code}: ${check.reasons.join('; ')}`))
      }
    }
    const passed = report.checks.filter((check) => check.status === 'pass').length
    out.push(
      `${report.findings.length} findings (${failing.length} at or above ${failOn}); ${passed} of ${report.checks.length} checks passed`,
    )
    io.stdout.write(`${out.join('\n')}\n`)
  }
  return failing.length > 0 ? exitCodes.failure : exitCodes.success
}

/** `connect-policy audit`: the Amazon Connect checks, each finding with a request. */
export const audit = defineCommand(auditHelp, run)
