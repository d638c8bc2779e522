import type { EvaluationError } from '../authorize/result.ts'
import { analyzedSide } from './prepared-set.ts'

/**
 * A statement of a policy set as plain data, as the evaluator reads it: what a check written on
 * top of the analyses looks at when it asks about the policies' own values.
 */
export interface SetStatement {
  readonly effect: 'Allow' | 'Deny'
  readonly actions: { readonly negated: boolean; readonly patterns: readonly string[] }
  readonly resources: {
    readonly negated: boolean
    /** The values without policy variables, with `${*}` and `${?}` as the evaluator reads them. */
    readonly patterns: readonly string[]
  }
  /** The condition keys the statement reads, as written. */
  readonly conditionKeys: readonly string[]
  /** Values that hold policy variables. */
  readonly variables: readonly string[]
  /** The statement's size in characters, as the validator counts it. */
  readonly characters: number
}

/**
 * Every statement of every policy of a set (or of a set `prepareForAnalysis` made), or the
 * errors that keep the set from being evaluated.
 */
export function setStatements(
  set: unknown,
):
  | { readonly statements: readonly SetStatement[] }
  | { readonly errors: readonly EvaluationError[] } {
  const side = analyzedSide(set, undefined, 'the policy set', true)
  if ('errors' in side) return { errors: side.errors }
  return {
    statements: side.statements.map((statement) => ({
      effect: statement.deny ? 'Deny' : 'Allow',
      actions: { negated: statement.actions.negated, patterns: [...statement.actions.patterns] },
      resources: {
        negated: statement.resources.negated,
        patterns: [...statement.resources.patterns],
      },
      conditionKeys: [...new Set(statement.clauses.map((clause) => clause.key))],
      variables: [...statement.variables],
      characters: statement.characters,
    })),
  }
}
