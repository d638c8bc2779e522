import {
  type EvaluationFinding,
  type EvaluationResult,
  type Finding,
  type FindingSeverity,
  findingSeverities,
  type SourceRange,
  type StatementRef,
  type undocumentedReasons,
  undocumentedReasonWords,
} from '@connect-policy/core'
import { escapeHtml } from '../html.ts'
import { segments } from '../segments.ts'

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

/** A range of the policy text to underline, and how serious what is there is. */
export interface TextMark {
  readonly range: SourceRange
  readonly severity: FindingSeverity
}

/**
 * What to underline in the policy: every range the validator reports, and the ranges of what
 * the evaluation reports beside its decision (an Allow entry that matches nothing).
 */
export function policyMarks(
  findings: readonly Finding[],
  result: EvaluationResult | undefined,
): TextMark[] {
  const marks: TextMark[] = findings.map(({ range, severity }) => ({ range, severity }))
  for (const finding of result === undefined ? [] : evaluationFindings(result)) {
    if (finding.range !== undefined)
      marks.push({ range: finding.range, severity: finding.severity })
  }
  return marks
}

/** The most serious of some severities, `suggestion` for none. */
export function worstSeverity(severities: readonly FindingSeverity[]): FindingSeverity {
  return severities.reduce<FindingSeverity>(
    (found, severity) =>
      findingSeverities.indexOf(severity) < findingSeverities.indexOf(found) ? severity : found,
    'suggestion',
  )
}

/**
 * The policy text as HTML with each mark's range underlined in the colour of the most serious
 * mark over it, for the overlay drawn behind the editor's transparent textarea. A final line
 * break keeps the overlay as tall as the textarea when the text ends with one.
 */
export function underlinedHtml(text: string, marks: readonly TextMark[]): string {
  const spans = marks.map((mark) => ({
    start: mark.range.start.offset,
    end: mark.range.end.offset,
    key: mark.severity,
  }))
  const html = segments(text.length, spans)
    .map((segment) => {
      const piece = escapeHtml(text.slice(segment.start, segment.end))
      return segment.keys.length === 0
        ? piece
        : `<span class="underline underline-${worstSeverity(segment.keys)}">${piece}</span>`
    })
    .join('')
  return `${html}\n `
}

/**
 * The short mark of a condition clause whose outcome AWS leaves open, naming the construct; the
 * clause's own message says which reading was taken.
 */
export function undocumentedLabel(reason: UndocumentedReason): string {
  return `AWS leaves it open: ${undocumentedReasonWords[reason]}`
}
