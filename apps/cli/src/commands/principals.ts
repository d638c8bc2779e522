import { auditPolicySet, auditSeverities } from '@connect-policy/audit'
import { awsCatalog } from '@connect-policy/catalog'
import {
  type AccountPrincipal,
  principalAccess,
  principalPolicySet,
  type ReadSource,
} from '@connect-policy/sources'
import { commaList, defineCommand, oneOf, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import { stdinName } from '../read-input.ts'
import { readSources } from '../read-sources.ts'
import { readContextOptions } from '../request-options.ts'

export const principalsHelp = `Usage: connect-policy principals <export...> [options]

The users, groups and roles of an account, read from \`aws iam get-account-authorization-details\`
output, each with the policies that apply to it. With --action, which users and roles can make
the request, decided by their own policies and permissions boundary as AWS decides; with
--audit, the Amazon Connect audit of each user and role.

Options:
  --action <action>     the request's action, such as connect:DeleteInstance
  --resource <arn>      the request's resource (default *); may repeat
  --context <k=v>       a request context key and value; may repeat
  --audit               audit each user and role (the checks of \`connect-policy audit\`)
  --instance <id>       for --audit: an instance the policies are meant for; may repeat
  --check <code>        for --audit: run only these checks; may repeat
  --fail-on <severity>  for --audit: exit 1 on findings this severe or more (default high)
  --format <format>     human (default) or json
  -h, --help            show this help

Examples:
  connect-policy principals authorization-details.json
  connect-policy principals authorization-details.json --action connect:DeleteInstance \\
    --resource arn:aws:connect:us-east-1:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333
  connect-policy principals authorization-details.json --audit --fail-on critical

The export holds no service control, resource or session policies: an Allow is what a
principal's own policies allow. Where a managed policy the export lacks could allow the request,
the answer is unknown.

Exit codes: 0 answered (--audit: no finding at or above --fail-on); 1 --audit findings at or
above it; 2 usage error, or a file that is not an account export.
`

const formats = ['human', 'json'] as const

function describePrincipal(principal: AccountPrincipal): string {
  const policies = `${principal.identityPolicies.length} ${principal.identityPolicies.length === 1 ? 'policy' : 'policies'}`
  const boundary = principal.permissionsBoundary === undefined ? '' : ', a permissions boundary'
  const missing =
    principal.missingPolicies.length === 0
      ? ''
      : `, ${principal.missingPolicies.length} not in the export`
  return `${principal.kind.padEnd(5)} ${principal.name}: ${policies}${boundary}${missing}`
}

/** `connect-policy principals`: an account's principals, who can make a request, and their audits. */
export const principals = defineCommand(principalsHelp, async (args, io) => {
  const { values, positionals } = parseArguments(
    args,
    {
      action: { type: 'string' },
      resource: { type: 'string', multiple: true },
      context: { type: 'string', multiple: true },
      audit: { type: 'boolean' },
      instance: { type: 'string', multiple: true },
      check: { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      format: { type: 'string' },
    },
    true,
  )
  const format = oneOf('format', values.format, formats, 'human')
  const failOn = oneOf('fail-on', values['fail-on'], auditSeverities, 'high')
  if (positionals.length === 0) throw new UsageError('no account export given')
  if (values.action !== undefined && values.audit === true) {
    throw new UsageError('`--action` and `--audit` answer different questions: give one')
  }
  const read = await readSources(positionals, io, {}, { stdinName })
  const [unreadable, ...more] = read.unreadable
  if (unreadable !== undefined) throw new UsageError(unreadable, ...more)
  const exports: ReadSource[] = read.sources.filter(
    (source) => source.format === 'authorization-details',
  )
  const other = read.sources.find((source) => source.format !== 'authorization-details')
  if (other !== undefined || exports.length === 0) {
    throw new UsageError(
      `\`${other?.name ?? positionals.join(' ')}\` is not \`aws iam get-account-authorization-details\` output`,
    )
  }
  const catalog = awsCatalog()
  const out: string[] = []
  const json: unknown[] = []
  let failing = 0
  for (const source of exports) {
    if (values.action !== undefined) {
      const request = {
        action: values.action,
        resource: values.resource ?? ['*'],
        context: readContextOptions(values.context ?? []),
      }
      const answers = principalAccess(source, request, { catalog })
      for (const answer of answers) {
        const decidingAll =
          answer.result.errors === undefined ? answer.result.explanation.deciding : []
        const deciding = decidingAll[0]
        const why =
          answer.reason ??
          (deciding === undefined
            ? ''
            : `${deciding.policyName}${deciding.sid === undefined ? '' : ` (${deciding.sid})`}`)
        out.push(
          `${answer.decision.padEnd(12)} ${answer.principal.kind.padEnd(5)} ${answer.principal.name}${why === '' ? '' : `: ${why}`}`,
        )
        json.push({
          file: source.name,
          principal: answer.principal,
          decision: answer.decision,
          reason: answer.reason,
          deciding: decidingAll,
        })
      }
      const allowed = answers.filter((answer) => answer.decision === 'Allow').length
      out.push(
        `${allowed} of ${answers.length} users and roles of ${source.name} can call ${values.action}`,
      )
    } else if (values.audit === true) {
      const checks = commaList(values.check)
      const threshold = auditSeverities.indexOf(failOn)
      for (const principal of source.principals.filter((entry) => entry.kind !== 'group')) {
        const { set } = principalPolicySet(source, principal)
        const report = auditPolicySet(set, {
          catalog,
          instances: values.instance ?? [],
          ...(checks.length === 0 ? {} : { checks }),
        })
        if (report.errors !== undefined) {
          out.push(
            `${principal.kind} ${principal.name}: cannot be audited: ${report.errors.map((error) => error.message).join('; ')}`,
          )
          json.push({ file: source.name, principal, errors: report.errors })
          continue
        }
        const failed = report.checks
          .filter((check) => check.status === 'fail')
          .map((check) => `${check.code} (${check.severity})`)
        failing += report.findings.filter(
          (finding) => auditSeverities.indexOf(finding.severity) <= threshold,
        ).length
        out.push(
          `${principal.kind} ${principal.name}: ${failed.length === 0 ? 'every check passed' : `fails ${failed.join(', ')}`}`,
        )
        json.push({
          file: source.name,
          principal,
          checks: report.checks,
          findings: report.findings,
        })
      }
    } else {
      for (const principal of source.principals) {
        out.push(describePrincipal(principal))
        json.push({ file: source.name, principal })
      }
    }
  }
  io.stdout.write(format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : `${out.join('\n')}\n`)
  return failing > 0 ? exitCodes.failure : exitCodes.success
})
