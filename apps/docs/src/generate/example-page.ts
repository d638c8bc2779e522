import {
  type Catalog,
  describePolicy,
  type Finding,
  parsePolicy,
  validatePolicy,
} from '@connect-policy/core'
import {
  type DocumentVersion,
  documentVersions,
  fillPlaceholders,
  locateErratum,
  type PrintedPart,
  printedParts,
  type Sample,
} from '@connect-policy/samples'
import { escapeHtml, fence, headingText, htmlBlock, inlineHtml, row } from '../html.ts'
import { accessSection } from './access-section.ts'
import { type AuditSubject, auditSection, sampleSubjects } from './audit-pages.ts'
import { decisionRows, decisionTable } from './decision-table.ts'
import { findingLink, findingsTable } from './findings-table.ts'
import { playgroundLink } from './playground-link.ts'
import {
  differences,
  erratumAnchor,
  markedPart,
  printedVersions,
  printingsToShow,
} from './printed.ts'

export interface ExamplePageOptions {
  readonly catalog: Catalog
  /** Service prefixes that have a page of their own under /services/. */
  readonly servicePages: readonly string[]
  /** The example's audit, when already made; made here otherwise. */
  readonly audit?: readonly AuditSubject[]
}

const partClass: Record<PrintedPart, string> = {
  heading: 'printed-heading',
  prose: 'printed-prose',
  text: 'printed-text',
}

function printing(sample: Sample, version: DocumentVersion): string {
  const printed = sample.printed[version]
  if (printed === undefined) return ''
  return printedParts
    .filter((part) => printed[part] !== undefined)
    .map((part) => {
      const html = markedPart(sample, version, part)
      return part === 'text'
        ? `<pre class="${partClass[part]}"><code>${html}</code></pre>`
        : `<p class="${partClass[part]}">${html}</p>`
    })
    .join('\n')
}

/**
 * A link that opens one of the page's policies in the playground, with the first request of the
 * decision table filled in (the table links each of its requests).
 */
function playgroundParagraph(sample: Sample, policy: string, what: string): string {
  const first = sample.expectations[0]?.request
  const request =
    first === undefined
      ? { action: '', resources: [] }
      : {
          action: first.action,
          resources: typeof first.resource === 'string' ? [first.resource] : first.resource,
          ...(first.principal === undefined ? {} : { principal: first.principal }),
        }
  const withRequest = first === undefined ? '' : ', with the first request of the decision table'
  return `<p class="playground-open"><a class="playground-link" href="${escapeHtml(playgroundLink(policy, request))}">Open ${what} in the playground</a>${withRequest}.</p>`
}

function printedSection(sample: Sample): string {
  const shown = printingsToShow(sample)
  const intro =
    shown.length === 1 && shown[0] !== 'both'
      ? `Only the ${shown[0]} printing of the page has this ${sample.kind === 'policy' ? 'example' : 'passage'}.`
      : shown[0] === 'both'
        ? 'Both printings of the page print it identically.'
        : (differences(sample) ?? '')
  const blocks = shown.map((version) => {
    const heading =
      version === 'both'
        ? ''
        : `### ${version === 'original' ? 'Original' : 'Revised'} printing\n\n`
    const printed = version === 'both' ? 'original' : version
    const html = printing(sample, printed)
    const text = sample.printed[printed]?.text
    const open =
      text === undefined
        ? ''
        : `\n\n${htmlBlock(playgroundParagraph(sample, fillPlaceholders(text, sample.placeholders), `this printing${sample.placeholders.length === 0 ? '' : ' (placeholders filled in)'}`))}`
    return `${heading}${htmlBlock(html, 'printed')}${open}`
  })
  const legend =
    sample.errata.length === 0
      ? ''
      : ' Each mistake is <mark class="erratum severity-info">marked</mark> in place; its number leads to the explanation below.'
  return ['## As printed', htmlBlock(`<p>${inlineHtml(intro)}${legend}</p>`), ...blocks].join(
    '\n\n',
  )
}

