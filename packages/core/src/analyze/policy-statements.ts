import { preparePolicySet } from '../authorize/prepare.ts'
import type { EvaluationError } from '../authorize/result.ts'
import { type CompiledClause, compileCondition } from '../evaluate/conditions/index.ts'
import { parseResourceTemplate } from '../evaluate/policy-variable.ts'
import { readsWidely } from '../evaluate/wide-reading.ts'
import { statementSize } from '../model/index.ts'

/**
 * A statement as the analyzer reads it: the values that draw distinctions between requests.
 * Only where to look; what a value means is left to the evaluator, which decides every request
 * the analyzer builds from these values.
 */
export interface AnalyzedStatement {
  readonly deny: boolean
  readonly actions: { readonly negated: boolean; readonly patterns: readonly string[] }
  readonly resources: {
    readonly negated: boolean
    /** The patterns, with `${*}` and `${?}` as the evaluator reads them. */
    readonly patterns: readonly string[]
    /** Whether the evaluator also matches them in another case (`readsWidely`). */
    readonly foldsCase: boolean
  }
  readonly clauses: readonly CompiledClause[]
  /** The principals a Principal or NotPrincipal names (resource-based policies). */
  readonly principals: readonly string[]
  /** Values that hold policy variables, which the analyzer does not decide. */
  readonly variables: readonly string[]
  /** The statement's size in characters, as the validator counts it (`statementSize`). */
  readonly characters: number
}

export type ReadStatements =
  | { readonly statements: readonly AnalyzedStatement[]; readonly errors?: never }
  | { readonly statements?: never; readonly errors: readonly EvaluationError[] }

/** A value's text as the evaluator matches it, or undefined when it holds a policy variable. */
function resourceText(value: string, variablesEnabled: boolean): string | undefined {
  if (!variablesEnabled || !value.includes('${')) return value
  const template = parseResourceTemplate(value)
  if (!template.hasVariables) return value
  // `${*}`, `${?}` and `${$}` alone are characters, not variables
  return template.parts.every((part) => part.kind === 'text')
    ? template.parts.map((part) => part.text).join('')
    : undefined
}

/**
 * Every statement of every policy of a set, read as the evaluator prepares them, or the errors
 * that keep the set from being evaluated at all.
 */
export function readStatements(set: unknown): ReadStatements {
  const prepared = preparePolicySet(set)
  if (prepared.errors !== undefined) return { errors: prepared.errors }
  const statements: AnalyzedStatement[] = []
  for (const policy of prepared.policies) {
    for (const statement of policy.document.statements) {
      const deny = statement.effect?.value === 'Deny'
      const variables: string[] = []
      const resourceElement = statement.resource
      const resourcePatterns: string[] = []
      for (const located of resourceElement?.values ?? []) {
        const text = resourceText(located.value, policy.variablesEnabled)
        if (text === undefined) variables.push(located.value)
        else resourcePatterns.push(text)
      }
      const negatedResource = resourceElement?.element === 'NotResource'
      const compiled =
        statement.condition === undefined
          ? undefined
          : compileCondition(statement.condition, policy.variablesEnabled)
      const clauses = compiled?.clauses ?? []
      for (const clause of clauses) {
        for (const value of clause.values) {
          if (value.kind === 'template') variables.push(value.template.source)
        }
      }
      statements.push({
        deny,
        actions: {
          negated: statement.action?.element === 'NotAction',
          patterns: (statement.action?.values ?? []).map((located) => located.value),
        },
        resources: {
          negated: negatedResource,
          patterns: resourcePatterns,
          foldsCase: readsWidely(deny, negatedResource),
        },
        clauses,
        principals: (statement.principal?.entries ?? []).flatMap((entry) =>
          entry.values.map((located) => located.value),
        ),
        variables,
        characters: statementSize(statement).chars,
      })
    }
  }
  return { statements }
}
