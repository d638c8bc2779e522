import type { Decision, DocumentVersion, Outcome, StatementPointer } from '../schema.ts'
import { documentVersions } from '../schema.ts'
import { asDocumented } from './as-documented.ts'
import { shortenResource } from './shorten-resource.ts'

/** One expectation as the demo shows it. */
export interface DemoRow {
  readonly action: string
  readonly resources: readonly string[]
  readonly documented: Decision
  /** What the corrected policy gives; absent for samples without one. */
  readonly corrected?: Outcome
  /** What each printed policy gives, placeholders filled in. */
  readonly printed: Partial<Record<DocumentVersion, Outcome>>
  /** What the policy the prose describes gives, for prose samples. */
  readonly literal?: Outcome
  readonly deciding: readonly StatementPointer[]
}

/** The expectations of one sample. */
export interface DemoSection {
  readonly id: string
  readonly title: string
  readonly rows: readonly DemoRow[]
}

export interface FormatOptions {
  /** Colour the decisions with ANSI escapes; only for a terminal. */
  readonly color: boolean
}

const shortVersion: Record<DocumentVersion, string> = { original: 'orig', revised: 'rev' }
type Tone = 'good' | 'bad' | 'note' | 'plain'
interface Cell {
  readonly text: string
  readonly tone: Tone
}

const escapes: Record<Tone, [string, string]> = {
  good: ['\u001b[32m', '\u001b[39m'],
  bad: ['\u001b[31m', '\u001b[39m'],
  note: ['\u001b[33m', '\u001b[39m'],
  plain: ['', ''],
}

function cell(text: string, tone: Tone = 'plain'): Cell {
  return { text, tone }
}

function deciding(pointers: readonly StatementPointer[]): string {
  if (pointers.length === 0) return '-'
  return pointers.map((pointer) => pointer.sid ?? `#${pointer.statementIndex}`).join(', ')
}

function printedCell(row: DemoRow): Cell {
  const parts = documentVersions.flatMap((version) => {
    const outcome = row.printed[version]
    return outcome === undefined ? [] : [`${shortVersion[version]} ${outcome}`]
  })
  if (row.literal !== undefined) parts.push(`literal ${row.literal}`)
  if (parts.length === 0) return cell('-')
  const differs =
    documentVersions.some((version) => {
      const outcome = row.printed[version]
      return outcome !== undefined && outcome !== row.documented
    }) ||
    (row.literal !== undefined && row.literal !== row.documented)
  return cell(parts.join(', '), differs ? 'note' : 'plain')
}

/**
 * The resources of a request, shortened; after the first, the part a resource shares with the
 * first (up to a `/`) is written `…/`, so that `CreateUser`'s four ARNs stay readable.
 */
function joinResources(resources: readonly string[]): string {
  const short = resources.map(shortenResource)
  const [first = ''] = short
  return short
    .map((resource, index) => {
      if (index === 0) return resource
      let shared = 0
      while (shared < resource.length && resource[shared] === first[shared]) shared++
      const cut = resource.lastIndexOf('/', shared - 1)
      return cut > 0 ? `…${resource.slice(cut)}` : resource
    })
    .join(' + ')
}

const headers = ['#', 'action', 'resources', 'documented', 'corrected', 'printed', 'deciding']

function rowCells(row: DemoRow, index: number): Cell[] {
  const corrected = row.corrected ?? '-'
  return [
    cell(String(index + 1)),
    cell(row.action),
    cell(joinResources(row.resources)),
    cell(row.documented),
    cell(corrected, corrected === row.documented ? 'good' : 'bad'),
    printedCell(row),
    cell(deciding(row.deciding)),
  ]
}

function renderTable(rows: readonly Cell[][], options: FormatOptions): string[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]?.text.length ?? 0)),
  )
  const render = (cells: readonly Cell[]) =>
    cells
      .map((each, column) => {
        const padded = each.text.padEnd(widths[column] ?? 0)
        const [open, close] = options.color ? escapes[each.tone] : escapes.plain
        return `${open}${padded}${close}`
      })
      .join('  ')
      .trimEnd()
  return [
    render(headers.map((header) => cell(header))),
    render(widths.map((width) => cell('-'.repeat(width)))),
    ...rows.map(render),
  ]
}

/**
 * The demo's report: one table per sample (request, documented decision, the decision of the
 * corrected policy, of each printed policy, and the deciding statement), then a summary line.
 */
export function formatReport(sections: readonly DemoSection[], options: FormatOptions): string {
  const out: string[] = []
  for (const section of sections) {
    out.push(`${section.id}: ${section.title}`, '')
    out.push(...renderTable(section.rows.map(rowCells), options), '')
  }
  const rows = sections.flatMap((section) => section.rows)
  out.push(`${rows.length} expectations, ${rows.filter(asDocumented).length} as documented`)
  return `${out.join('\n')}\n`
}
