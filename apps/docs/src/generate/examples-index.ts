import type { Sample } from '@connect-policy/samples'
import { escapeHtml, htmlBlock, row } from '../html.ts'
import type { DecisionRow } from './decision-table.ts'
import { printedVersions } from './printed.ts'

/** The link of an example's page. */
export const exampleLink = (id: string) => `/examples/${id}`

/** The list of example pages, with what each holds and whether its decisions agree. */
export function examplesIndexPage(
  samples: readonly Sample[],
  rowsOf: (sample: Sample) => readonly DecisionRow[],
): string {
  const rows = samples.map((sample) => {
    const decisions = rowsOf(sample)
    const agreeing = decisions.filter((decision) => decision.agrees).length
    return row([
      `<a href="${exampleLink(sample.id)}">${escapeHtml(sample.title)}</a>`,
      sample.kind,
      sample.services.map((prefix) => `<code>${escapeHtml(prefix)}</code>`).join(' '),
      printedVersions(sample).join(', '),
      String(sample.errata.length),
      decisions.length === 0 ? '' : `${agreeing} of ${decisions.length}`,
    ])
  })
  return [
    [
      '---',
      'title: Examples',
      'description: Every example of the Amazon Connect resource-level policy examples page, checked',
      '---',
    ].join('\n'),
    '# The documented examples',
    htmlBlock(
      `<p>Every example and passage of the AWS page <em>Amazon Connect resource-level policy examples</em> (Amazon Connect Administrator Guide), in the order the page prints them. Each page shows the text as printed with its mistakes marked, what the validator finds, the corrected policy, and the decisions <code>@connect-policy/core</code> computes for what the page claims.</p><table class="examples-index"><thead>${row(['example', 'kind', 'services', 'printed in', 'errata', 'documented decisions'], 'th')}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
    ),
  ]
    .join('\n\n')
    .concat('\n')
}
