import type { Finding } from '@connect-policy/core'
import { escapeHtml, inlineHtml, row } from '../html.ts'

/** Where the findings reference documents a code. */
export const findingLink = (code: string) =>
  `<a href="/findings#${escapeHtml(code)}"><code>${escapeHtml(code)}</code></a>`

/**
 * The validator's findings as a table: where (line:column), severity, code linked to the
 * findings reference, message, and a last column for what the caller says about each.
 */
export function findingsTable(
  findings: readonly Finding[],
  note?: { readonly heading: string; readonly cell: (finding: Finding) => string },
): string {
  if (findings.length === 0) return '<p class="no-findings">The validator finds nothing.</p>'
  const header = [
    'where',
    'severity',
    'code',
    'message',
    ...(note === undefined ? [] : [note.heading]),
  ]
  const rows = findings.map((finding) =>
    row(
      [
        `${finding.range.start.line}:${finding.range.start.column}`,
        `<span class="severity severity-${finding.severity}">${finding.severity}</span>`,
        findingLink(finding.code),
        inlineHtml(finding.message) +
          (finding.fix === undefined ? '' : ` <em>(fix: ${inlineHtml(finding.fix.title)})</em>`),
        ...(note === undefined ? [] : [note.cell(finding)]),
      ],
      'td',
      ` data-code="${escapeHtml(finding.code)}"`,
    ),
  )
  return `<table class="findings"><thead>${row(header, 'th')}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
}
