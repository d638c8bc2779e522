import { awsCatalog } from '@connect-policy/catalog'
import { atLeast, type FindingSeverity, type PolicyType } from '@connect-policy/core'
import {
  type ReadSource,
  type SourceFinding,
  type SourceProblem,
  validateSource,
} from '@connect-policy/sources'
import { baselineKey } from './baseline.ts'
import { type PathSuppression, suppressedByConfig } from './ci-config.ts'
import { UsageError } from './command.ts'
import type { Io } from './io.ts'
import {
  type ReadSources,
  readSources,
  type SourceSelection,
  terraformConfigSuppressions,
} from './read-sources.ts'

/** The findings of one file, positioned in it, and what was said about the file itself. */
export interface CheckedFile {
  readonly source: ReadSource
  readonly findings: readonly SourceFinding[]
  /** How many findings suppressions (comments, the config) and the baseline took out. */
  readonly suppressed: number
  readonly baselined: number
}

export interface CheckOptions {
  readonly policyType: PolicyType
  readonly suppress: readonly string[]
  readonly selection: SourceSelection
  readonly parameters: Readonly<Record<string, string>>
  readonly stdinName: string
  readonly pathSuppressions: readonly PathSuppression[]
  readonly baseline?: ReadonlySet<string>
}

export interface CheckedSources extends Omit<ReadSources, 'sources'> {
  readonly files: readonly CheckedFile[]
}

/**
 * Reads every path (`readSources`) and validates every policy of every file, positioned in its
 * file. Findings suppressed in the file's comments or by the config, and those the baseline
 * holds, are counted but not listed.
 */
export async function checkSources(
  paths: readonly string[],
  io: Io,
  options: CheckOptions,
): Promise<CheckedSources> {
  const read = await readSources(paths, io, options.selection, {
    parameters: options.parameters,
    stdinName: options.stdinName,
  })
  if (
    read.sources.length === 0 &&
    read.unreadable.length === 0 &&
    options.selection.ignoreUnrecognized !== true
  ) {
    const left = read.skipped.length
    throw new UsageError(
      `no file holds a policy in ${paths.map((path) => `\`${path}\``).join(', ')}${left > 0 ? ` (${left} ${left === 1 ? 'file is' : 'files are'} none of the formats read)` : ''}`,
    )
  }
  const catalog = awsCatalog()
  const files: CheckedFile[] = []
  for (const source of read.sources) {
    const resourceSuppressions = await terraformConfigSuppressions(source, io)
    const validation = validateSource(source, {
      resourceSuppressions,
      catalog,
      policyType: options.policyType,
      suppress: options.suppress,
    })
    let suppressed = validation.suppressed.length
    let baselined = 0
    const findings = validation.findings.filter((finding) => {
      if (suppressedByConfig(options.pathSuppressions, source.name, finding.code)) {
        suppressed++
        return false
      }
      if (options.baseline?.has(baselineKey(source.name, finding.fingerprint))) {
        baselined++
        return false
      }
      return true
    })
    files.push({ source, findings, suppressed, baselined })
  }
  return { files, unreadable: read.unreadable, skipped: read.skipped }
}

/** Whether a problem says the file as a whole was not read: none of the formats, or broken. */
function fileNotRead(problem: SourceProblem): boolean {
  return problem.code === 'unrecognized-file' || problem.code === 'unreadable-file'
}

/** Whether a run found what fails it: findings at or above `failOn`, or problems of that gravity. */
export function failing(files: readonly CheckedFile[], failOn: FindingSeverity): boolean {
  return files.some(
    (file) =>
      file.findings.some((finding) => atLeast(finding.severity, failOn)) ||
      file.source.problems.some(
        (problem) => !fileNotRead(problem) && atLeast(problem.severity, failOn),
      ),
  )
}

/** Whether a file could not be read or is none of the formats: the run then exits 2. */
export function unreadableFiles(files: readonly CheckedFile[]): boolean {
  return files.some((file) => file.source.problems.some(fileNotRead))
}
