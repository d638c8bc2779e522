import {
  documentVersions,
  type ExpectationOutcome,
  type Outcome,
  recordedOutcome,
  type Sample,
  type SampleText,
  type StatementPointer,
} from '@connect-policy/samples'
import { outcomesAgree } from './sample-human.ts'
import { joinResources } from './shorten-resource.ts'
import type { Style } from './style.ts'
import { type Cell, table } from './table.ts'

/** A sample with each of its expectations evaluated. */
export interface SampleCheck {
  readonly sample: Sample
  readonly results: readonly ExpectationOutcome[]
}

const shortNames: Record<Exclude<SampleText, 'corrected'>, string> = {
  original: 'orig',
  revised: 'rev',
  literal: 'literal',
}

const header = ['', '#', 'action', 'resources', 'documented', 'corrected', 'printed', 'deciding']

function deciding(pointers: readonly StatementPointer[]): string {
  if (pointers.length === 0) return '-'
  return pointers.map((pointer) => pointer.sid ?? `#${pointer.statementIndex}`).join(', ')
}

/** A text's outcome, green when it is the one the sample records for the text, else red. */
function outcomeCell(
  result: ExpectationOutcome,
  text: SampleText,
  outcome: Outcome | undefined,
  style: Style,
): Cell {
  if (outcome === undefined) return '-'
  const recorded = outcome === recordedOutcome(result.expectation, text)
  return { text: outcome, paint: recorded ? style.green : style.red }
}

/**
 * What the printed policies (`orig`, `rev`) and the literal one give, in one cell: red when one
 * is not what the sample records for it, yellow when one differs from the documented decision
 * as recorded (an erratum changes the decision).
 */
function printedCell(result: ExpectationOutcome, style: Style): Cell {
  const texts = [
    ...documentVersions.map((version) => [version, result.printed[version]?.outcome] as const),
    ['literal', result.literal?.outcome] as const,
  ].filter((entry): entry is readonly [Exclude<SampleText, 'corrected'>, Outcome] => {
    return entry[1] !== undefined
  })
  if (texts.length === 0) return '-'
  const text = texts.map(([name, outcome]) => `${shortNames[name]} ${outcome}`).join(', ')
  if (texts.some(([name, outcome]) => outcome !== recordedOutcome(result.expectation, name))) {
    return { text, paint: style.red }
  }
  const differs = texts.some(([, outcome]) => outcome !== result.expectation.documented)
  return differs ? { text, paint: style.yellow } : text
}

function row(result: ExpectationOutcome, index: number, style: Style): Cell[] {
  const { request, documented } = result.expectation
  const resources = typeof request.resource === 'string' ? [request.resource] : request.resource
  return [
    outcomesAgree(result) ? { text: '✓', paint: style.green } : { text: '✗', paint: style.red },
    String(index + 1),
    request.action,
    joinResources(resources),
    documented,
    outcomeCell(result, 'corrected', result.corrected?.outcome, style),
    printedCell(result, style),
    deciding(result.corrected?.deciding ?? []),
  ]
}

/**
 * `samples check`: a table per sample of its requests (resources shortened), the documented
 * decision, what the corrected, printed and literal policies give, and the statements that
 * decide under the corrected policy; then how many expectations are as their sample records,
 * and which are not.
 */
export function renderSamplesCheck(checks: readonly SampleCheck[], style: Style): string {
  const out: string[] = []
  for (const { sample, results } of checks) {
    out.push(`${style.bold(sample.id)}: ${sample.title}`)
    out.push(
      ...table(
        header,
        results.map((result, index) => row(result, index, style)),
        style,
      ),
      '',
    )
  }
  const results = checks.flatMap((check) => check.results)
  const agreeing = results.filter(outcomesAgree).length
  const counts = `${results.length} expectations of ${checks.length} samples, ${agreeing} as recorded`
  out.push(agreeing === results.length ? style.green(counts) : style.red(counts))
  const off = checks.flatMap(({ sample, results }) =>
    results.flatMap((result, index) =>
      outcomesAgree(result) ? [] : [`${sample.id} #${index + 1}`],
    ),
  )
  if (off.length > 0) {
    out.push(
      `not as recorded: ${off.join(', ')}`,
      style.dim('`connect-policy samples show <id>` shows why'),
    )
  }
  return `${out.join('\n')}\n`
}
