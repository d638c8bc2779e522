import {
  type AuditCheck,
  type AuditFinding,
  type AuditReport,
  auditCategories,
  auditChecks,
  auditPolicySet,
} from '@connect-policy/audit'
import type { Catalog } from '@connect-policy/core'
import { fillPlaceholders, type Sample } from '@connect-policy/samples'
import { escapeHtml, headingText, htmlBlock, inlineHtml, row } from '../html.ts'
import { compareActionLists } from './action-list-order.ts'
import { exampleLink } from './examples-index.ts'

/** A policy the site audits: a documented example (corrected or as printed) or a managed policy. */
export interface AuditSubject {
  readonly name: string
  /** Where the site shows the policy, when it does. */
  readonly link?: string
  readonly report: AuditReport
}

const identity = (text: string) => ({ identityPolicies: [text] })

/** The link of a check's page. */
export function auditCheckLink(code: string): string {
  return `/audit/${code}`
}

const categoryWords: Record<(typeof auditCategories)[number], string> = {
  administrator: 'Paths to instance administrator through IAM alone',
  data: 'Data leaving the contact center',
  isolation: 'Isolation',
  destruction: 'Destruction',
  'toll-fraud': 'Toll fraud',
  'sibling-services': 'The services around Amazon Connect',
}

const queryWords: Record<AuditCheck['query']['kind'], string> = {
  granted:
    'whether the set grants the actions (on the resources the check names) for any request, with <code>checkAccessNotGranted</code>; each region of access it grants is a finding, with a request the set allows',
  'outside-instances':
    'what the set grants beyond <code>connect:*</code> on the instances given and everything in them, with <code>checkNoNewAccess</code>; it runs only when the instances or accounts the set is meant for are given',
  'sub-resources':
    'for each resource an Allow statement names exactly, what its actions would get on the resources of other types within it (<code>&lt;resource&gt;/*</code>) that the set denies, with <code>checkNoNewAccess</code>; each finding is a request the set denies',
}

/** The audit of a documented example's corrected policy and, where it differs, of its printing. */
export function sampleSubjects(sample: Sample, catalog: Catalog): AuditSubject[] {
  if (sample.corrected === undefined) return []
  const corrected: AuditSubject = {
    name: `${sample.title} (corrected)`,
    link: exampleLink(sample.id),
    report: auditPolicySet(identity(sample.corrected), { catalog }),
  }
  const text = sample.printed.original?.text ?? sample.printed.revised?.text
  if (text === undefined) return [corrected]
  const printed: AuditSubject = {
    name: `${sample.title} (as printed)`,
    link: exampleLink(sample.id),
    report: auditPolicySet(identity(fillPlaceholders(text, sample.placeholders)), { catalog }),
  }
  // a printing AWS would reject is audited as nothing; one that fails the same checks adds nothing
  if (printed.report.errors !== undefined) return [corrected]
  return failedCodes(printed.report).join() === failedCodes(corrected.report).join()
    ? [corrected]
    : [corrected, printed]
}

/** The codes of the checks a report fails, in the checks' order. */
export function failedCodes(report: AuditReport): string[] {
  if (report.errors !== undefined) return []
  return report.checks.filter((check) => check.status === 'fail').map((check) => check.code)
}

/**
 * A report's findings in the order of its checks, and those of one check in the site's order of
 * their actions.
 */
function orderedFindings(
  report: Extract<AuditReport, { readonly findings: unknown }>,
): AuditFinding[] {
  const checks = report.checks.map((check) => check.code)
  return [...report.findings].sort(
    (a, b) =>
      checks.indexOf(a.code) - checks.indexOf(b.code) || compareActionLists(a.actions, b.actions),
  )
}

/** A subject's name, linked to where the site shows its policy when it does. */
function subjectName(subject: AuditSubject): string {
  const name = escapeHtml(subject.name)
  return subject.link === undefined ? name : `<a href="${subject.link}">${name}</a>`
}

function severityBadge(severity: string): string {
  return `<span class="severity severity-${severity}">${severity}</span>`
}

/** A finding in a line: its severity, its check (a link) and what it found, with the witness. */
export function findingItem(finding: AuditFinding): string {
  return `<li class="audit-finding">${severityBadge(finding.severity)} <a href="${auditCheckLink(finding.code)}">${escapeHtml(finding.code)}</a>: ${inlineHtml(finding.message)}</li>`
}

