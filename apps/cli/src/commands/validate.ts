import { awsCatalog, validatePolicy } from '@connect-policy/catalog'
import { atLeast, findingSeverities, unknownFindingCode } from '@connect-policy/core'
import { commaList, defineCommand, oneOf, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import { type FileFindings, renderFindingsHuman } from '../format/findings-human.ts'
import { toValidateReport } from '../format/findings-json.ts'
import { toSarif } from '../format/findings-sarif.ts'
import { createStyle, useColor } from '../format/style.ts'
import { readPolicyType } from '../policy-types.ts'
import { readInputs, stdinName } from '../read-input.ts'
import { version } from '../version.ts'

export const validateHelp = `Usage: connect-policy validate [options] <file...|->

Reports every problem of each policy file with its line and column, a stable code, a severity
and, where there is one, a fix. \`-\` reads the policy from standard input.

Options:
  --format <format>       human (default), json, or sarif (SARIF 2.1.0, for code scanning)
  --policy-type <type>    what the policies are attached as: identity (default), resource,
                          permissions-boundary, session, scp, rcp (or as the API names them:
                          permissionsBoundary, serviceControl, resourceControl)
  --fail-on <severity>    exit with 1 when a finding is this grave or graver: error (default),
                          security-warning, warning, suggestion
  --suppress <codes>      finding codes not to report, comma-separated; may repeat
  --stdin-name <name>     the name to report standard input under (default: ${stdinName})
  -h, --help              show this help

Severities, gravest first: error (AWS rejects the policy, or a part of it can never do
anything), security-warning (it grants more than it seems to), warning (it probably does not
do what was meant), suggestion (a clean-up).

Examples:
  connect-policy validate policy.json
  connect-policy validate --fail-on security-warning policies/*.json
  cat policy.json | connect-policy validate -
  connect-policy validate --format sarif policies/*.json > connect-policy.sarif
  connect-policy validate --policy-type scp --suppress redundant-action,redundant-resource scp.json

Exit codes: 0 no finding at or above --fail-on, 1 some, 2 usage error or unreadable file.
`

const formats = ['human', 'json', 'sarif'] as const

function readSuppressed(values: readonly string[] | undefined): string[] {
  const codes = commaList(values)
  const [first, ...rest] = codes.flatMap((code) => {
    const unknown = unknownFindingCode(code)
    return unknown === undefined ? [] : [`\`--suppress\`: ${unknown}`]
  })
  if (first !== undefined) throw new UsageError(first, ...rest)
  return codes
}

/** `connect-policy validate`: findings for each file, in the format asked for. */
export const validate = defineCommand(validateHelp, async (args, io) => {
  const { values, positionals } = parseArguments(
    args,
    {
      format: { type: 'string' },
      'policy-type': { type: 'string' },
      'fail-on': { type: 'string' },
      suppress: { type: 'string', multiple: true },
      'stdin-name': { type: 'string' },
    },
    true,
  )
  const format = oneOf('format', values.format, formats, 'human')
  const policyType = readPolicyType('policy-type', values['policy-type'])
  const failOn = oneOf('fail-on', values['fail-on'], findingSeverities, 'error')
  const suppress = readSuppressed(values.suppress)
  if (positionals.length === 0) {
    throw new UsageError('no policy file given: name one or more files, or `-` for standard input')
  }
  const inputs = await readInputs(positionals, io, values['stdin-name'] ?? stdinName)
  const files: FileFindings[] = inputs.map((input) => ({
    input,
    findings: validatePolicy(input.text, { policyType, suppress }),
  }))
  const source = awsCatalog().source
  if (format === 'json') {
    const report = toValidateReport(files, { serviceReference: source, policyType, failOn })
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  } else if (format === 'sarif') {
    const log = toSarif(files, { toolVersion: version, source, cwd: io.cwd })
    io.stdout.write(`${JSON.stringify(log, null, 2)}\n`)
  } else {
    io.stdout.write(renderFindingsHuman(files, { source, failOn }, createStyle(useColor(io))))
  }
  const failing = files.some((file) =>
    file.findings.some((finding) => atLeast(finding.severity, failOn)),
  )
  return failing ? exitCodes.failure : exitCodes.success
})
