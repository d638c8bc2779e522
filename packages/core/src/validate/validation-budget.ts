import {
  type FormatComparisonWork,
  formatComparisonWork,
  policyComparisonSteps,
} from '../catalog/index.ts'
import {
  type Budget,
  type OverBudget,
  overBudget,
  overBudgetMessage,
  type PolicyDocument,
  quote,
  type SourceRange,
  statementSize,
} from '../model/index.ts'
import { maximumDiagnostics } from '../parse/index.ts'
import type { CheckContext } from './check-context.ts'
import type { Finding } from './finding.ts'

/**
 * The budget of a validation (`Budget`, in `model/budget.ts`): what `validatePolicy` may cost,
 * estimated from the text and the sizes of its statements before any check runs, and how many
 * findings its answer lists. A text longer than `maxSteps` is refused before it is parsed; a
 * policy whose statements would cost more, once parsed, before it is checked. Either way the
 * answer is one `over-budget` finding that names the limit and the figures.
 *
 * The estimate counts a step per character (parsing and the character checks read each once)
 * and, per statement, a step per entry: the checks are linear in the entries, actions against
 * resources included (`statement-reach.ts` meets them through their resource types, not pair by
 * pair). Every AWS managed policy costs a small fraction of the default (a test in the catalog
 * package holds this).
 */

/** Bytes of JSON a finding takes, with its message, range and fix: messages cut long values. */
const findingBytes = 1024

/** Steps a validation of `text` is estimated to take before it is parsed: one per character. */
export function textOverBudget(text: string, budget: Budget): OverBudget | undefined {
  return overBudget('maxSteps', text.length, budget)
}

/**
 * Findings a value can get at most, counted generously: a value can be unknown, redundant,
 * mistyped and insecure at once.
 */
const findingsPerValue = 8

/** What a validation of a parsed policy is estimated to cost, and to answer at most. */
export function validationCost(
  text: string,
  policy: PolicyDocument,
): { readonly steps: number; readonly findings: number } {
  let steps = text.length
  let values = 0
  for (const statement of policy.statements) {
    const size = statementSize(statement)
    const entries =
      1 + size.actions + size.resources + size.principals + size.clauses + size.conditionValues
    steps += entries
    values += entries
  }
  // the parser records at most `maximumDiagnostics` of each of its two stages
  return { steps, findings: 2 * maximumDiagnostics + findingsPerValue * values }
}

/**
 * The refusal of a validation of a parsed policy whose estimated steps or answer (at most
 * `maxFindings` findings and the note of those left out) pass the budget.
 */
export function validationOverBudget(
  cost: { readonly steps: number; readonly findings: number },
  budget: Budget,
): OverBudget | undefined {
  const listed = Math.min(cost.findings, budget.maxFindings) + 1
  return (
    overBudget('maxSteps', cost.steps, budget) ??
    overBudget('maxAnswerBytes', listed * findingBytes, budget)
  )
}

/**
 * What comparing `Resource` values with the ARN formats of the catalog may cost: what a policy
 * of its length is allowed (`policyComparisonSteps`, in `catalog/comparison-work.ts`), within
 * what `maxSteps` leaves after the validation's own estimate, so that the two together stay
 * within it.
 */
export function validationComparisonWork(
  text: string,
  estimatedSteps: number,
  budget: Budget,
): FormatComparisonWork {
  return formatComparisonWork(
    Math.min(policyComparisonSteps(text.length), budget.maxSteps - estimatedSteps),
  )
}

/**
 * A `resource-not-compared` finding at the first `Resource` or `NotResource` value whose resource
 * types were not worked out within the budget (`FormatComparisonWork.approximate`), counting the
 * others: one finding, not one per value, so that a policy of thousands of values keeps its other
 * findings within `maxFindings`. Such values are taken to name every type they could before any
 * comparison, so the findings that depend on their types are left out.
 */
export function checkUncompared(context: CheckContext): void {
  const { approximate } = context.formatWork
  if (approximate.size === 0) return
  const values = context.statements.flatMap((facts) =>
    facts.resources.filter((resource) => approximate.has(resource.value)),
  )
  const [first] = values
  if (first === undefined) return
  const others = values.length - 1
  const what =
    others === 0
      ? `${quote(first.value)} is`
      : `${quote(first.value)} and ${others} other Resource value${others === 1 ? ' are' : 's are'}`
  context.report(
    'resource-not-compared',
    'warning',
    `${what} not compared with the ARN formats of the service reference: the policy's comparisons would cost more than the budget's \`maxSteps\` leaves for them, so the findings that depend on the resource types they name are left out`,
    first.range,
  )
}

/** The finding that refuses a validation over budget. */
export function overBudgetFinding(over: OverBudget, range: SourceRange): Finding {
  return {
    code: 'over-budget',
    severity: 'error',
    message: `${overBudgetMessage('the validation', over)}: the policy is not validated`,
    range,
    overBudget: over,
  }
}

/**
 * At most `maxFindings` findings, the first by position, and when some are left out a
 * `findings-omitted` finding at `range` that counts them (`omittedFindings`). Findings come
 * sorted; the note is sorted in among them.
 */
export function findingsWithin(
  findings: Finding[],
  budget: Budget,
  range: SourceRange,
  order: (a: Finding, b: Finding) => number,
): Finding[] {
  if (findings.length <= budget.maxFindings) return findings
  const omitted = findings.length - budget.maxFindings
  const note: Finding = {
    code: 'findings-omitted',
    severity: 'warning',
    message: `${omitted} more finding${omitted === 1 ? ' is' : 's are'} left out: the answer lists the first ${budget.maxFindings} by position (the budget's \`maxFindings\`)`,
    range,
    omittedFindings: omitted,
  }
  const kept = findings.slice(0, budget.maxFindings)
  const at = kept.findIndex((finding) => order(note, finding) < 0)
  kept.splice(at < 0 ? kept.length : at, 0, note)
  return kept
}