function erratumItem(sample: Sample, index: number): string {
  const erratum = sample.errata[index]
  if (erratum === undefined) return ''
  const where = erratum.versions
    .map((version) => {
      const span = locateErratum(sample, erratum, version)
      return span === undefined ? version : `${version} ${span.part}`
    })
    .join(', ')
  const facts = [
    `<span class="severity severity-${erratum.severity}">${erratum.severity}</span>`,
    `<span class="category">${escapeHtml(erratum.category)}</span>`,
    `in the ${escapeHtml(where)}: <code>${escapeHtml(erratum.where.text)}</code>`,
  ].join(' · ')
  const lines = [
    `<p class="erratum-what"><strong>${inlineHtml(erratum.what)}</strong></p>`,
    `<p class="erratum-facts">${facts}</p>`,
    `<p><em>Why:</em> ${inlineHtml(erratum.why)}</p>`,
    `<p><em>Fix:</em> ${inlineHtml(erratum.fix)}</p>`,
    erratum.reference === undefined
      ? ''
      : `<p><em>Source:</em> ${inlineHtml(erratum.reference)}</p>`,
    erratum.findings === undefined
      ? '<p><em>Reported by the validator:</em> no check can see it.</p>'
      : `<p><em>Reported by the validator as:</em> ${erratum.findings.map(findingLink).join(', ')}</p>`,
  ]
  return `<li id="${erratumAnchor(erratum.id)}" class="erratum-item">${lines.join('')}</li>`
}

function errataSection(sample: Sample): string {
  if (sample.errata.length === 0) {
    return `## Errata\n\n${htmlBlock('<p>None: the page prints it right.</p>')}`
  }
  const items = sample.errata.map((_, index) => erratumItem(sample, index))
  return `## Errata\n\n${htmlBlock(`<ol class="errata">\n${items.join('\n')}\n</ol>`)}`
}

/** The erratum a finding on a printed text reports: one naming its code, nearest to it. */
function explainedErratum(sample: Sample, version: DocumentVersion, finding: Finding): string {
  const candidates = sample.errata.flatMap((erratum, index) => {
    if (erratum.findings?.includes(finding.code) !== true) return []
    const span = locateErratum(sample, erratum, version)
    if (span === undefined || span.part !== 'text') return []
    const at = finding.range.start.offset
    const distance = at < span.start ? span.start - at : at > span.end ? at - span.end : 0
    return [{ erratum, number: index + 1, distance }]
  })
  const nearest = candidates.sort((a, b) => a.distance - b.distance)[0]
  return nearest === undefined
    ? ''
    : `<a href="#${erratumAnchor(nearest.erratum.id)}">erratum ${nearest.number}</a>`
}

function findingsSection(sample: Sample, catalog: Catalog): string {
  const versions = documentVersions.filter((version) => sample.printed[version]?.text !== undefined)
  if (versions.length === 0) return ''
  const blocks = versions.map((version) => {
    const text = sample.printed[version]?.text ?? ''
    const findings = validatePolicy(text, { catalog })
    const table = findingsTable(findings, {
      heading: 'erratum',
      cell: (finding) => explainedErratum(sample, version, finding),
    })
    const heading =
      versions.length > 1
        ? `### ${version === 'original' ? 'Original' : 'Revised'} printing\n\n`
        : ''
    return `${heading}${htmlBlock(table)}`
  })
  const intro = htmlBlock(
    `<p>What <code>validatePolicy</code> reports on the printed ${versions.length > 1 ? 'policies' : 'policy'}, with the AWS service reference of ${escapeHtml(catalog.source.date)}.</p>`,
  )
  return ['## Findings', intro, ...blocks].join('\n\n')
}

function placeholdersSection(sample: Sample): string {
  if (sample.placeholders.length === 0) return ''
  const rows = sample.placeholders.map((placeholder) =>
    row([
      `<code>${escapeHtml(placeholder.text)}</code>`,
      inlineHtml(placeholder.meaning),
      `<code>${escapeHtml(placeholder.replacement)}</code>`,
    ]),
  )
  const table = `<table class="placeholders"><thead>${row(['as printed', 'meaning', 'example value'], 'th')}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
  return `### Placeholders\n\n${htmlBlock(`<p>The printed policy leaves these to the reader; the corrected policy and the decision table use the example values.</p>${table}`)}`
}

function correctedSection(sample: Sample, catalog: Catalog): string {
  if (sample.corrected === undefined) return ''
  const findings = validatePolicy(sample.corrected, { catalog })
  const said =
    findings.length === 0
      ? '<p>The validator finds nothing in it.</p>'
      : `<p>The validator still suggests:</p>${findingsTable(findings)}`
  return [
    '## Corrected policy',
    htmlBlock(
      sample.kind === 'prose'
        ? '<p>The page gives no policy here; this is the policy its prose describes.</p>'
        : '<p>The example with every erratum fixed and example values for its placeholders.</p>',
    ),
    fence(sample.corrected),
    htmlBlock(playgroundParagraph(sample, sample.corrected, 'the corrected policy')),
    htmlBlock(said),
    placeholdersSection(sample),
  ]
    .filter((part) => part !== '')
    .join('\n\n')
}

