import {
  type EvaluationFinding,
  type EvaluationResult,
  type StatementRef,
  type undocumentedReasons,
  undocumentedReasonWords,
} from '@connect-policy/core'

/** Why AWS leaves a clause's outcome open, as the core names it. */
export type UndocumentedReason = (typeof undocumentedReasons)[number]

/** A statement as the playground names it: its index, its Sid and the line it starts on. */
export function statementLabel(statement: StatementRef): string {
  const name = `statement #${statement.statementIndex}${statement.sid === undefined ? '' : ` (${statement.sid})`}`
  return `${name}, line ${statement.range.start.line}`
}

/**
 * What a list of the answer leaves out, as the core counts it beside the list
 * (`omittedDeciding`, `omittedStatements`, `omittedFindings`): `and 3 more statements`, or
 * nothing when none is left out.
 */
export function omittedNote(omitted: number | undefined, what: string): string {
  if (omitted === undefined || omitted === 0) return ''
  return `and ${omitted} more ${what}${omitted === 1 ? '' : 's'}`
}

/** The findings an evaluation reports beside its decision; none when it has no decision. */
export function evaluationFindings(result: EvaluationResult): readonly EvaluationFinding[] {
  return result.errors === undefined ? result.findings : []
}

/**
 * The short mark of a condition clause whose outcome AWS leaves open, naming the construct; the
 * clause's own message says which reading was taken.
 */
export function undocumentedLabel(reason: UndocumentedReason): string {
  return `AWS leaves it open: ${undocumentedReasonWords[reason]}`
}
