import type { Diagnostic, PolicyDocument } from '../model/index.ts'
import { parsePolicy } from '../parse/index.ts'
import { policyProblems } from './policy-problems.ts'
import type { PolicyInput, PolicySet, PolicyType } from './policy-set.ts'
import type { EvaluationError, EvaluationFinding, StatementRef } from './result.ts'
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

interface Slot {
  readonly type: PolicyType
  readonly level?: number
  readonly index: number
  readonly path: string
  readonly input: PolicyInput
}

function slotsOf(set: PolicySet): Slot[] {
  const slots: Slot[] = (set.identityPolicies ?? []).map((input, index) => ({
    type: 'identity',
    index,
    path: `identityPolicies[${index}]`,
    input,
  }))
  const single = [
    ['resource', 'resourcePolicy', set.resourcePolicy],
    ['permissionsBoundary', 'permissionsBoundary', set.permissionsBoundary],
    ['session', 'sessionPolicy', set.sessionPolicy],
  ] as const
  for (const [type, path, input] of single) {
    if (input !== undefined) slots.push({ type, index: 0, path, input })
  }
  const levels = [
    ['serviceControl', 'serviceControlPolicies', set.serviceControlPolicies ?? []],
    ['resourceControl', 'resourceControlPolicies', set.resourceControlPolicies ?? []],
  ] as const
  for (const [type, path, lists] of levels) {
    lists.forEach((list, level) => {
      list.forEach((input, index) => {
        slots.push({ type, level, index, path: `${path}[${level}][${index}]`, input })
      })
    })
  }
  return slots
}

/** A decision's findings when there are none, shared. */
export const noFindings: readonly EvaluationFinding[] = Object.freeze([])

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

/**
 * Parses what arrives as text and checks every policy against the rules of its type, so that
 * evaluation sees only policies AWS would accept. Any error anywhere fails the whole set: a
 * decision from part of the policies could allow what the rest denies. A level of service or
 * resource control policies with no policy at all allows nothing, as AWS would have it.
 */
export function preparePolicySet(set: PolicySet): PreparedPolicies {
  const policies: PreparedPolicy[] = []
  const errors: EvaluationError[] = []
  const findings: EvaluationFinding[] = []
  for (const slot of slotsOf(set)) {
    const { input } = slot
    const given =
      typeof input === 'object' && input !== null && 'policy' in input ? input : undefined
    const source = given === undefined ? input : given.policy
    const parsed =
      typeof source === 'string'
        ? parsePolicy(source)
        : { policy: source as PolicyDocument, diagnostics: [] as readonly Diagnostic[] }
    const document = parsed.policy
    const name = given?.name ?? document?.id?.value ?? slot.path
    const prepared: PreparedPolicy | undefined =
      document === undefined
        ? undefined
        : {
            type: slot.type,
            ...(slot.level === undefined ? {} : { level: slot.level }),
            index: slot.index,
            name,
            document,
            variablesEnabled: document.version?.value === '2012-10-17',
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
    policies.push(prepared)
    for (const statement of readability) findings.push(...statement.findings)
  }
  if (errors.length > 0) return { errors }
  return {
    policies,
    findings: findings.length === 0 ? noFindings : findings,
    layers: {
      hasResourcePolicy: set.resourcePolicy !== undefined,
      hasBoundary: set.permissionsBoundary !== undefined,
      hasSessionPolicy: set.sessionPolicy !== undefined,
      serviceControlLevels: set.serviceControlPolicies?.length ?? 0,
      resourceControlLevels: set.resourceControlPolicies?.length ?? 0,
    },
  }
}
