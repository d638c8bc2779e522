import type { Finding } from '@connect-policy/core'
import {
  asRecorded,
  type DocumentVersion,
  type Erratum,
  type ExpectationOutcome,
  type Outcome,
  recordedOutcome,
  type Sample,
  type TextOutcome,
} from '@connect-policy/samples'
import { decisionPaint } from './explanation-human.ts'
import { renderFinding } from './findings-human.ts'
import { escapeControls } from './quote.ts'
import { countBySeverity, describeCounts } from './severity.ts'
import { splitLines } from './snippet.ts'
import type { Paint, Style } from './style.ts'
import { table } from './table.ts'

/** A printing of a sample with the findings the validator reports on its text. */
export interface PrintedView {
  readonly version: DocumentVersion
  /** The name findings are reported under: `<sample id>/<version>`. */
  readonly name: string
  readonly findings: readonly Finding[]
}

export function renderSampleList(list: readonly Sample[], style: Style): string {
  const rows = list.map((sample) => [
    sample.id,
    sample.kind,
    Object.keys(sample.printed).join(', '),
    String(sample.errata.length),
    String(sample.expectations.length),
    sample.title,
  ])
  const header = ['id', 'kind', 'printed in', 'errata', 'expectations', 'title']
  const hint = style.dim('`connect-policy samples show <id>` shows one sample in full')
  return `${[...table(header, rows, style), '', hint].join('\n')}\n`
}

function numbered(text: string, style: Style): string[] {
  const lines = splitLines(text)
  const width = String(lines.length).length
  return lines.map(
    (line, index) =>
      `    ${style.dim(`${String(index + 1).padStart(width)} |`)} ${escapeControls(line).trimEnd()}`,
  )
}

function indented(text: string, by = '    '): string[] {
  return splitLines(text).map((line) => `${by}${escapeControls(line).trimEnd()}`)
}

function outcomePaint(outcome: Outcome, style: Style): Paint {
  return outcome === 'rejected' ? style.magenta : decisionPaint(outcome, style)
}

function erratumLines(erratum: Erratum, style: Style): string[] {
  const severity =
    erratum.severity === 'error'
      ? style.red(erratum.severity)
      : erratum.severity === 'warning'
        ? style.yellow(erratum.severity)
        : style.cyan(erratum.severity)
  const occurrence =
    erratum.where.occurrence === undefined ? '' : ` (occurrence ${erratum.where.occurrence})`
  return [
    `  ${severity} ${style.bold(erratum.id)} ${style.dim(`${erratum.category}; ${erratum.versions.join(', ')}`)}`,
    `    what: ${escapeControls(erratum.what)}`,
    `    where: in the ${erratum.where.part}: \`${escapeControls(erratum.where.text)}\`${occurrence}`,
    `    why: ${escapeControls(erratum.why)}`,
    `    fix: ${escapeControls(erratum.fix)}`,
    ...(erratum.reference === undefined ? [] : [`    reference: ${erratum.reference}`]),
    ...(erratum.findings === undefined ? [] : [`    reported as: ${erratum.findings.join(', ')}`]),
  ]
}

function live(label: string, outcome: TextOutcome, expected: Outcome, style: Style): string {
  const deciding = outcome.deciding
    .map(
      (pointer) =>
        `#${pointer.statementIndex}${pointer.sid === undefined ? '' : ` ${pointer.sid}`}`,
    )
    .join(', ')
  const by = deciding === '' ? '' : style.dim(` by statement ${deciding}`)
  const agrees = outcome.outcome === expected
  const verdict = agrees ? style.green('✓') : style.red(`✗ expected ${expected}`)
  return `${label} ${outcomePaint(outcome.outcome, style)(outcome.outcome)}${by} ${verdict}`
}

/** Whether every text gives the outcome the sample records for it (`asRecorded`). */
export const outcomesAgree = asRecorded

function expectationLines(result: ExpectationOutcome, style: Style): string[] {
  const { expectation } = result
  const { request } = expectation
  const resources = Array.isArray(request.resource) ? request.resource : [request.resource]
  const out = [
    `  ${outcomesAgree(result) ? style.green('✓') : style.red('✗')} ${escapeControls(expectation.description)}`,
    `    action: ${request.action}`,
    ...resources.map((resource) => `    resource: ${resource}`),
    ...(request.principal === undefined ? [] : [`    principal: ${request.principal}`]),
    `    documented: ${decisionPaint(expectation.documented, style)(expectation.documented)}`,
  ]
  if (result.corrected !== undefined) {
    const expected = recordedOutcome(expectation, 'corrected')
    out.push(`    ${live('corrected policy:', result.corrected, expected, style)}`)
  }
  for (const [version, outcome] of Object.entries(result.printed)) {
    const expected = recordedOutcome(expectation, version as DocumentVersion)
    out.push(`    ${live(`printed ${version}:`, outcome, expected, style)}`)
  }
  if (result.literal !== undefined) {
    const expected = recordedOutcome(expectation, 'literal')
    out.push(`    ${live('literal policy:', result.literal, expected, style)}`)
  }
  return out
}

/**
 * One sample in full: what it is, each printing with its text and the findings on it, the
 * corrected policy, the errata, and each expectation with what every text decides today.
 */
export function renderSample(
  sample: Sample,
  printed: readonly PrintedView[],
  expectations: readonly ExpectationOutcome[],
  style: Style,
): string {
  const blocks: string[][] = [
    [
      `${style.bold(sample.id)}: ${sample.title}`,
      `  kind: ${sample.kind}; services: ${sample.services.join(', ')}`,
      ...indented(sample.description, '  '),
    ],
  ]
  for (const view of printed) {
    const part = sample.printed[view.version]
    if (part === undefined) continue
    const block = [style.bold(`printed (${view.version})`)]
    if (part.heading !== undefined) block.push('  heading:', ...indented(part.heading))
    if (part.prose !== undefined) block.push('  prose:', ...indented(part.prose))
    if (part.text !== undefined) {
      const counts = describeCounts(
        countBySeverity(view.findings.map((finding) => finding.severity)),
        style,
      )
      block.push('  text:', ...numbered(part.text, style), `  findings: ${counts}`)
      const lines = splitLines(part.text)
      for (const finding of view.findings) {
        block.push(
          ...renderFinding(finding, { name: view.name, text: part.text }, lines, style)
            .split('\n')
            .map((line) => `    ${line}`),
        )
      }
    }
    blocks.push(block)
  }
  if (sample.placeholders.length > 0) {
    blocks.push([
      style.bold(`placeholders (${sample.placeholders.length})`),
      ...sample.placeholders.map(
        (placeholder) =>
          `  \`${placeholder.text}\` (${placeholder.meaning}) → \`${placeholder.replacement}\``,
      ),
    ])
  }
  if (sample.corrected !== undefined) {
    blocks.push([style.bold('corrected policy'), ...numbered(sample.corrected, style)])
  }
  if (sample.literal !== undefined) {
    blocks.push([
      style.bold('literal policy'),
      ...indented(sample.literal.basis, '  '),
      ...numbered(sample.literal.text, style),
    ])
  }
  blocks.push([
    style.bold(`errata (${sample.errata.length})`),
    ...sample.errata.flatMap((erratum) => erratumLines(erratum, style)),
  ])
  const agreeing = expectations.filter(outcomesAgree).length
  blocks.push([
    style.bold(`expectations (${expectations.length}, ${agreeing} as recorded)`),
    ...expectations.flatMap((result) => expectationLines(result, style)),
  ])
  return `${blocks.map((block) => block.join('\n')).join('\n\n')}\n`
}
