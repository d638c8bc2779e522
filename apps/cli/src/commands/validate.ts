import { awsCatalog } from '@connect-policy/catalog'
import { findingSeverities, unknownFindingCode } from '@connect-policy/core'
import { readBaseline } from '../baseline.ts'
import {
  type CheckedFile,
  type CheckOptions,
  checkSources,
  failing,
  unreadableFiles,
} from '../check-sources.ts'
import { type Config, pathSuppressions, readConfig } from '../ci-config.ts'
import { commaList, defineCommand, oneOf, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import { type FileFindings, renderFindingsHuman } from '../format/findings-human.ts'
import { toValidateReport } from '../format/findings-json.ts'
import { toSarif } from '../format/findings-sarif.ts'
import { createStyle, useColor } from '../format/style.ts'
import type { Io } from '../io.ts'
import { readPolicyType } from '../policy-types.ts'
import { stdinName } from '../read-input.ts'
import { version } from '../version.ts'

export const validateHelp = `Usage: connect-policy validate [options] <file|folder...|->

Reports every problem of every policy in each file with its line and column in that file, a
stable code, a severity and, where there is one, a fix. A file is recognised by its content: an
IAM policy, a CloudFormation or CDK template (JSON or YAML), a Terraform plan or state
(\`terraform show -json\`), \`aws iam get-account-authorization-details\`, \`get-policy-version\`
or \`get-role-policy\` output. A folder is searched to any depth. \`-\` reads standard input.

Options:
  --format <format>       human (default), json, or sarif (SARIF 2.1.0, for code scanning)
  --policy-type <type>    what a file holding one policy is attached as: identity (default),
                          resource, permissions-boundary, session, scp, rcp (or as the API names
                          them: permissionsBoundary, serviceControl, resourceControl); templates,
                          plans and exports say it of each of their policies
  --fail-on <severity>    exit with 1 when a finding is this grave or graver: error (default),
                          security-warning, warning, suggestion
  --suppress <codes>      finding codes not to report, comma-separated; may repeat
  --include <glob>        files a folder is searched for (default: *.json, *.yaml, *.yml,
                          *.template, *.tfstate at any depth); may repeat
  --exclude <glob>        files or folders never read (node_modules, .git and .terraform never
                          are); may repeat
  --baseline <file>       report only findings that file (from \`connect-policy baseline\`) lacks
  --config <file>         settings (default: connect-policy.config.json, if there is one)
  --parameter <N=V>       a template parameter's value, or a pseudo parameter's
                          (AWS::AccountId=111122223333); may repeat
  --ignore-unrecognized   leave out a named file that is none of the formats, as a folder's
                          files are (for hooks that hand over every changed file)
  --stdin-name <name>     the name to report standard input under (default: ${stdinName})
  -h, --help              show this help

Severities, gravest first: error (AWS rejects the policy, or a part of it can never do
anything), security-warning (it grants more than it seems to), warning (it probably does not
do what was meant), suggestion (a clean-up). In a YAML file, a comment
\`# connect-policy-ignore: <codes>\` suppresses them on its line, or, on a line of its own, in
what the next line starts; for a Terraform plan or state, the same comment in the \`.tf\` files
beside it, above or inside a resource, suppresses them in that resource's policies.

Examples:
  connect-policy validate policy.json
  connect-policy validate --fail-on security-warning policies/*.json
  cat policy.json | connect-policy validate -
  connect-policy validate --format sarif policies/*.json > connect-policy.sarif
  connect-policy validate --policy-type scp --suppress redundant-action,redundant-resource scp.json
  connect-policy validate template.yaml cdk.out terraform-plan.json
  connect-policy validate --baseline connect-policy.baseline.json .

Exit codes: 0 no finding at or above --fail-on, 1 some, 2 usage error, or a file that cannot be
read or is none of the formats (every other file is still checked).
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

/** `--parameter Name=Value`, repeated: values of template parameters. */
export function readParameters(values: readonly string[] | undefined): Record<string, string> {
  const parameters: Record<string, string> = {}
  for (const value of values ?? []) {
    const equals = value.indexOf('=')
    if (equals <= 0) throw new UsageError(`\`--parameter\`: write \`Name=Value\`, not \`${value}\``)
    parameters[value.slice(0, equals)] = value.slice(equals + 1)
  }
  return parameters
}

