import type { Diagnostic, PolicyDocument } from '../model/index.ts'
import { enablesVariables } from '../model/index.ts'
import { kindOf, parsePolicy } from '../parse/index.ts'
import { readDeployTimeValues } from './deploy-time-reading.ts'
import { policyProblems } from './policy-problems.ts'
import type { PolicyType } from './policy-set.ts'
import { readPolicySet } from './policy-set-fields.ts'
import {
  type EvaluationError,
  type EvaluationFinding,
  noFindings,
  type StatementRef,
} from './result.ts'
import { statementRefs } from './statement-ref.ts'
import { type StatementReadability, statementReadability } from './unreadable-statement.ts'

/** A policy of the set, parsed and checked, ready to evaluate. */
export interface PreparedPolicy {
  readonly type: PolicyType
  readonly level?: number
  /** Position among the policies of its type (and level). */
  readonly index: number
  readonly name: string
  readonly document: PolicyDocument
  /** Version 2012-10-17 makes `${...}` policy variables; otherwise they are plain text. */
  readonly variablesEnabled: boolean
}

/** What the policy set holds beyond its statements: which layers exist. */
export interface PolicyLayers {
  readonly hasResourcePolicy: boolean
  readonly hasBoundary: boolean
  readonly hasSessionPolicy: boolean
  readonly serviceControlLevels: number
  readonly resourceControlLevels: number
}

export type PreparedPolicies =
  | {
      readonly policies: readonly PreparedPolicy[]
      readonly layers: PolicyLayers
      /** What every decision on the set reports: Allow entries that match nothing. */
      readonly findings: readonly EvaluationFinding[]
      readonly errors?: never
    }
  | {
      readonly policies?: never
      readonly layers?: never
      readonly findings?: never
      readonly errors: readonly EvaluationError[]
    }

/** What each statement's unreadable values mean for the policy (`statementReadability`). */
function readabilityOf(policy: PreparedPolicy): StatementReadability[] {
  const refs = statementRefs(policy)
  return policy.document.statements.map((statement, index) =>
    statementReadability(statement, refs[index] as StatementRef, policy.variablesEnabled),
  )
}

function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.code}@${diagnostic.range.start.offset}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** A named policy: an object with `policy` (AWS policies have no such element) and its `name`. */
function namedPolicy(
  input: unknown,
): { readonly name: unknown; readonly policy: unknown } | undefined {
  if (typeof input !== 'object' || input === null || !Object.hasOwn(input, 'policy')) {
    return undefined
  }
  const record = input as Readonly<Record<string, unknown>>
  return { name: record.name, policy: record.policy }
}

/**
 * Parses what arrives as text (or as the object `JSON.parse` makes of a policy) and checks every
 * policy against the rules of its type, so that evaluation sees only policies AWS would accept.
 * Any error anywhere fails the whole set: a decision from part of the policies could allow what
 * the rest denies. A level of service or resource control policies with no policy at all allows
 * nothing, as AWS would have it. A value that is not a policy set, or holds a field a set does
 * not have, is an error naming the mistake.
 */
export function preparePolicySet(set: unknown): PreparedPolicies {
  const read = readPolicySet(set)
  if (read.errors !== undefined) return { errors: read.errors }
  const { shape } = read
  const policies: PreparedPolicy[] = []
  const errors: EvaluationError[] = []
  const findings: EvaluationFinding[] = []
  for (const slot of shape.slots) {
    const named = namedPolicy(slot.input)
    if (named !== undefined && typeof named.name !== 'string') {
      errors.push({
        source: 'policy',
        policyIndex: slot.index,
        policyName: slot.path,
        message: `\`${slot.path}\` has a \`policy\`, so it is a named policy: its \`name\` must be text, not ${kindOf(named.name)}`,
        diagnostics: [],
      })
      continue
    }
    const parsed = parsePolicy((named === undefined ? slot.input : named.policy) as string)
    const document = parsed.policy
    const name = (named?.name as string | undefined) ?? document?.id?.value ?? slot.path
    const prepared: PreparedPolicy | undefined =
      document === undefined
        ? undefined
        : {
            type: slot.type,
            ...(slot.level === undefined ? {} : { level: slot.level }),
            index: slot.index,
            name,
            document,
            variablesEnabled: enablesVariables(document.version?.value),
          }
    const readability = prepared === undefined ? [] : readabilityOf(prepared)
    const diagnostics = uniqueDiagnostics([
      ...parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
      ...(document === undefined ? [] : policyProblems(document, slot.type)),
      ...readability.flatMap((statement) => statement.errors),
    ])
    if (prepared === undefined || diagnostics.length > 0) {
      const count = Math.max(diagnostics.length, 1)
      errors.push({
        source: 'policy',
        policyIndex: slot.index,
        policyName: name,
        message: `\`${name}\` cannot be evaluated: ${count} error${count > 1 ? 's' : ''}`,
        diagnostics,
      })
      continue
    }
    policies.push({ ...prepared, document: readDeployTimeValues(prepared.document) })
    for (const statement of readability) findings.push(...statement.findings)
  }
  if (errors.length > 0) return { errors }
  return {
    policies,
    findings: findings.length === 0 ? noFindings : findings,
    layers: {
      hasResourcePolicy: shape.hasResourcePolicy,
      hasBoundary: shape.hasBoundary,
      hasSessionPolicy: shape.hasSessionPolicy,
      serviceControlLevels: shape.serviceControlLevels,
      resourceControlLevels: shape.resourceControlLevels,
    },
  }
}
