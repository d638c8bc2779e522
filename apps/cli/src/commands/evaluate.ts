import { awsCatalog } from '@connect-policy/catalog'
import {
  type AuthorizationRequest,
  type Decision,
  type DecisionValue,
  evaluate as decide,
  type EvaluationError,
  type NamedPolicy,
  type PolicySet,
} from '@connect-policy/core'
import { commaList, defineCommand, oneOf, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import { renderDecisionHuman } from '../format/explanation-human.ts'
import { renderProblem } from '../format/findings-human.ts'
import { splitLines } from '../format/snippet.ts'
import { createStyle, useColor } from '../format/style.ts'
import type { Io } from '../io.ts'
import { type InputText, readInputs, stdinName } from '../read-input.ts'
import { readContextOptions, readRequestFile, readTimeOption } from '../request-options.ts'

export const evaluateHelp = `Usage: connect-policy evaluate --policy <file>... --action <action> --resource <arn>... [options]
       connect-policy evaluate --policy <file>... --request <file.json> [options]

Decides one request against a set of policies the way AWS does (an explicit Deny wins; every
resource of a multi-resource action must be allowed) and prints the decision with the
statements that decided it, and the findings beside it: what the AWS service reference says of
the request (an unknown action, a resource the action needs left out, ...) and Allow entries
that match nothing as written. Findings are warnings: they never change the decision nor the
exit code. \`-\` reads one of the files from standard input.

Policies (each file holds one policy):
  --policy <file>           an identity-based policy of the principal; may repeat
  --resource-policy <file>  the resource-based policy of the resource
  --boundary <file>         the permissions boundary of the principal
  --session-policy <file>   the session policy of the principal's session
  --scp <file[,file...]>    service control policies, one option per organization level from
                            the root down to the account; files of one level separated by commas.
                            Every level must allow, so a deny-list SCP needs FullAWSAccess
                            beside it, as in AWS
  --rcp <file[,file...]>    resource control policies, one option per level likewise

Request:
  --action <action>         the action, such as connect:CreateUser
  --resource <arn>          a resource the action is authorized against; may repeat for actions
                            authorized against several (connect:CreateUser); * for actions that
                            take no resource
  --principal <arn>         the caller's ARN (or account ID); fills aws:PrincipalArn and the like
  --context <key=value>     a request context key; may repeat. A key given several times, or
                            written key[]=value, is multi-valued (key[]= alone: no values).
                            Values are text: numbers (3600), booleans (true), dates (ISO 8601 or
                            epoch seconds) and IP addresses are written as the condition
                            operators read them
  --time <time>             when the request is made: ISO 8601 or epoch seconds
  --request <file.json>     the request as JSON instead: {"action", "resource", "principal",
                            "context", "time"}; context values may be strings, numbers, booleans
                            or lists of them

Output:
  --explain                 every policy layer's verdict, and every statement with every element
                            it checked: why it applied or did not
  --expect <decision>       exit with 1 unless the decision is: allow, deny (either kind),
                            explicit-deny, implicit-deny
  --format <format>         human (default) or json (with the findings beside the decision)
  -h, --help                show this help

Examples:
  connect-policy evaluate --policy agent.json --action connect:DescribeUser \\
    --resource arn:aws:connect:us-east-1:123456789012:instance/abc/agent/def --explain
  connect-policy evaluate --policy admin.json --action connect:CreateUser \\
    --resource arn:aws:connect:us-east-1:123456789012:instance/abc/agent/def \\
    --resource arn:aws:connect:us-east-1:123456789012:instance/abc/security-profile/ghi \\
    --resource arn:aws:connect:us-east-1:123456789012:instance/abc/routing-profile/jkl \\
    --expect deny
  connect-policy evaluate --policy role.json --scp root.json --scp workloads.json \\
    --action connect:StartContactRecording --resource '*' \\
    --context aws:RequestedRegion=us-east-1 --context aws:PrincipalTag/team=support
  connect-policy evaluate --policy role.json --request request.json --format json

Exit codes: 0 decided (and as --expect says), whatever the findings; 1 not as --expect says;
2 usage error, unreadable file, a policy AWS would reject (or a Deny whose value cannot be read)
or a malformed request.
`

const formats = ['human', 'json'] as const
const expectations = ['allow', 'deny', 'explicit-deny', 'implicit-deny'] as const
type Expected = (typeof expectations)[number]

function meets(decision: DecisionValue, expected: Expected): boolean {
  switch (expected) {
    case 'allow':
      return decision === 'Allow'
    case 'deny':
      return decision !== 'Allow'
    case 'explicit-deny':
      return decision === 'ExplicitDeny'
    case 'implicit-deny':
      return decision === 'ImplicitDeny'
  }
}

const requestOptions = ['action', 'resource', 'principal', 'context', 'time'] as const

/** Where each policy file goes in the set. */
interface PolicyPaths {
  readonly identity: readonly string[]
  readonly resource?: string
  readonly boundary?: string
  readonly session?: string
  readonly serviceControl: readonly (readonly string[])[]
  readonly resourceControl: readonly (readonly string[])[]
}

function levels(option: string, values: readonly string[] | undefined): string[][] {
  return (values ?? []).map((value) => {
    const files = commaList([value])
    if (files.length === 0) throw new UsageError(`\`--${option}\` names no policy file`)
    return files
  })
}

function allPaths(paths: PolicyPaths): string[] {
  return [
    ...paths.identity,
    ...(paths.resource === undefined ? [] : [paths.resource]),
    ...(paths.boundary === undefined ? [] : [paths.boundary]),
    ...(paths.session === undefined ? [] : [paths.session]),
    ...paths.serviceControl.flat(),
    ...paths.resourceControl.flat(),
  ]
}

/** The policy set with every policy named after its file, so explanations point at files. */
function policySet(paths: PolicyPaths, inputs: ReadonlyMap<string, InputText>): PolicySet {
  const named = (path: string): NamedPolicy => {
    const input = inputs.get(path)
    if (input === undefined) throw new Error(`policy \`${path}\` was not read`)
    return { name: input.name, policy: input.text }
  }
  return {
    identityPolicies: paths.identity.map(named),
    ...(paths.resource === undefined ? {} : { resourcePolicy: named(paths.resource) }),
    ...(paths.boundary === undefined ? {} : { permissionsBoundary: named(paths.boundary) }),
    ...(paths.session === undefined ? {} : { sessionPolicy: named(paths.session) }),
    serviceControlPolicies: paths.serviceControl.map((level) => level.map(named)),
    resourceControlPolicies: paths.resourceControl.map((level) => level.map(named)),
  }
}

/** A path as a shell reads it back: quoted when it holds anything but plain characters. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`
}

/** Each policy file's `--policy-type` for `validate`, by the option it was given with. */
function policyKinds(paths: PolicyPaths): Map<string, string> {
  const kinds = new Map<string, string>()
  const add = (kind: string, files: readonly string[]) => {
    for (const file of files) if (!kinds.has(file)) kinds.set(file, kind)
  }
  add('identity', paths.identity)
  add('resource', paths.resource === undefined ? [] : [paths.resource])
  add('permissions-boundary', paths.boundary === undefined ? [] : [paths.boundary])
  add('session', paths.session === undefined ? [] : [paths.session])
  add('scp', paths.serviceControl.flat())
  add('rcp', paths.resourceControl.flat())
  return kinds
}

/**
 * Why nothing could be decided, for standard error: a malformed request in one line; a policy
 * AWS would reject with each of its problems under the line it is on.
 */
function renderErrors(
  errors: readonly EvaluationError[],
  texts: ReadonlyMap<string, string>,
  kinds: ReadonlyMap<string, string>,
): string {
  const style = createStyle(false)
  const out: string[] = []
  for (const error of errors) {
    out.push(`error: ${error.message}`)
    const name = error.policyName ?? ''
    const lines = splitLines(texts.get(name) ?? '')
    for (const diagnostic of error.diagnostics) {
      out.push(...renderProblem(diagnostic, name, lines, style.red, style))
    }
    if (error.source === 'policy' && error.policyName !== undefined) {
      const kind = kinds.get(error.policyName) ?? 'identity'
      const type = kind === 'identity' ? '' : ` --policy-type ${kind}`
      const path = error.policyName === stdinName ? '-' : shellWord(error.policyName)
      out.push(
        `  help: \`connect-policy validate${type} ${path}\` reports every problem with a fix`,
      )
    }
  }
  return `${out.join('\n')}\n`
}

function readRequest(
  values: Readonly<Partial<Record<(typeof requestOptions)[number] | 'request', string | string[]>>>,
  inputs: ReadonlyMap<string, InputText>,
): AuthorizationRequest {
  if (values.request !== undefined) {
    const given = requestOptions.filter((name) => values[name] !== undefined)
    if (given.length > 0) {
      throw new UsageError(
        `\`--request\` cannot be combined with ${given.map((name) => `\`--${name}\``).join(', ')}: put them in the request file`,
      )
    }
    const input = inputs.get(String(values.request))
    if (input === undefined) throw new Error('the request file was not read')
    return readRequestFile(input)
  }
  const { action, resource, principal, context, time } = values
  if (typeof action !== 'string') {
    throw new UsageError('`--action` is needed, or `--request <file.json>`')
  }
  if (resource === undefined || resource.length === 0) {
    throw new UsageError(
      '`--resource` is needed, or `--request <file.json>`: give `*` for an action that takes no resource',
    )
  }
  const contextValues = readContextOptions(
    context === undefined ? [] : Array.isArray(context) ? context : [context],
  )
  const resources = Array.isArray(resource) ? resource : [resource]
  const [only, ...more] = resources
  return {
    action,
    resource: only !== undefined && more.length === 0 ? only : resources,
    ...(typeof principal === 'string' ? { principal } : {}),
    ...(Object.keys(contextValues).length > 0 ? { context: contextValues } : {}),
    ...(typeof time === 'string' ? { time: readTimeOption(time) } : {}),
  }
}

/** The explanation without the statement traces, which only `--explain` asks for. */
function withoutTraces(result: Decision) {
  return {
    ...result.explanation,
    resources: result.explanation.resources.map(
      ({ statements: _, omittedStatements: __, ...entry }) => entry,
    ),
  }
}

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseArguments(
    args,
    {
      policy: { type: 'string', multiple: true },
      'resource-policy': { type: 'string' },
      boundary: { type: 'string' },
      'session-policy': { type: 'string' },
      scp: { type: 'string', multiple: true },
      rcp: { type: 'string', multiple: true },
      action: { type: 'string' },
      resource: { type: 'string', multiple: true },
      principal: { type: 'string' },
      context: { type: 'string', multiple: true },
      time: { type: 'string' },
      request: { type: 'string' },
      explain: { type: 'boolean' },
      expect: { type: 'string' },
      format: { type: 'string' },
    },
    false,
  )
  const format = oneOf('format', values.format, formats, 'human')
  const expected =
    values.expect === undefined ? undefined : oneOf('expect', values.expect, expectations, 'allow')
  const explain = values.explain === true
  const paths: PolicyPaths = {
    identity: values.policy ?? [],
    ...(values['resource-policy'] === undefined ? {} : { resource: values['resource-policy'] }),
    ...(values.boundary === undefined ? {} : { boundary: values.boundary }),
    ...(values['session-policy'] === undefined ? {} : { session: values['session-policy'] }),
    serviceControl: levels('scp', values.scp),
    resourceControl: levels('rcp', values.rcp),
  }
  const policyPaths = allPaths(paths)
  if (policyPaths.length === 0) {
    throw new UsageError(
      'no policy given: name one with `--policy <file>` (or another policy option)',
    )
  }
  const files = [
    ...new Set([...policyPaths, ...(values.request === undefined ? [] : [values.request])]),
  ]
  const read = await readInputs(files, io)
  // every path was read, in order, or `readInputs` threw
  const inputs = new Map<string, InputText>()
  files.forEach((path, index) => {
    const input = read[index]
    if (input !== undefined) inputs.set(path, input)
  })
  const request = readRequest(values, inputs)
  // one request: the direct reading, whose traces point at the element that did not match; with
  // the service reference, `connect:InstanceId` is derived only for the actions it lists the key
  // for, and the result has findings about the request
  const result = decide(request, policySet(paths, inputs), { catalog: awsCatalog() })
  if (result.errors !== undefined) {
    const texts = new Map(read.map((input) => [input.name, input.text]))
    const kinds = new Map(
      [...policyKinds(paths)].map(([path, kind]) => [inputs.get(path)?.name ?? path, kind]),
    )
    io.stderr.write(renderErrors(result.errors, texts, kinds))
    return exitCodes.usage
  }
  const met = expected === undefined ? undefined : meets(result.decision, expected)
  if (format === 'json') {
    const report = {
      request,
      decision: result.decision,
      findings: result.findings,
      ...(result.omittedFindings === undefined ? {} : { omittedFindings: result.omittedFindings }),
      ...(expected === undefined ? {} : { expect: expected, expectationMet: met }),
      explanation: explain ? result.explanation : withoutTraces(result),
    }
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  } else {
    const heading = {
      action: request.action,
      ...(request.principal === undefined ? {} : { principal: request.principal }),
    }
    io.stdout.write(renderDecisionHuman(heading, result, explain, createStyle(useColor(io))))
  }
  if (met === false) {
    io.stderr.write(`expected \`${expected}\`, but the decision is \`${result.decision}\`\n`)
    return exitCodes.failure
  }
  return exitCodes.success
}

/** `connect-policy evaluate`: the decision on one request, explained on demand, checked with `--expect`. */
export const evaluate = defineCommand(evaluateHelp, run)