/** The options `validate` and `baseline` share: what to read and how to judge it. */
export const sourceOptions = {
  'policy-type': { type: 'string' },
  suppress: { type: 'string', multiple: true },
  'stdin-name': { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  config: { type: 'string' },
  parameter: { type: 'string', multiple: true },
  'ignore-unrecognized': { type: 'boolean' },
} as const

/** Reads the shared options and the config file into what `checkSources` takes. */
export async function readCheckOptions(
  values: {
    readonly 'policy-type'?: string | undefined
    readonly suppress?: string[] | undefined
    readonly 'stdin-name'?: string | undefined
    readonly include?: string[] | undefined
    readonly exclude?: string[] | undefined
    readonly config?: string | undefined
    readonly parameter?: string[] | undefined
    readonly 'ignore-unrecognized'?: boolean | undefined
  },
  io: Io,
): Promise<{ readonly options: Omit<CheckOptions, 'baseline'>; readonly config: Config }> {
  const config = await readConfig(io, values.config)
  const policyType = readPolicyType('policy-type', values['policy-type'] ?? config.policyType)
  const include = values.include ?? config.include
  const exclude = [...(config.exclude ?? []), ...(values.exclude ?? [])]
  return {
    config,
    options: {
      policyType,
      suppress: readSuppressed(values.suppress),
      selection: {
        ...(include === undefined ? {} : { include }),
        exclude,
        ignoreUnrecognized: values['ignore-unrecognized'] === true,
      },
      parameters: { ...config.parameters, ...readParameters(values.parameter) },
      stdinName: values['stdin-name'] ?? stdinName,
      pathSuppressions: pathSuppressions(config),
    },
  }
}

/** Files of the run as the formatters take them: a finding's message names its policy in a file of several. */
export function fileFindings(files: readonly CheckedFile[]): FileFindings[] {
  return files.map(({ source, findings }) => ({
    input: { name: source.name, text: source.text },
    findings:
      source.format === 'policy'
        ? findings
        : findings.map((finding) => ({
            ...finding,
            message: `${finding.policyLabel}: ${finding.message}`,
          })),
    problems: source.problems,
  }))
}

/** `connect-policy validate`: findings for each file, in the format asked for. */
export const validate = defineCommand(validateHelp, async (args, io) => {
  const { values, positionals } = parseArguments(
    args,
    {
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      baseline: { type: 'string' },
      ...sourceOptions,
    },
    true,
  )
  const format = oneOf('format', values.format, formats, 'human')
  const { options, config } = await readCheckOptions(values, io)
  const failOn = oneOf('fail-on', values['fail-on'] ?? config.failOn, findingSeverities, 'error')
  const baselinePath = values.baseline ?? config.baseline
  const baseline = baselinePath === undefined ? undefined : await readBaseline(io, baselinePath)
  if (positionals.length === 0) {
    throw new UsageError('no policy file given: name files or folders, or `-` for standard input')
  }
  const checked = await checkSources(positionals, io, {
    ...options,
    ...(baseline === undefined ? {} : { baseline }),
  })
  for (const problem of checked.unreadable) io.stderr.write(`error: ${problem}\n`)
  const files = fileFindings(checked.files)
  const source = awsCatalog().source
  const { policyType } = options
  if (format === 'json') {
    const report = toValidateReport(files, { serviceReference: source, policyType, failOn })
    io.stdout.write(
      `${JSON.stringify({ ...report, unreadable: checked.unreadable, skipped: checked.skipped, ...leftOut(checked.files) }, null, 2)}\n`,
    )
  } else if (format === 'sarif') {
    const log = toSarif(files, { toolVersion: version, source, cwd: io.cwd })
    io.stdout.write(`${JSON.stringify(log, null, 2)}\n`)
  } else {
    io.stdout.write(renderFindingsHuman(files, { source, failOn }, createStyle(useColor(io))))
    const left = leftOut(checked.files)
    const notes = [
      left.suppressed > 0 ? `${left.suppressed} suppressed` : '',
      left.baselined > 0 ? `${left.baselined} in the baseline` : '',
      checked.skipped.length > 0
        ? `${checked.skipped.length} ${checked.skipped.length === 1 ? 'file' : 'files'} holding no policy left out`
        : '',
    ].filter((note) => note !== '')
    if (notes.length > 0) io.stdout.write(`not listed: ${notes.join(', ')}\n`)
  }
  if (checked.unreadable.length > 0 || unreadableFiles(checked.files)) return exitCodes.usage
  return failing(checked.files, failOn) ? exitCodes.failure : exitCodes.success
})

/** How many findings were not listed, and why. */
export function leftOut(files: readonly CheckedFile[]): { suppressed: number; baselined: number } {
  return {
    suppressed: files.reduce((sum, file) => sum + file.suppressed, 0),
    baselined: files.reduce((sum, file) => sum + file.baselined, 0),
  }
}
