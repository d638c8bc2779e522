import type { EvaluationFinding, EvaluationOptions, EvaluationResult } from '@connect-policy/core'
import {
  type DocumentVersion,
  documentVersions,
  evaluateExpectation,
  type Outcome,
  recordedOutcome,
  type Sample,
  type StatementPointer,
  type TextOutcome,
} from '@connect-policy/samples'
import { findingPath } from '../finding-path.ts'
import { escapeHtml, inlineHtml, row } from '../html.ts'
import { findingLink } from './findings-table.ts'
import { playgroundLink } from './playground-link.ts'
import { type ArnShortening, shortenArns } from './shorten-arns.ts'

/** A statement as the core's explanations name it: by index from 0, with its Sid. */
export function statementLabel(pointer: StatementPointer): string {
  return `statement #${pointer.statementIndex}${pointer.sid === undefined ? '' : ` (${pointer.sid})`}`
}

/** One policy text's column of the table: what it should give and what the core computed. */
interface Column {
  readonly key: 'corrected' | DocumentVersion | 'literal'
  readonly heading: string
}

/** One row of the decision table, computed: the data the page and its tests are built from. */
export interface DecisionRow {
  readonly index: number
  readonly description: string
  readonly action: string
  readonly resources: readonly string[]
  readonly principal?: string
  readonly cells: readonly {
    readonly column: Column['key']
    readonly expected: Outcome
    readonly computed: Outcome
    readonly deciding: readonly StatementPointer[]
    readonly expectedDeciding?: StatementPointer
    readonly result: EvaluationResult
    /** What the evaluation reports beside its decision; empty when nothing or no decision. */
    readonly findings: readonly EvaluationFinding[]
  }[]
  /** Whether every computed outcome (and deciding statement) is the expected one. */
  readonly agrees: boolean
}

function columnsOf(sample: Sample): Column[] {
  return [
    ...(sample.corrected === undefined
      ? []
      : [{ key: 'corrected', heading: 'corrected policy' } as const]),
    ...documentVersions
      .filter((version) => sample.printed[version]?.text !== undefined)
      .map((version) => ({ key: version, heading: `${version} printing` })),
    ...(sample.literal === undefined
      ? []
      : [{ key: 'literal', heading: 'literal reading' } as const]),
  ]
}

function samePointer(a: StatementPointer | undefined, b: StatementPointer | undefined): boolean {
  return a?.statementIndex === b?.statementIndex && a?.sid === b?.sid
}

/**
 * Evaluates every expectation of a sample against each of its policy texts with the core, with
 * the options given (the service reference, for the decisions AWS reaches and their findings).
 */
export function decisionRows(sample: Sample, options: EvaluationOptions = {}): DecisionRow[] {
  const columns = columnsOf(sample)
  return sample.expectations.map((expectation, index) => {
    const evaluated = evaluateExpectation(sample, expectation, options)
    const cells = columns.flatMap((column) => {
      let outcome: TextOutcome | undefined
      // what the sample records for the text: the samples package's one rule
      const expected: Outcome = recordedOutcome(expectation, column.key)
      if (column.key === 'corrected') outcome = evaluated.corrected
      else if (column.key === 'literal') outcome = evaluated.literal
      else outcome = evaluated.printed[column.key]
      if (outcome === undefined) return []
      const expectedDeciding = column.key === 'corrected' ? expectation.deciding : undefined
      return [
        {
          column: column.key,
          expected,
          computed: outcome.outcome,
          deciding: outcome.deciding,
          ...(expectedDeciding === undefined ? {} : { expectedDeciding }),
          result: outcome.result,
          findings: outcome.result.errors === undefined ? outcome.result.findings : [],
        },
      ]
    })
    const agrees = cells.every(
      (cell) =>
        cell.expected === cell.computed &&
        (cell.expectedDeciding === undefined ||
          (cell.deciding.length === 1 && samePointer(cell.deciding[0], cell.expectedDeciding))),
    )
    const resources =
      typeof expectation.request.resource === 'string'
        ? [expectation.request.resource]
        : expectation.request.resource
    return {
      index,
      description: expectation.description,
      action: expectation.request.action,
      resources,
      ...(expectation.request.principal === undefined
        ? {}
        : { principal: expectation.request.principal }),
      cells,
      agrees,
    }
  })
}

const outcomeBadge = (outcome: Outcome) =>
  `<span class="decision decision-${outcome}">${outcome}</span>`

/**
 * An ARN of a decision table as the table's shortening shows it: the shared start elided (the
 * page's CSS shows an ellipsis in its place, and the text stays for search and copying), what
 * is its own emphasised, and the whole ARN on hover.
 */
export function arnHtml(arn: string, shortening: ArnShortening): string {
  const shown = shortening.arns.get(arn) ?? { arn, elided: '', plain: arn, own: '' }
  const elided =
    shown.elided === '' ? '' : `<span class="arn-elided">${escapeHtml(shown.elided)}</span>`
  const own = shown.own === '' ? '' : `<span class="arn-own">${escapeHtml(shown.own)}</span>`
  return `<code class="arn" title="${escapeHtml(arn)}">${elided}${escapeHtml(shown.plain)}${own}</code>`
}

/** What the ellipsis of a table's ARNs stands for, above the table; nothing when none is elided. */
function arnLegend(shortening: ArnShortening): string {
  if (shortening.shared === '') return ''
  return `<p class="arn-legend">In the ARNs below, <code class="arn-ellipsis">…</code> stands for <code>${escapeHtml(shortening.shared)}</code>, the start most of them share; what differs is in bold, and each ARN is whole on hover.</p>`
}

