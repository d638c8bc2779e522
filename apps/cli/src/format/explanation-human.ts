import type {
  ConditionClauseTrace,
  Decision,
  DecisionValue,
  ElementMatch,
  EvaluationFinding,
  LayerVerdict,
  ResourceDecision,
  SourceRange,
  StatementRef,
  StatementTrace,
} from '@connect-policy/core'
import { policyTypeWords } from '@connect-policy/core'
import { escapeControls, quote } from './quote.ts'
import { severityPaint } from './severity.ts'
import type { Paint, Style } from './style.ts'

export function decisionPaint(decision: DecisionValue, style: Style): Paint {
  switch (decision) {
    case 'Allow':
      return style.green
    case 'ExplicitDeny':
      return style.red
    case 'ImplicitDeny':
      return style.yellow
  }
}

/** `policy.json:11:5`: policies are named after their files, so a location is a link. */
function at(policyName: string, range: SourceRange): string {
  return range.start.line > 0
    ? `${policyName}:${range.start.line}:${range.start.column}`
    : policyName
}

function layerName(layer: {
  readonly policyType: StatementRef['policyType']
  readonly level?: number
}): string {
  const label = policyTypeWords[layer.policyType].one
  return layer.level === undefined ? label : `${label} level ${layer.level}`
}

/** `identity-based policy `p.json` statement #1 `DenyIt` (Deny)`. */
export function statementLabel(ref: StatementRef): string {
  const sid = ref.sid === undefined ? '' : ` ${quote(ref.sid)}`
  return `${layerName(ref)} ${quote(ref.policyName)} statement #${ref.statementIndex}${sid} (${ref.effect})`
}

function sameStatement(a: StatementRef, b: StatementRef): boolean {
  return (
    a.policyType === b.policyType &&
    a.level === b.level &&
    a.policyIndex === b.policyIndex &&
    a.statementIndex === b.statementIndex
  )
}

function mark(matched: boolean, style: Style): string {
  return matched ? style.green('✓') : style.red('✗')
}

function renderClause(clause: ConditionClauseTrace, policyName: string, style: Style): string {
  const where = style.dim(at(policyName, clause.range))
  return `          ${mark(clause.matched, style)} ${escapeControls(clause.message)}  ${where}`
}

function renderElement(element: ElementMatch, policyName: string, style: Style): string[] {
  const where = style.dim(at(policyName, element.range))
  const head = `        ${mark(element.matched, style)} ${element.element}: ${escapeControls(element.message)}  ${where}`
  // with one clause, the element's message is usually that clause's; a clause AWS leaves open
  // is shown whenever it is not, so that how it was read (its message says) is never hidden
  const clauses = element.clauses ?? []
  const shown =
    clauses.length > 1
      ? clauses
      : clauses.filter(
          (clause) => clause.undocumented !== undefined && clause.message !== element.message,
        )
  return [head, ...shown.map((clause) => renderClause(clause, policyName, style))]
}

function renderTrace(
  trace: StatementTrace,
  deciding: readonly StatementRef[],
  style: Style,
): string[] {
  const { statement } = trace
  const decides = deciding.some((ref) => sameStatement(ref, statement))
  const verdict = trace.applies ? (decides ? 'applies and decides' : 'applies') : 'does not apply'
  const where = style.dim(at(statement.policyName, statement.range))
  const label = decides ? style.bold(statementLabel(statement)) : statementLabel(statement)
  return [
    `    ${mark(trace.applies, style)} ${label} ${verdict}  ${where}`,
    // why the statement was read the way that grants least, when it was read two ways
    ...(trace.note === undefined ? [] : [`        note: ${escapeControls(trace.note)}`]),
    ...trace.elements.flatMap((element) => renderElement(element, statement.policyName, style)),
  ]
}

function renderLayers(layers: readonly LayerVerdict[]): string {
  return layers.map((layer) => `${layerName(layer)} ${layer.verdict}`).join(', ')
}

function renderResource(entry: ResourceDecision, explain: boolean, style: Style): string[] {
  const paint = decisionPaint(entry.decision, style)
  const out = [
    `resource ${escapeControls(entry.resource)}`,
    `  ${paint(entry.decision)}: ${escapeControls(entry.reason)}`,
  ]
  if (!explain) return out
  if (entry.layers.length > 0) out.push(`  layers: ${renderLayers(entry.layers)}`)
  if (entry.statements.length > 0) {
    out.push('  statements:')
    for (const trace of entry.statements) out.push(...renderTrace(trace, entry.deciding, style))
  }
  if (entry.omittedStatements !== undefined) {
    out.push(`    ${style.dim(`… and ${more(entry.omittedStatements, 'statement')} not shown`)}`)
  }
  return out
}

/** `3 more statements`, `1 more finding`. */
function more(count: number, what: string): string {
  return `${count} more ${what}${count === 1 ? '' : 's'}`
}

/**
 * One finding beside a decision, on one line: `warning [unknown-action]: message`, coloured as
 * `validate` colours its findings, then where the value is in its policy, when the finding is
 * about a policy (`policy.json:6:17`).
 */
export function renderEvaluationFinding(finding: EvaluationFinding, style: Style): string {
  const paint = severityPaint(finding.severity, style)
  const range = finding.range ?? finding.statement?.range
  const where =
    finding.statement === undefined || range === undefined
      ? ''
      : `  ${style.dim(at(finding.statement.policyName, range))}`
  return `${paint(finding.severity)} ${style.dim(`[${finding.code}]`)}: ${escapeControls(finding.message)}${where}`
}

export interface DecisionHeading {
  readonly action: string
  readonly principal?: string
}

/**
 * A decision for a terminal: the decision, what decided it and the findings beside it (one line
 * each), then each resource with its own decision and reason; with `explain`, each policy
 * layer's verdict and every statement with every element it checked, so that a statement that
 * did not apply says why.
 */
export function renderDecisionHuman(
  heading: DecisionHeading,
  result: Decision,
  explain: boolean,
  style: Style,
): string {
  const paint = decisionPaint(result.decision, style)
  const out = [
    `decision: ${style.bold(paint(result.decision))}`,
    `action: ${escapeControls(heading.action)}`,
  ]
  if (heading.principal !== undefined) out.push(`principal: ${escapeControls(heading.principal)}`)
  const { deciding } = result.explanation
  if (deciding.length === 0)
    out.push('decided by: no statement (an implicit deny: see the reason for each resource)')
  for (const ref of deciding) {
    out.push(`decided by: ${statementLabel(ref)}  ${style.dim(at(ref.policyName, ref.range))}`)
  }
  const { omittedDeciding } = result.explanation
  if (omittedDeciding !== undefined) {
    out.push(`decided by: ${more(omittedDeciding, 'statement')}, not listed`)
  }
  for (const finding of result.findings) out.push(renderEvaluationFinding(finding, style))
  if (result.omittedFindings !== undefined) {
    out.push(style.dim(`… and ${more(result.omittedFindings, 'finding')} not shown`))
  }
  const blocks = result.explanation.resources.map((entry) =>
    renderResource(entry, explain, style).join('\n'),
  )
  return `${[out.join('\n'), ...blocks].join('\n\n')}\n`
}