/** The page listing every check, by category, and what the policies the site holds fail. */
export function auditIndexPage(subjects: readonly AuditSubject[]): string {
  const sections = auditCategories.map((category) => {
    const checks = auditChecks.filter((check) => check.category === category)
    const rows = checks.map((check) =>
      row([
        `<a href="${auditCheckLink(check.code)}"><code>${escapeHtml(check.code)}</code></a>`,
        severityBadge(check.severity),
        inlineHtml(check.question),
      ]),
    )
    return `## ${categoryWords[category]}\n\n${htmlBlock(`<table class="audit-checks"><thead>${row(['check', 'severity', 'question'], 'th')}</thead><tbody>${rows.join('')}</tbody></table>`)}`
  })
  const results = subjects.map((subject) =>
    row([
      subjectName(subject),
      failedCodes(subject.report)
        .map((code) => `<a href="${auditCheckLink(code)}"><code>${escapeHtml(code)}</code></a>`)
        .join(', ') || 'none',
    ]),
  )
  return [
    '---\ntitle: The Amazon Connect audit\n---',
    '# The Amazon Connect audit',
    htmlBlock(
      `<p>The questions people who secure a contact center ask of an IAM policy set, each a named check decided over every request by the analyzer, each finding with a request the evaluator decides as the finding says. An IAM principal that may call the Amazon Connect API is not limited by any security profile, so some IAM permissions amount to administering the instance. Run it with <code>connect-policy audit</code>, <code>POST /v1/audit</code> or <code>auditPolicySet</code> of <code>@connect-policy/audit</code>; the playground audits the policy you type.</p>`,
    ),
    ...sections,
    '## What the AWS managed policies and the documented examples fail',
    htmlBlock(
      `<table class="audit-results"><thead>${row(['policy', 'checks that fail'], 'th')}</thead><tbody>${results.join('')}</tbody></table>`,
    ),
  ].join('\n\n')
}

/** The page of one check: its question, why it matters, how it is decided, and where it fails. */
export function auditCheckPage(check: AuditCheck, subjects: readonly AuditSubject[]): string {
  const found = subjects.flatMap((subject) => {
    if (subject.report.errors !== undefined) return []
    const findings = orderedFindings(subject.report).filter(
      (finding) => finding.code === check.code,
    )
    if (findings.length === 0) return []
    const name = subjectName(subject)
    return [
      `<li><strong>${name}</strong><ul class="audit-findings">${findings
        .slice(0, 3)
        .map((finding) => `<li>${inlineHtml(finding.message)}</li>`)
        .join(
          '',
        )}${findings.length > 3 ? `<li>and ${findings.length - 3} more</li>` : ''}</ul></li>`,
    ]
  })
  const passing = subjects
    .filter(
      (subject) =>
        subject.report.errors === undefined &&
        subject.report.checks.some((c) => c.code === check.code && c.status === 'pass'),
    )
    .map((subject) => escapeHtml(subject.name))
  return [
    `---\ntitle: ${check.code}\n---`,
    `# ${headingText(check.title)}`,
    htmlBlock(
      `<p class="audit-check-facts">${severityBadge(check.severity)} · <code>${escapeHtml(check.code)}</code> · ${escapeHtml(categoryWords[check.category])} · <a href="${check.source.url}">${escapeHtml(check.source.title)}</a></p><p class="audit-question"><strong>${inlineHtml(check.question)}</strong></p>`,
    ),
    '## Why it matters',
    htmlBlock(`<p>${inlineHtml(check.risk)}</p>`),
    '## What to do',
    htmlBlock(`<p>${inlineHtml(check.fix)}</p>`),
    '## How it is decided',
    htmlBlock(
      `<p>Over every request, not sampled: ${queryWords[check.query.kind]}. A check the analysis cannot prove within its limits ends <code>unknown</code>, with the reasons, never <code>pass</code>. Source: <code>packages/audit/src/checks/${escapeHtml(check.code)}.ts</code>.</p>`,
    ),
    '## Where it fails',
    htmlBlock(
      found.length === 0
        ? '<p>No AWS managed policy or documented example the site shows fails it.</p>'
        : `<ul class="audit-where">${found.join('')}</ul>`,
    ),
    ...(passing.length === 0 ? [] : [htmlBlock(`<p>Passed by: ${passing.join(', ')}.</p>`)]),
  ].join('\n\n')
}

/** An example page's audit: its corrected policy's findings (and its printing's, where they differ). */
export function auditSection(subjects: readonly AuditSubject[]): string {
  if (subjects.length === 0) return ''
  const parts = subjects.map((subject) => {
    if (subject.report.errors !== undefined) return ''
    const skipped = subject.report.checks.filter((check) => check.status === 'skipped').length
    const unknown = subject.report.checks.filter((check) => check.status === 'unknown')
    const findings = orderedFindings(subject.report)
    const head =
      findings.length === 0
        ? `<p><strong>${escapeHtml(subject.name)}</strong>: passes every check${skipped > 0 ? ' run' : ''}.</p>`
        : `<p><strong>${escapeHtml(subject.name)}</strong>: ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}.</p><ul class="audit-findings">${findings.map(findingItem).join('')}</ul>`
    const notes = [
      ...(skipped > 0 ? ['the isolation check needs the instances the policy is meant for'] : []),
      ...unknown.map((check) => `${check.code} is not proven: ${check.reasons.join('; ')}`),
    ]
    return `${head}${notes.length === 0 ? '' : `<p class="audit-notes">${inlineHtml(notes.join('; '))}.</p>`}`
  })
  return [
    '## Audit',
    htmlBlock(
      `<div class="audit-panel" data-testid="audit-panel"><p>The <a href="/audit/">Amazon Connect audit</a> over every request, each finding with a request the policy's decision shows.</p>${parts.join('')}</div>`,
    ),
  ].join('\n\n')
}
