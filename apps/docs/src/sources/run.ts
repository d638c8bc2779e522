import type { Catalog } from '@connect-policy/core'
import {
  type AccountPrincipal,
  type FoundPolicy,
  type Projection,
  readSource,
  type SourceFile,
  type SourceFinding,
  type SourceFormat,
  type SourceProblem,
  sourceFormatNames,
  validateSource,
} from '@connect-policy/sources'
import type { EditorFinding } from '../code-editor/diagnostics.ts'

/** A policy of the file as the page lists it: where it is and what it is, without its text. */
export type ListedPolicy = Omit<FoundPolicy, 'projection'>

/** What the sources page shows of a file. */
export interface SourcesView {
  /** The format in words (`CloudFormation template`); undefined when the file is none of them. */
  readonly formatName?: string
  /** The format itself; undefined when the file is none of them. */
  readonly format?: SourceFormat
  readonly policies: readonly ListedPolicy[]
  readonly principals: readonly AccountPrincipal[]
  /** What is wrong with the file itself: none of the formats, broken YAML, a policy known later. */
  readonly problems: readonly SourceProblem[]
  /** Every finding of every policy, positioned in the file, in the order of the file. */
  readonly findings: readonly SourceFinding[]
  /** The findings the file's suppression comments leave out. */
  readonly suppressed: readonly SourceFinding[]
  /** The JSON text of each policy the file holds, with where its characters are in the file. */
  readonly texts: readonly MappedPolicyText[]
}

/**
 * A policy's JSON text as the validator reads it, and for each of its characters, its offset in
 * the file when it is copied one for one from there (the letters of an action name), or -1 when
 * the reading wrote it (punctuation of a YAML mapping, an escape decoded, a placeholder).
 */
export interface MappedPolicyText {
  readonly text: string
  /** An `Int32Array`, which a worker's answer copies as one block rather than number by number. */
  readonly offsets: Int32Array
}

function mappedText(projection: Projection): MappedPolicyText {
  const { text } = projection
  const offsets = new Int32Array(text.length)
  for (let index = 0; index < text.length; index++) {
    const stretch = projection.toSource(index, index + 1)
    offsets[index] = stretch.exact && stretch.end === stretch.start + 1 ? stretch.start : -1
  }
  return { text, offsets }
}

/** The file's text as the page edits it: without a byte order mark, which ranges do not count. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Reads a file with `@connect-policy/sources` and validates every policy it holds, with the
 * service reference when there is one, each finding positioned in the file.
 */
export function runSources(file: SourceFile, catalog?: Catalog): SourcesView {
  const read = readSource(file)
  const { findings, suppressed } = validateSource(read, catalog === undefined ? {} : { catalog })
  const byPlace = (a: SourceFinding, b: SourceFinding) =>
    a.range.start.offset - b.range.start.offset
  return {
    ...(read.format === undefined
      ? {}
      : { format: read.format, formatName: sourceFormatNames[read.format] }),
    policies: read.policies.map(({ projection: _, ...listed }) => listed),
    principals: read.principals,
    problems: read.problems,
    findings: [...findings].sort(byPlace),
    suppressed: [...suppressed].sort(byPlace),
    texts: read.policies.flatMap(({ projection }) =>
      projection === undefined ? [] : [mappedText(projection)],
    ),
  }
}

/** What the editor underlines in the file: every problem of the file itself, and every finding. */
export function sourceMarks(view: SourcesView): EditorFinding[] {
  return [...view.problems, ...view.findings]
}

/** A principal of an account export in words: `role ConnectAgent: 2 policies, a boundary`. */
export function principalSummary(principal: AccountPrincipal): string {
  const count = principal.identityPolicies.length
  const parts = [`${count} ${count === 1 ? 'policy' : 'policies'}`]
  if (principal.permissionsBoundary !== undefined) parts.push('a permissions boundary')
  if (principal.trustPolicy !== undefined) parts.push('a trust policy')
  if (principal.missingPolicies.length > 0)
    parts.push(`${principal.missingPolicies.length} not in the export`)
  return `${principal.kind} ${principal.name}: ${parts.join(', ')}`
}
