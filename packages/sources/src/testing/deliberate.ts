import type { SourceRange } from '@connect-policy/core'
import { expect } from 'vitest'
import type { SourceFinding } from '../findings/validate-source.ts'
import type { ReadSource } from '../read-source.ts'
import { covered, lineAndColumn, lineStarts, linesOf } from './test-files.ts'

/** A deliberate problem of a test file, as its README lists it. */
export interface Deliberate {
  /** The 1-based line the README names. */
  readonly line: number
  /** The exact text the README names on that line. */
  readonly text: string
  readonly code: string
  /** The label of the policy it is in. */
  readonly policyLabel: string
}

/** The offsets in `text` where `part` occurs on a line (1-based), counted from the file's own lines. */
export function occurrencesOnLine(text: string, line: number, part: string): number[] {
  const start = lineStarts(text)[line - 1]
  const written = linesOf(text)[line - 1]
  if (start === undefined || written === undefined) return []
  const found: number[] = []
  for (let at = written.indexOf(part); at >= 0; at = written.indexOf(part, at + 1))
    found.push(start + at)
  return found
}

/**
 * Whether a range is where the README's text is: it covers the text's occurrence on the line,
 * or lies within it (a finding on the misspelt service of an ARN the README quotes whole).
 */
export function isAt(text: string, range: SourceRange, line: number, part: string): boolean {
  const { offset: start } = range.start
  const { offset: end } = range.end
  if (end <= start) return false
  return occurrencesOnLine(text, line, part).some(
    (at) => (start <= at && at + part.length <= end) || (at <= start && end <= at + part.length),
  )
}

/** Line and column of both ends of a range, by the file's own lines and not the position map. */
export function expectPositionsOf(text: string, range: SourceRange): void {
  expect({ line: range.start.line, column: range.start.column }).toEqual(
    lineAndColumn(text, range.start.offset),
  )
  expect({ line: range.end.line, column: range.end.column }).toEqual(
    lineAndColumn(text, range.end.offset),
  )
}

/**
 * The one finding of each deliberate problem: of its code, in its policy, at the text the README
 * names on the line it names. Every finding's range is checked against the file's own lines.
 */
export function expectDeliberate(
  read: ReadSource,
  findings: readonly SourceFinding[],
  deliberate: readonly Deliberate[],
): SourceFinding[] {
  for (const finding of findings) expectPositionsOf(read.text, finding.range)
  return deliberate.map((problem) => {
    // the README's text is on its line of the file
    expect(linesOf(read.text)[problem.line - 1]).toContain(problem.text)
    const matching = findings.filter(
      (finding) =>
        finding.code === problem.code && isAt(read.text, finding.range, problem.line, problem.text),
    )
    expect(
      matching.map((finding) => ({
        code: finding.code,
        policyLabel: finding.policyLabel,
        line: finding.range.start.line,
      })),
      `${problem.code} at \`${problem.text}\` on line ${problem.line}; found ${findings
        .map(
          (finding) =>
            `${finding.code} on line ${finding.range.start.line} (\`${covered(read.text, finding.range).slice(0, 40)}\`)`,
        )
        .join(', ')}`,
    ).toEqual([
      {
        code: problem.code,
        policyLabel: problem.policyLabel,
        line: expect.any(Number),
      },
    ])
    return matching[0] as SourceFinding
  })
}

/**
 * `expectDeliberate`, with every finding within its policy and no error besides the deliberate
 * problems among the findings `counted` keeps (all of them unless it says otherwise).
 */
export function expectDeliberateErrors(
  read: ReadSource,
  findings: readonly SourceFinding[],
  deliberate: readonly Deliberate[],
  counted: (finding: SourceFinding) => boolean = () => true,
): SourceFinding[] {
  const found = expectDeliberate(read, findings, deliberate)
  expectWithinPolicies(read, findings)
  expect(
    findings
      .filter((finding) => finding.severity === 'error' && counted(finding))
      .map((finding) => finding.code)
      .sort(),
  ).toEqual(deliberate.map((problem) => problem.code).sort())
  return found
}

/** Every finding lies in the range of the policy it is about. */
export function expectWithinPolicies(read: ReadSource, findings: readonly SourceFinding[]): void {
  for (const finding of findings) {
    const policy = read.policies.find((entry) => entry.path === finding.policy)
    expect(policy, finding.policy).toBeDefined()
    if (policy === undefined) continue
    expect(finding.range.start.offset).toBeGreaterThanOrEqual(policy.range.start.offset)
    expect(finding.range.end.offset).toBeLessThanOrEqual(policy.range.end.offset)
    expect(finding.policyLabel).toBe(policy.label)
  }
}
