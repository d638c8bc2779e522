import {
  createPositionMap,
  type PositionMap,
  parseJson,
  type SourceRange,
} from '@connect-policy/core'
import { type TerraformModule, terraformModules } from './findings/terraform-suppressions.ts'
import {
  type AccountPrincipal,
  isAuthorizationDetails,
  readAuthorizationDetails,
  readSinglePolicy,
  singlePolicyShape,
} from './formats/account.ts'
import { isCloudFormation, readCloudFormation } from './formats/cloudformation.ts'
import { cloudFormationValues, type TemplateValues } from './formats/cloudformation-values.ts'
import {
  type FoundPolicy,
  type SourceFormat,
  type SourceProblem,
  sourceFormatNames,
} from './formats/found-policy.ts'
import { policyProjection } from './formats/policy-node.ts'
import { readTerraform, terraformShape } from './formats/terraform.ts'
import { wholeFileProjection } from './project/projection.ts'
import { readYaml, type SourceComment, yamlComments } from './tree/read-yaml.ts'
import { member, type SourceNode } from './tree/source-node.ts'

/** A file's name (as the user wrote its path) and text. */
export interface SourceFile {
  readonly name: string
  readonly text: string
}

export interface ReadSourceOptions extends TemplateValues {}

/** What a file holds: its format, its policies with the way back into it, and its principals. */
export interface ReadSource {
  readonly name: string
  /** Undefined when the file is none of the formats read (`problems` says so). */
  readonly format?: SourceFormat
  /** The file's text without its byte order mark: every range is in it. */
  readonly text: string
  readonly positions: PositionMap
  readonly policies: readonly FoundPolicy[]
  /** For an account export: each user, group and role with its policies. */
  readonly principals: readonly AccountPrincipal[]
  readonly problems: readonly SourceProblem[]
  /** The file's comments, where its format has them (YAML), for suppressions. */
  readonly comments: readonly SourceComment[]
  /** Whether the file's syntax is JSON, so that a fix written as JSON can be applied to it. */
  readonly json: boolean
  /**
   * For a Terraform plan or state, the modules its configuration calls with their sources, so
   * that the `.tf` files' suppression comments can be read (`terraformSuppressions`).
   */
  readonly terraformModules?: readonly TerraformModule[]
}

const policyElements = ['Version', 'Statement', 'Id']

/** What none of the formats is, in one sentence that says what is read. */
function unrecognized(name: string): string {
  return `\`${name}\` is none of the files connect-policy reads: an IAM policy, a CloudFormation or CDK template (JSON or YAML), a Terraform plan or state (\`terraform show -json\`), or the output of \`aws iam get-account-authorization-details\`, \`get-policy-version\` or \`get-role-policy\``
}

/**
 * Reads a file that holds policies, recognising its format by its content, never by its name:
 * a policy, a CloudFormation or CDK template (JSON or YAML with short intrinsic tags), a
 * Terraform plan or state, an account's authorization details, a `get-policy-version` or
 * `get-role-policy` output. A byte order mark is dropped and CRLF line ends are read as ends;
 * every range points into the file as the user sees it. Never throws: a file that cannot be read
 * has a problem saying why.
 */
export function readSource(file: SourceFile, options: ReadSourceOptions = {}): ReadSource {
  const name = typeof file?.name === 'string' ? file.name : '<input>'
  const raw = typeof file?.text === 'string' ? file.text : ''
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  const positions = createPositionMap(text)
  const base = { name, text, positions, principals: [], comments: [] as SourceComment[] }
  const whole: SourceRange = positions.range(0, Math.min(text.length, 1))
  const problem = (code: SourceProblem['code'], message: string, range = whole): ReadSource => ({
    ...base,
    policies: [],
    problems: [{ code, severity: 'error', message, range }],
    json: false,
  })
  if (typeof file?.text !== 'string')
    return problem(
      'unreadable-file',
      `\`${name}\` is not text (${file?.text === null ? 'null' : typeof file?.text})`,
    )
  const first = text.trimStart()[0]
  const looksJson = first === '{' || first === '['
  let root: SourceNode | undefined
  let json = looksJson
  let jsonBroken = false
  if (looksJson) {
    const parsed = parseJson(text)
    root = parsed.value
    jsonBroken = parsed.diagnostics.length > 0
  }
  let comments: SourceComment[] = []
  if (text.trim() === '') {
    return problem(
      'unrecognized-file',
      `\`${name}\` is empty: ${unrecognized(name).split(': ').slice(1).join(': ')}`,
    )
  }
  // a text that opens as JSON is read as JSON, however broken: the validator says where
  if (!looksJson) {
    const yaml = readYaml(text)
    const [error] = yaml.errors
    if (error !== undefined) {
      const at = Math.min(error.offset, text.length)
      return problem(
        'unreadable-file',
        `\`${name}\` cannot be read as YAML: ${error.message}`,
        positions.range(Math.max(0, Math.min(at, text.length - 1)), Math.min(at + 1, text.length)),
      )
    }
    root = yaml.value
    json = false
    comments = yamlComments(text)
  }
  if (root === undefined) return problem('unrecognized-file', unrecognized(name))
  const done = (
    format: SourceFormat,
    read: { policies: FoundPolicy[]; problems: SourceProblem[]; principals?: AccountPrincipal[] },
  ): ReadSource => ({
    ...base,
    format,
    comments,
    json,
    policies: read.policies,
    problems: read.problems,
    principals: read.principals ?? [],
  })
  if (root.kind === 'object') {
    if (isCloudFormation(root))
      return done('cloudformation', readCloudFormation(root, text, cloudFormationValues(options)))
    const terraform = terraformShape(root)
    if (terraform !== undefined) {
      return {
        ...done(terraform, readTerraform(root, text, terraform)),
        terraformModules: terraformModules(root),
      }
    }
    if (isAuthorizationDetails(root))
      return done('authorization-details', readAuthorizationDetails(root, text))
    const single = singlePolicyShape(root)
    if (single !== undefined) return done(single, readSinglePolicy(root, text, single))
  }
  const isPolicy =
    (root.kind === 'object' &&
      (root.members.length === 0 ||
        policyElements.some((element) => member(root, element) !== undefined))) ||
    (looksJson && jsonBroken)
  if (!isPolicy) return { ...problem('unrecognized-file', unrecognized(name)), comments }
  const range = positions.range(0, text.length)
  // a policy written as JSON is validated as written, so every finding and fix is exact
  const projection = json ? wholeFileProjection(text) : policyProjection(root, text)
  if (projection === undefined) return problem('unrecognized-file', unrecognized(name))
  return done('policy', {
    policies: [{ path: '', label: 'policy', policyType: 'identity', range, projection }],
    problems: [],
  })
}

export { sourceFormatNames }

/** Whether a value is what `readSource` returns, as far as validating it reads. */
export function isReadSource(read: unknown): read is ReadSource {
  if (typeof read !== 'object' || read === null) return false
  const value = read as Partial<Record<keyof ReadSource, unknown>>
  return (
    typeof value.text === 'string' &&
    Array.isArray(value.policies) &&
    Array.isArray(value.comments) &&
    typeof (value.positions as { range?: unknown } | undefined)?.range === 'function' &&
    value.policies.every(
      (policy: unknown) =>
        typeof policy === 'object' &&
        policy !== null &&
        typeof (policy as FoundPolicy).path === 'string' &&
        typeof (policy as FoundPolicy).label === 'string',
    )
  )
}