function why(result: EvaluationResult, shortening: ArnShortening): string {
  if (result.errors !== undefined) {
    return result.errors
      .flatMap((error) => [
        inlineHtml(error.message),
        ...error.diagnostics.map(
          (d) => `${d.range.start.line}:${d.range.start.column} ${inlineHtml(d.message)}`,
        ),
      ])
      .join('<br>')
  }
  return result.explanation.resources
    .map(
      (resource) =>
        `${arnHtml(resource.resource, shortening)}: ${outcomeBadge(resource.decision)} ${inlineHtml(resource.reason)}`,
    )
    .join('<br>')
}

/**
 * The short mark of a cell whose evaluation reports findings beside its decision: the code (or
 * how many), coloured by the most serious, with every message on hover. Empty for none.
 */
export function findingMarker(findings: readonly EvaluationFinding[]): string {
  const [first] = findings
  if (first === undefined) return ''
  const severity = findings.some((finding) => finding.severity === 'warning')
    ? 'warning'
    : 'suggestion'
  // one line per finding in the tooltip, written as an entity so the HTML stays on one line
  const title = findings
    .map((finding) => escapeHtml(`${finding.code}: ${finding.message}`))
    .join('&#10;')
  const codes = [...new Set(findings.map((finding) => finding.code))].join(' ')
  const label = findings.length === 1 ? first.code : `${findings.length} findings`
  return `<span class="finding-marker severity severity-${severity}" title="${title}" data-codes="${escapeHtml(codes)}">⚠ ${escapeHtml(label)}</span>`
}

/** A code, linked to the findings reference where it has an entry. */
function codeHtml(code: string): string {
  return findingPath(code) === undefined ? `<code>${escapeHtml(code)}</code>` : findingLink(code)
}

/** The findings of a cell in full, for the row's explanation. */
function findingsSaid(findings: readonly EvaluationFinding[]): string {
  if (findings.length === 0) return ''
  const items = findings.map(
    (finding) =>
      `<li><span class="severity severity-${finding.severity}">${finding.severity}</span> ${codeHtml(finding.code)} ${inlineHtml(finding.message)}</li>`,
  )
  return `<ul class="evaluation-findings">${items.join('')}</ul>`
}

/**
 * The decision table of an example: per request, what the documentation says and what the core
 * computes for the corrected policy, with the deciding statement, then the same for each
 * printed policy (placeholders filled in) and the literal reading of prose. Every cell carries
 * its expected and computed outcome as data attributes, for the site's tests, and a mark when its
 * evaluation reports findings, which the row's explanation lists. The ARNs are shortened by what
 * the table's ARNs share (`shortenArns`), with a line before the table saying what the ellipsis
 * stands for, and each request links to the playground.
 */
export function decisionTable(sample: Sample, rows: readonly DecisionRow[]): string {
  const columns = columnsOf(sample)
  const header = row(['#', 'request', ...columns.map((column) => column.heading)], 'th')
  const shortening = shortenArns(rows.flatMap((decision) => decision.resources))
  const body = rows.flatMap((decision) => {
    const request = [
      inlineHtml(decision.description),
      `<br><code>${escapeHtml(decision.action)}</code> on`,
      `<ul class="resources">${decision.resources.map((r) => `<li>${arnHtml(r, shortening)}</li>`).join('')}</ul>`,
      decision.principal === undefined ? '' : `by <code>${escapeHtml(decision.principal)}</code>`,
      sample.corrected === undefined
        ? ''
        : `<p class="playground-request"><a class="playground-link" href="${escapeHtml(playgroundLink(sample.corrected, decision))}">Open in the playground</a> <small>(the corrected policy, with this request)</small></p>`,
    ].join('')
    const cells = decision.cells.map((cell) => {
      const agrees = cell.expected === cell.computed
      const deciding =
        cell.deciding.length === 0
          ? ''
          : `<br><span class="deciding">by ${cell.deciding.map((p) => escapeHtml(statementLabel(p))).join(', ')}</span>`
      const expectation = agrees
        ? `<span class="agrees" title="as expected">✓ as documented</span>`
        : `<span class="disagrees">✗ expected ${outcomeBadge(cell.expected)}</span>`
      const marker = cell.findings.length === 0 ? '' : `<br>${findingMarker(cell.findings)}`
      return `<div data-column="${cell.column}" data-expected="${cell.expected}" data-computed="${cell.computed}">${outcomeBadge(cell.computed)}${deciding}<br>${expectation}${marker}</div>`
    })
    const main = row(
      [String(decision.index + 1), request, ...cells],
      'td',
      ` class="decision-row${decision.agrees ? '' : ' disagreement'}" data-expectation="${decision.index}"`,
    )
    const details = decision.cells
      .map((cell) => {
        const column = columns.find((c) => c.key === cell.column)
        return `<p><strong>${escapeHtml(column?.heading ?? cell.column)}</strong>: ${why(cell.result, shortening)}</p>${findingsSaid(cell.findings)}`
      })
      .join('')
    const explanation = `<tr class="decision-why"><td></td><td colspan="${columns.length + 1}"><details><summary>Why</summary>${details}</details></td></tr>`
    return [main, explanation]
  })
  // the legend before the table, not its caption: it wraps at the page's width, not the table's
  return `${arnLegend(shortening)}<table class="decision-table"><thead>${header}</thead><tbody>\n${body.join('\n')}\n</tbody></table>`
}
