import {
  type CatalogSource,
  type Finding,
  type FindingReference,
  findingGroups,
  findingSeverities,
  findingSeverityMeanings,
} from '@connect-policy/core'
import type { ExplainedErrors } from '../corpus/managed-policy-errors.ts'
import type { CorpusSurvey } from '../corpus/survey-policies.ts'

/** Everything docs/findings.md is made of, computed elsewhere so that this stays a pure function. */
export interface FindingsDocumentInput {
  readonly reference: readonly FindingReference[]
  /** What the validator says about each reference example, by code. */
  readonly exampleFindings: ReadonlyMap<string, readonly Finding[]>
  readonly catalogSource: CatalogSource
  readonly corpus: {
    readonly name: string
    readonly version: string
    readonly survey: CorpusSurvey
    readonly explainedErrors: readonly ExplainedErrors[]
  }
}

const anchor = (code: string) => `#${code}`

function fence(text: string, language = 'json'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length))
  const marks = '`'.repeat(longest + 1)
  return `${marks}${language}\n${text}\n${marks}`
}

function total(counts: Partial<Record<string, number>> | undefined): number {
  return Object.values(counts ?? {}).reduce<number>((sum, count) => sum + (count ?? 0), 0)
}

function renderEntry(entry: FindingReference, input: FindingsDocumentInput): string {
  const found = (input.exampleFindings.get(entry.code) ?? []).filter(
    (finding) => finding.code === entry.code,
  )
  const corpusCount = total(input.corpus.survey.counts[entry.code])
  const facts = [
    `severity: **${entry.severity === 'depends' ? 'depends on the policy' : entry.severity}**`,
    entry.accessAnalyzer === undefined
      ? 'IAM Access Analyzer: no equivalent'
      : `IAM Access Analyzer: \`${entry.accessAnalyzer}\``,
    `in AWS managed policies: ${corpusCount}`,
    ...(entry.policyType === undefined ? [] : [`example validated as: \`${entry.policyType}\``]),
    ...(entry.exampleOptions === undefined
      ? []
      : [`example validated with the options: \`${JSON.stringify(entry.exampleOptions)}\``]),
  ]
  const said = found.map(
    (finding) =>
      `- ${finding.severity}, line ${finding.range.start.line}, column ` +
      `${finding.range.start.column}: ${finding.message}` +
      (finding.fix === undefined ? '' : ` (fix: ${finding.fix.title})`),
  )
  return [
    `### \`${entry.code}\``,
    '',
    facts.join(' · '),
    '',
    entry.meaning,
    '',
    fence(entry.example),
    '',
    'The validator says:',
    '',
    ...said,
    '',
    `**Fix**: ${entry.fix}`,
  ].join('\n')
}

function renderIndex(reference: readonly FindingReference[]): string {
  const rows = reference.map(
    (entry) =>
      `| [\`${entry.code}\`](${anchor(entry.code)}) | ${entry.severity} | ${entry.group} | ` +
      `${entry.accessAnalyzer === undefined ? '' : `\`${entry.accessAnalyzer}\``} |`,
  )
  return [
    '| code | severity | group | IAM Access Analyzer |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
}

function renderCorpus(input: FindingsDocumentInput): string {
  const { survey, explainedErrors, name, version } = input.corpus
  const codes = Object.keys(survey.counts).sort(
    (a, b) => total(survey.counts[b]) - total(survey.counts[a]) || a.localeCompare(b),
  )
  const header = `| code | ${findingSeverities.join(' | ')} | policies |`
  const rows = codes.map((code) => {
    const counts = survey.counts[code] ?? {}
    const cells = findingSeverities.map((severity) => String(counts[severity] ?? ''))
    return `| [\`${code}\`](${anchor(code)}) | ${cells.join(' | ')} | ${survey.policiesByCode[code] ?? 0} |`
  })
  const totals = findingSeverities.map((severity) =>
    String(codes.reduce((sum, code) => sum + (survey.counts[code]?.[severity] ?? 0), 0)),
  )
  const errorPolicies = new Set(survey.errors.map((error) => error.policy))
  const explained = explainedErrors.map((group) => {
    const count = survey.errors.filter(
      (error) => error.code === group.code && group.subjects.includes(error.subject),
    ).length
    return [
      `- \`${group.code}\` (${count} findings): ${group.reason}`,
      `  Subjects: ${group.subjects.map((subject) => `\`${subject}\``).join(', ')}.`,
    ].join('\n')
  })
  return [
    `Every policy of the npm package \`${name}\` ${version} (${survey.policies} policies, the ` +
      'latest version of each) is validated as an identity policy by a test. Every one parses ' +
      `without a diagnostic; ${errorPolicies.size} get an error-severity finding, and each of ` +
      'those errors is listed below with the reason it is true. The test fails on an error ' +
      'that is not listed here and on a listed one that no longer occurs.',
    '',
    [header, `| --- | ${findingSeverities.map(() => '---:').join(' | ')} | ---: |`, ...rows].join(
      '\n',
    ),
    `| **all** | ${totals.join(' | ')} | |`,
    '',
    '### The errors, and why they are true',
    '',
    ...explained,
  ].join('\n')
}

/**
 * docs/findings.md: every finding code with its meaning, an example, what the validator says
 * about the example and the fix, then the counts over the AWS managed policies. Generated, and
 * held to the code by a test.
 */
export function renderFindingsDocument(input: FindingsDocumentInput): string {
  const { catalogSource } = input
  const sections = findingGroups.map((group) => {
    const entries = input.reference.filter((entry) => entry.group === group)
    return [`## ${group}`, ...entries.map((entry) => renderEntry(entry, input))].join('\n\n')
  })
  return `${[
    '# Findings',
    '',
    '<!-- Generated by `pnpm --filter @connect-policy/catalog docs:findings` from the finding reference ' +
      'of @connect-policy/core; a test fails when this file is out of date. -->',
    '',
    '`validatePolicy` reports what it finds as findings: a stable kebab-case code, a severity, ' +
      'a message, the range of text concerned (line and column from 1) and, where one exists, ' +
      'a fix as a text edit. Codes never change meaning; suppress one with the `suppress` ' +
      'option.',
    '',
    ...findingSeverities.map(
      (severity) => `- **${severity}**: ${findingSeverityMeanings[severity]}`,
    ),
    '',
    'Checks that need to know AWS services use the service reference of ' +
      `\`${catalogSource.name}\` ${catalogSource.version}, dated ${catalogSource.date}; ` +
      'messages that depend on it name that date. An action or service AWS added later is ' +
      'unknown to it.',
    '',
    '## Index',
    '',
    renderIndex(input.reference),
    '',
    sections.join('\n\n'),
    '',
    '## Over the AWS managed policies',
    '',
    renderCorpus(input),
  ].join('\n')}\n`
}
