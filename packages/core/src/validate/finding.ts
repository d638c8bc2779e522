import type { OverBudget, SourceRange } from '../model/index.ts'

/**
 * How much a finding matters, as IAM Access Analyzer grades its own: an `error` is certainly
 * wrong (AWS rejects the policy, or a part of it can never do anything); a `security-warning`
 * grants more than it seems to; a `warning` probably does not do what was meant; a `suggestion`
 * is a clean-up.
 */
export const findingSeverities = ['error', 'security-warning', 'warning', 'suggestion'] as const
export type FindingSeverity = (typeof findingSeverities)[number]

/** What each severity means, in the words every front end shows. */
export const findingSeverityMeanings: Readonly<Record<FindingSeverity, string>> = {
  error: 'AWS rejects the policy, or a part of it can never do anything.',
  'security-warning': 'the policy grants more than it seems to.',
  warning: 'the policy probably does not do what was meant.',
  suggestion: 'a clean-up; the policy works as written.',
}

/** A concrete change to the policy text that resolves a finding. */
export interface TextEdit {
  /** What the edit does, for a button or a list of fixes. */
  readonly title: string
  /** The stretch of text to replace; empty (start equal to end) to insert. */
  readonly range: SourceRange
  readonly newText: string
}

/** Something the validator has to say about a policy, with where it is. */
export interface Finding {
  /** A stable kebab-case code, documented in docs/findings.md, that users can suppress. */
  readonly code: string
  readonly severity: FindingSeverity
  readonly message: string
  readonly range: SourceRange
  readonly fix?: TextEdit
  /** For `over-budget`: the limit the validation would pass, its estimate and what is allowed. */
  readonly overBudget?: OverBudget
  /** For `findings-omitted`: how many findings the budget's `maxFindings` left out. */
  readonly omittedFindings?: number
}

/** Whether `severity` is at least as grave as `threshold`. */
export function atLeast(severity: FindingSeverity, threshold: FindingSeverity): boolean {
  return findingSeverities.indexOf(severity) <= findingSeverities.indexOf(threshold)
}
