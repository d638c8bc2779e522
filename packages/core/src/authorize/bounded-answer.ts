import { type Budget, capped } from '../model/index.ts'
import type { Decision, ResourceDecision, StatementTrace } from './result.ts'

/**
 * Every list of a decision cut to its cap in the budget (`Budget`, `model/budget.ts`), with a
 * count of what was left out beside it, so that an answer's size follows from the caps and the
 * request and not from how many statements happen to apply: without caps, 20 policies of 420
 * `Allow * *` statements name 8,400 deciding statements for every resource of every request.
 *
 * One shape everywhere, the parser's (`omittedDiagnostics`): a list `xs` keeps its first entries
 * and `omittedXs`, present only when some are left out, counts the others: `deciding` and `omittedDeciding` (at most
 * `maxDeciding`), a resource's `statements` and `omittedStatements` (at most `maxTraces`, the
 * statements that apply first, in the order of the set), `findings` and `omittedFindings` (at
 * most `maxFindings`). The decision, each resource's decision, reason and layers are those of
 * the whole lists: caps change what an answer lists, never what it decides. A decision within
 * every cap is returned as it is.
 */
export function boundDecision(decision: Decision, budget: Budget): Decision {
  const { explanation, findings } = decision
  let resources: ResourceDecision[] | undefined
  for (let index = 0; index < explanation.resources.length; index++) {
    const entry = explanation.resources[index] as ResourceDecision
    if (
      entry.deciding.length <= budget.maxDeciding &&
      entry.statements.length <= budget.maxTraces
    ) {
      continue
    }
    resources ??= explanation.resources.slice()
    resources[index] = boundResource(entry, budget)
  }
  const deciding = explanation.deciding.length > budget.maxDeciding
  const cutFindings = findings.length > budget.maxFindings
  if (resources === undefined && !deciding && !cutFindings) return decision
  const listed = capped(explanation.deciding, budget.maxDeciding)
  const shownFindings = capped(findings, budget.maxFindings)
  return {
    decision: decision.decision,
    explanation: {
      action: explanation.action,
      deciding: listed.shown,
      ...(listed.omitted === 0 ? {} : { omittedDeciding: listed.omitted }),
      resources: resources ?? explanation.resources,
    },
    findings: shownFindings.shown,
    ...(shownFindings.omitted === 0 ? {} : { omittedFindings: shownFindings.omitted }),
  }
}

/** A resource's decision with its deciding statements and traces cut to their caps. */
function boundResource(entry: ResourceDecision, budget: Budget): ResourceDecision {
  const deciding = capped(entry.deciding, budget.maxDeciding)
  const traces = tracesWithin(entry.statements, budget.maxTraces)
  return {
    ...entry,
    deciding: deciding.shown,
    ...(deciding.omitted === 0 ? {} : { omittedDeciding: deciding.omitted }),
    statements: traces,
    ...(traces.length === entry.statements.length
      ? {}
      : { omittedStatements: entry.statements.length - traces.length }),
  }
}

/**
 * At most `cap` traces, those of statements that apply first (they decide), then the others,
 * each group in the order of the set, and the whole kept in the order of the set.
 */
function tracesWithin(traces: readonly StatementTrace[], cap: number): readonly StatementTrace[] {
  if (traces.length <= cap) return traces
  let applying = 0
  for (const trace of traces) if (trace.applies) applying++
  let others = Math.max(0, cap - applying)
  let kept = Math.min(applying, cap)
  const shown: StatementTrace[] = []
  for (const trace of traces) {
    if (trace.applies ? kept-- > 0 : others-- > 0) shown.push(trace)
  }
  return shown
}
