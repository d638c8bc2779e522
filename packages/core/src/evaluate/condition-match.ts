import type { SourceRange } from '../model/index.ts'
import { type CompiledClause, clauseHolds, evaluateClause } from './conditions/index.ts'
import type { RequestContext } from './request-context.ts'
import type { ElementMatch } from './trace.ts'

/**
 * The Condition element holds when every clause holds: AND across operators and keys. `deny`
 * says whether the statement is a Deny, which decides how a clause AWS leaves open is read.
 */
export function conditionMatch(
  clauses: readonly CompiledClause[],
  context: RequestContext,
  range: SourceRange,
  deny: boolean,
): ElementMatch {
  const traces = clauses.map((clause) => evaluateClause(clause, context, deny))
  const failed = traces.find((trace) => !trace.matched)
  return {
    element: 'Condition',
    matched: failed === undefined,
    message: failed === undefined ? 'every condition holds' : failed.message,
    range: failed?.range ?? range,
    clauses: traces,
  }
}

/** Whether the Condition element holds, as `conditionMatch` decides, without explaining it. */
export function conditionHolds(
  clauses: readonly CompiledClause[],
  context: RequestContext,
  deny: boolean,
): boolean {
  for (const clause of clauses) if (!clauseHolds(clause, context, deny)) return false
  return true
}