function literalSection(sample: Sample): string {
  if (sample.literal === undefined) return ''
  return [
    '## The literal reading',
    htmlBlock(`<p>${inlineHtml(sample.literal.basis)}</p>`),
    fence(sample.literal.text),
    htmlBlock(playgroundParagraph(sample, sample.literal.text, 'the literal reading')),
  ].join('\n\n')
}

function decisionSection(sample: Sample, catalog: Catalog): string {
  if (sample.expectations.length === 0) return ''
  const rows = decisionRows(sample, { catalog })
  const agreeing = rows.filter((decision) => decision.agrees).length
  const flagged = rows.some((decision) => decision.cells.some((cell) => cell.findings.length > 0))
    ? ' A <span class="finding-marker severity severity-warning">⚠</span> marks what the evaluation reports beside a decision (its message on hover, and under <em>Why</em>).'
    : ''
  const intro = `<p>Each request the page's claims imply, decided by <code>@connect-policy/core</code> with the AWS service reference of ${escapeHtml(catalog.source.date)} when this site was built. <span class="agreement" data-agreeing="${agreeing}" data-rows="${rows.length}">${agreeing} of ${rows.length} requests get the documented decision.</span> Printed policies are evaluated with their placeholders filled in; <span class="decision decision-rejected">rejected</span> means AWS would refuse the text.${flagged}</p>`
  return [
    '## Decision table',
    htmlBlock(intro),
    htmlBlock(decisionTable(sample, rows), 'table-scroll'),
  ].join('\n\n')
}

function plainLanguageSection(sample: Sample, catalog: Catalog): string {
  if (sample.corrected === undefined) return ''
  const { policy } = parsePolicy(sample.corrected)
  if (policy === undefined) return ''
  const description = describePolicy(policy, { catalog })
  if (description.errors !== undefined) {
    const refused = description.errors.map((error) => inlineHtml(error.message)).join(' ')
    return ['## In plain language', htmlBlock(`<p>${refused}</p>`)].join('\n\n')
  }
  const items = description.statements.map((statement) => `<li>${inlineHtml(statement.text)}</li>`)
  const effective =
    description.effective === undefined
      ? ''
      : `<p class="effective-headline">${inlineHtml(description.effective.headline)}${description.effective.actions > 0 ? ' Each is listed under <a href="#effective-access">Effective access</a>, with a request it allows.' : ''}</p>`
  return [
    '## In plain language',
    htmlBlock(
      `<p>What the corrected policy allows and denies, read from the policy and the service reference:</p><ul class="plain-language">${items.join('')}</ul><p>${description.rules.join(' ')}</p>${effective}`,
    ),
  ].join('\n\n')
}

function frontmatter(sample: Sample): string {
  return [
    '---',
    `title: ${JSON.stringify(sample.title)}`,
    `description: ${JSON.stringify(sample.description.replaceAll('`', ''))}`,
    'outline: [2, 3]',
    '---',
  ].join('\n')
}

function facts(sample: Sample, servicePages: readonly string[]): string {
  const services = sample.services.map((prefix) =>
    servicePages.includes(prefix)
      ? `<a href="/services/${prefix}"><code>${prefix}</code></a>`
      : `<code>${escapeHtml(prefix)}</code>`,
  )
  const items = [
    sample.kind === 'policy' ? 'a policy example' : 'a passage of prose',
    `services: ${services.join(', ')}`,
    `printed in: ${printedVersions(sample).join(' and ')}`,
    `${sample.errata.length} ${sample.errata.length === 1 ? 'erratum' : 'errata'}`,
    `${sample.expectations.length} ${sample.expectations.length === 1 ? 'request' : 'requests'} decided`,
  ]
  return htmlBlock(`<p class="example-facts">${items.join(' · ')}</p>`)
}

/**
 * The page of one documented example: what it is for, the text as each printing shows it with
 * its errata marked, what the validator finds, the corrected policy, the decisions the core
 * computes for the page's claims, the policy in plain language, its effective access and its
 * audit. Each policy of the page, and each request of its decision table, opens in the
 * playground.
 */
export function examplePage(sample: Sample, options: ExamplePageOptions): string {
  return [
    frontmatter(sample),
    `# ${headingText(sample.title)}`,
    facts(sample, options.servicePages),
    '## What it is for',
    htmlBlock(`<p>${inlineHtml(sample.description)}</p>`),
    printedSection(sample),
    errataSection(sample),
    findingsSection(sample, options.catalog),
    correctedSection(sample, options.catalog),
    literalSection(sample),
    decisionSection(sample, options.catalog),
    plainLanguageSection(sample, options.catalog),
    accessSection(sample, options.catalog),
    auditSection(options.audit ?? sampleSubjects(sample, options.catalog)),
  ]
    .filter((part) => part !== '')
    .join('\n\n')
    .concat('\n')
}
