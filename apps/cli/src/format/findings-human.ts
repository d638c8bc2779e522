import {
  atLeast,
  type CatalogSource,
  type Finding,
  type FindingSeverity,
  findingReference,
  type SourceRange,
  type TextEdit,
} from '@connect-policy/core'
import type { InputText } from '../read-input.ts'
import { escapeControls, quote } from './quote.ts'
import { countBySeverity, describeCounts, severityPaint } from './severity.ts'
import { renderSnippet, splitLines } from './snippet.ts'
import type { Paint, Style } from './style.ts'

/** The findings of one input. */
export interface FileFindings {
  readonly input: InputText
  readonly findings: readonly (Finding & { readonly fingerprint?: string })[]
  /** What was said about the file itself: it is none of the formats, a policy is not known yet. */
  readonly problems?: readonly Problem[]
}

const howToFix = new Map(findingReference.map((reference) => [reference.code, reference.fix]))

/** What an edit does to the text, in words: `delete`, `insert` or `replace … with …`. */
export function describeEdit(edit: TextEdit, text: string): string {
  const old = text.slice(edit.range.start.offset, edit.range.end.offset)
  if (old === '') return `insert ${quote(edit.newText)}`
  if (edit.newText === '') return `delete ${quote(old)}`
  return `replace ${quote(old)} with ${quote(edit.newText)}`
}

/** Something to report at a place in a text: a finding, or a parser diagnostic. */
export interface Problem {
  readonly code: string
  readonly severity: string
  readonly message: string
  readonly range: SourceRange
}

/**
 * A problem as a compiler prints it: `file:line:column: severity: message [code]`, which
 * editors and CI log viewers turn into links, then the line with the range underlined.
 */
export function renderProblem(
  problem: Problem,
  name: string,
  lines: readonly string[],
  paint: Paint,
  style: Style,
): string[] {
  const { line, column } = problem.range.start
  const where = line > 0 ? `${name}:${line}:${column}` : name
  return [
    `${style.bold(`${where}:`)} ${paint(problem.severity)}: ${escapeControls(problem.message)} ${style.dim(`[${problem.code}]`)}`,
    ...renderSnippet(lines, problem.range, paint, style),
  ]
}

/**
 * One finding: the problem, then the fix: the edit when the validator has one, else how the
 * finding reference says to fix it.
 */
export function renderFinding(
  finding: Finding,
  input: InputText,
  lines: readonly string[],
  style: Style,
): string {
  const paint = severityPaint(finding.severity, style)
  const out = renderProblem(finding, input.name, lines, paint, style)
  if (finding.fix !== undefined) {
    out.push(
      `  ${style.green('fix')}: ${finding.fix.title}: ${describeEdit(finding.fix, input.text)}`,
    )
  } else {
    const help = howToFix.get(finding.code)
    if (help !== undefined) out.push(`  ${style.cyan('help')}: ${help}`)
  }
  return out.join('\n')
}

export interface HumanSummary {
  readonly source: CatalogSource
  readonly failOn: FindingSeverity
}

/** Every finding of every input, then one line that counts them. */
export function renderFindingsHuman(
  files: readonly FileFindings[],
  summary: HumanSummary,
  style: Style,
): string {
  const blocks: string[] = []
  for (const { input, findings, problems } of files) {
    const lines = splitLines(input.text)
    for (const problem of problems ?? []) {
      const paint = severityPaint(problem.severity === 'error' ? 'error' : 'warning', style)
      blocks.push(renderProblem(problem, input.name, lines, paint, style).join('\n'))
    }
    for (const finding of findings) blocks.push(renderFinding(finding, input, lines, style))
  }
  const all = files.flatMap((file) => file.findings)
  const counts = countBySeverity(all.map((finding) => finding.severity))
  const failing = all.filter((finding) => atLeast(finding.severity, summary.failOn)).length
  const checked = `checked ${files.length} ${files.length === 1 ? 'file' : 'files'}`
  const reference = style.dim(`(service reference of ${summary.source.date})`)
  const verdict = failing > 0 ? `; ${failing} at or above \`--fail-on ${summary.failOn}\`` : ''
  blocks.push(`${checked}: ${describeCounts(counts, style)}${verdict} ${reference}`)
  return `${blocks.join('\n\n')}\n`
}
