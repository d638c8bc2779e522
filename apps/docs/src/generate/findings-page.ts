import {
  type CatalogSource,
  type Finding,
  type FindingReference,
  findingGroups,
  findingSeverities,
  findingSeverityMeanings,
} from '@connect-policy/core'
import { escapeHtml, fence, htmlBlock, inlineHtml, row } from '../html.ts'
import { breakableHtml } from './breakable.ts'
import { firstSentence } from './first-sentence.ts'
import { sourceSentence } from './service-page.ts'

export interface FindingsPageInput {
  readonly reference: readonly FindingReference[]
  /** What the validator says about an entry's example. */
  readonly validate: (entry: FindingReference) => readonly Finding[]
  readonly source: CatalogSource
}

function entry(reference: FindingReference, input: FindingsPageInput): string {
  const said = input
    .validate(reference)
    .filter((finding) => finding.code === reference.code)
    .map(
      (finding) =>
        `<li>${finding.severity}, line ${finding.range.start.line}, column ${finding.range.start.column}: ${inlineHtml(finding.message)}${finding.fix === undefined ? '' : ` <em>(fix: ${inlineHtml(finding.fix.title)})</em>`}</li>`,
    )
  const facts = [
    `severity: <strong>${reference.severity === 'depends' ? 'depends on the policy' : reference.severity}</strong>`,
    reference.accessAnalyzer === undefined
      ? 'IAM Access Analyzer: no equivalent'
      : `IAM Access Analyzer: <code>${escapeHtml(reference.accessAnalyzer)}</code>`,
    ...(reference.policyType === undefined
      ? []
      : [`example validated as a <code>${reference.policyType}</code> policy`]),
    ...(reference.exampleOptions === undefined
      ? []
      : [
          `example validated with the options <code>${escapeHtml(JSON.stringify(reference.exampleOptions))}</code>`,
        ]),
  ]
  return [
    `### ${reference.code} {#${reference.code}}`,
    htmlBlock(
      `<p class="finding-facts">${facts.join(' · ')}</p><p>${inlineHtml(reference.meaning)}</p>`,
    ),
    fence(reference.example),
    htmlBlock(
      `<p>The validator says:</p><ul class="validator-says">${said.join('')}</ul><p><strong>Fix:</strong> ${inlineHtml(reference.fix)}</p>`,
    ),
  ].join('\n\n')
}

/**
 * The findings reference: an index of every code the validator reports, each with the first
 * sentence of its meaning, then each code with its meaning, an example and the fix.
 */
export function findingsPage(input: FindingsPageInput): string {
  const index = input.reference.map((reference) =>
    row([
      `<a href="#${reference.code}"><code>${reference.code}</code></a>`,
      reference.severity,
      escapeHtml(reference.group),
      inlineHtml(firstSentence(reference.meaning)),
      reference.accessAnalyzer === undefined
        ? ''
        : `<code>${breakableHtml(reference.accessAnalyzer)}</code>`,
    ]),
  )
  const severities = findingSeverities
    .map(
      (severity) => `<li><strong>${severity}</strong>: ${findingSeverityMeanings[severity]}</li>`,
    )
    .join('')
  const groups = findingGroups.flatMap((group) => {
    const entries = input.reference.filter((reference) => reference.group === group)
    return entries.length === 0 ? [] : [`## ${group}`, ...entries.map((e) => entry(e, input))]
  })
  return [
    [
      '---',
      'title: Findings',
      'description: Every finding code of the validator, with its meaning, an example and the fix',
      'outline: [2, 2]',
      '---',
    ].join('\n'),
    '# Findings',
    htmlBlock(
      `<p><code>validatePolicy</code> reports what it finds as findings: a stable code, a severity, a message, the range of text concerned (line and column from 1) and, where one exists, a fix. Codes never change meaning; suppress one with the <code>suppress</code> option. The <a href="/playground">playground</a> shows them as you type.</p><ul>${severities}</ul><p>Checks that need to know AWS services use the service reference. ${sourceSentence(input.source)}</p>`,
    ),
    '## Index',
    htmlBlock(
      `<table class="findings-index"><thead>${row(['code', 'severity', 'group', 'meaning', 'IAM Access Analyzer'], 'th')}</thead><tbody>\n${index.join('\n')}\n</tbody></table>`,
      'table-scroll',
    ),
    ...groups,
  ]
    .join('\n\n')
    .concat('\n')
}
