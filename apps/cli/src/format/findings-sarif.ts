import { isAbsolute, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  type CatalogSource,
  type Finding,
  type FindingReference,
  type FindingSeverity,
  findingReference,
  type SourceRange,
} from '@connect-policy/core'
import type {
  ArtifactLocation,
  Fix,
  Log,
  Region,
  ReportingConfiguration,
  ReportingDescriptor,
  Result,
  Run,
} from 'sarif'
import type { FileFindings } from './findings-human.ts'

/** Where SARIF readers find the schema of the version we write. */
export const sarifSchemaUri = 'https://json.schemastore.org/sarif-2.1.0.json'

/** The base every relative artifact URI is resolved against: the folder the command ran in. */
const sourceRoot = '%SRCROOT%'

/**
 * The SARIF level of each severity. SARIF has no level between `warning` and `error`, so a
 * security warning is a `warning` that carries the `security` tag, which code scanning uses to
 * file it under security alerts; the exact severity travels in the result's properties.
 */
export const sarifLevels = {
  error: 'error',
  'security-warning': 'warning',
  warning: 'warning',
  suggestion: 'note',
} as const satisfies Record<FindingSeverity, Result.level>

/**
 * The `security-severity` GitHub code scanning reads from a rule (0.0 to 10.0; 4.0 to 6.9 is
 * `medium`). A security warning says a policy grants more than it seems to; whether that is
 * exploitable depends on the account, which a policy alone cannot tell, hence medium.
 */
export const securitySeverity = '5.0'

function isSecurityRule(reference: FindingReference): boolean {
  return reference.severity === 'security-warning' || reference.group === 'Security'
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/)
  return end === -1 ? text : text.slice(0, end + 1)
}

function toRule(reference: FindingReference): ReportingDescriptor {
  const security = isSecurityRule(reference)
  const configuration: ReportingConfiguration | undefined =
    reference.severity === 'depends' ? undefined : { level: sarifLevels[reference.severity] }
  const policyType =
    reference.policyType === undefined ? '' : ` (as a ${reference.policyType} policy)`
  return {
    id: reference.code,
    shortDescription: { text: firstSentence(reference.meaning) },
    fullDescription: { text: reference.meaning },
    help: {
      text: `${reference.meaning}\n\nFix: ${reference.fix}\n\nExample${policyType}:\n${reference.example}`,
      markdown: `${reference.meaning}\n\n**Fix:** ${reference.fix}\n\n**Example**${policyType}:\n\n\`\`\`json\n${reference.example}\n\`\`\``,
    },
    ...(configuration === undefined ? {} : { defaultConfiguration: configuration }),
    properties: {
      tags: security ? [reference.group, 'security'] : [reference.group],
      severity: reference.severity,
      ...(security ? { 'security-severity': securitySeverity } : {}),
      ...(reference.accessAnalyzer === undefined
        ? {}
        : { accessAnalyzerCheck: reference.accessAnalyzer }),
    },
  }
}

/** Every code of the finding reference as a SARIF rule, in the reference's order. */
export const sarifRules: readonly ReportingDescriptor[] = findingReference.map(toRule)
const ruleIndex = new Map(findingReference.map((reference, index) => [reference.code, index]))

/**
 * The URI of an input: a relative path, `/`-separated and percent-encoded, against
 * `%SRCROOT%` (the folder the command ran in, as code scanning expects paths from the
 * repository root), or a `file:` URI for a path outside it.
 */
export function artifactUri(name: string, cwd: string): ArtifactLocation {
  const absolute = isAbsolute(name)
  const path = absolute ? relative(cwd, name) : name
  if (absolute && (path === '' || path.startsWith('..') || isAbsolute(path))) {
    return { uri: pathToFileURL(name).href }
  }
  const segments = path.split(sep).join('/').split('/')
  const uri = segments
    .filter((segment, index) => segment !== '.' || index === segments.length - 1)
    .map(encodeURIComponent)
    .join('/')
  return { uri, uriBaseId: sourceRoot }
}

export function toRegion(range: SourceRange): Region {
  // columns are 1-based and count UTF-16 code units, as `columnKind` says; SARIF's end column is
  // the one just past the region, as our ranges' end is
  return {
    startLine: Math.max(1, range.start.line),
    startColumn: Math.max(1, range.start.column),
    endLine: Math.max(1, range.end.line),
    endColumn: Math.max(1, range.end.column),
  }
}

function toFix(finding: Finding, location: ArtifactLocation): Fix[] {
  if (finding.fix === undefined) return []
  return [
    {
      description: { text: finding.fix.title },
      artifactChanges: [
        {
          artifactLocation: location,
          replacements: [
            {
              deletedRegion: toRegion(finding.fix.range),
              insertedContent: { text: finding.fix.newText },
            },
          ],
        },
      ],
    },
  ]
}

/** The name of the fingerprint connect-policy gives each result: stable across edits elsewhere in the file. */
export const fingerprintName = 'connectPolicyFinding/v1'

function toResult(
  finding: Finding & { readonly fingerprint?: string },
  location: ArtifactLocation,
): Result {
  const index = ruleIndex.get(finding.code)
  const fixes = toFix(finding, location)
  return {
    ruleId: finding.code,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: sarifLevels[finding.severity],
    message: { text: finding.message },
    locations: [
      { physicalLocation: { artifactLocation: location, region: toRegion(finding.range) } },
    ],
    ...(fixes.length === 0 ? {} : { fixes }),
    ...(finding.fingerprint === undefined
      ? {}
      : { partialFingerprints: { [fingerprintName]: finding.fingerprint } }),
    properties: {
      severity: finding.severity,
      ...(finding.severity === 'security-warning' ? { tags: ['security'] } : {}),
    },
  }
}

export interface SarifOptions {
  readonly toolVersion: string
  readonly source: CatalogSource
  readonly cwd: string
}

/** The findings of every input as one SARIF 2.1.0 run. */
export function toSarif(files: readonly FileFindings[], options: SarifOptions): Log {
  const locations = files.map(
    (file, index): ArtifactLocation => ({
      ...artifactUri(file.input.name, options.cwd),
      index,
    }),
  )
  const results = files.flatMap((file, index) => {
    const location = locations[index] ?? artifactUri(file.input.name, options.cwd)
    const problems = (file.problems ?? []).map(
      (problem): Result => ({
        ruleId: problem.code,
        level: problem.severity === 'error' ? 'error' : 'warning',
        message: { text: problem.message },
        locations: [
          { physicalLocation: { artifactLocation: location, region: toRegion(problem.range) } },
        ],
      }),
    )
    return [...problems, ...file.findings.map((finding) => toResult(finding, location))]
  })
  return sarifLog(options, [...sarifRules], results, {
    artifacts: locations.map(({ index: _, ...location }) => ({
      location,
      sourceLanguage: 'json',
    })),
  })
}

/**
 * One SARIF 2.1.0 run of connect-policy: its rules and results, relative URIs against the folder
 * the command ran in, and the service reference it checked against; `extra` adds fields to the
 * run (its artifacts).
 */
export function sarifLog(
  options: SarifOptions,
  rules: readonly ReportingDescriptor[],
  results: readonly Result[],
  extra: Partial<Run> = {},
): Log {
  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'connect-policy',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            rules: [...rules],
          },
        },
        originalUriBaseIds: {
          [sourceRoot]: { uri: pathToFileURL(`${options.cwd.replace(/[\\/]$/, '')}/`).href },
        },
        ...extra,
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        results: [...results],
        properties: { serviceReference: { ...options.source } },
      },
    ],
  }
}
