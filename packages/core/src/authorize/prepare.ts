import type { Diagnostic, PolicyDocument } from '../model/index.ts'
import { parsePolicy } from '../parse/index.ts'
import { identityPolicyProblems } from './policy-problems.ts'
import type { PolicyInput } from './policy-set.ts'
import type { EvaluationError } from './result.ts'

/** A policy of the set, parsed and checked, ready to evaluate. */
export interface PreparedPolicy {
  readonly index: number
  readonly name: string
  readonly document: PolicyDocument
  /** Version 2012-10-17 makes `${...}` policy variables; otherwise they are plain text. */
  readonly variablesEnabled: boolean
}

export type PreparedPolicies =
  | { readonly policies: readonly PreparedPolicy[]; readonly errors?: never }
  | { readonly policies?: never; readonly errors: readonly EvaluationError[] }

/**
 * Parses what arrives as text and checks every policy, so that evaluation sees only policies AWS
 * would accept. Any error anywhere fails the whole set: a decision from part of the policies
 * could allow what the rest denies.
 */
export function prepareIdentityPolicies(inputs: readonly PolicyInput[]): PreparedPolicies {
  const policies: PreparedPolicy[] = []
  const errors: EvaluationError[] = []
  inputs.forEach((input, index) => {
    const given = typeof input === 'object' && 'policy' in input ? input : undefined
    const source = given === undefined ? input : given.policy
    const parsed =
      typeof source === 'string'
        ? parsePolicy(source)
        : { policy: source as PolicyDocument, diagnostics: [] as readonly Diagnostic[] }
    const document = parsed.policy
    const name = given?.name ?? document?.id?.value ?? `identityPolicies[${index}]`
    const diagnostics = uniqueDiagnostics([
      ...parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
      ...(document === undefined ? [] : identityPolicyProblems(document)),
    ])
    if (document === undefined || diagnostics.length > 0) {
      errors.push({
        source: 'policy',
        policyIndex: index,
        policyName: name,
        message: `\`${name}\` cannot be evaluated: ${diagnostics.length || 1} error${diagnostics.length > 1 ? 's' : ''}`,
        diagnostics,
      })
      return
    }
    policies.push({
      index,
      name,
      document,
      variablesEnabled: document.version?.value === '2012-10-17',
    })
  })
  return errors.length > 0 ? { errors } : { policies }
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
