import { join } from 'node:path'
import { awsCatalog, validatePolicy } from '@connect-policy/catalog'
import { type Finding, findingReference, findingSeverities } from '@connect-policy/core'
import type { Log, Result } from 'sarif'
import { describe, expect, it } from 'vitest'
import { sampleTexts } from '../testing/sample-files.ts'
import { sarifProblems } from '../testing/sarif-schema.ts'
import type { FileFindings } from './findings-human.ts'
import {
  artifactUri,
  sarifLevels,
  sarifRules,
  securitySeverity,
  toSarif,
} from './findings-sarif.ts'

const cwd = '/work/repo'
const printed = sampleTexts().filter((file) => ['original', 'revised'].includes(file.variant))
const files: FileFindings[] = printed.map((file) => ({
  input: { name: file.path, text: file.text },
  findings: validatePolicy(file.text),
}))
const log: Log = toSarif(files, { toolVersion: '1.2.3', source: awsCatalog().source, cwd })
const run = log.runs[0]
const results: Result[] = run?.results ?? []

describe('toSarif over the printed examples', () => {
  it('has findings to check', () => {
    expect(results.length).toBeGreaterThan(20)
  })

  it('validates against the SARIF 2.1.0 subset schema', () => {
    expect(sarifProblems(log)).toEqual([])
  })

  it('refuses what the schema must refuse', () => {
    expect(sarifProblems({ ...log, version: '2.0.0' })).not.toEqual([])
    const broken = structuredClone(log)
    const result = broken.runs[0]?.results?.[0]
    const region = result?.locations?.[0]?.physicalLocation?.region
    if (region === undefined) throw new Error('no region to break')
    region.startLine = 0
    expect(sarifProblems(broken)).toContainEqual(expect.stringContaining('startLine'))
  })

  it('names every rule once, one per code of the finding reference', () => {
    const ids = (run?.tool.driver.rules ?? []).map((rule) => rule.id)
    expect(ids).toEqual(findingReference.map((reference) => reference.code))
  })

  it('points each result at its rule and its artifact', () => {
    const rules = run?.tool.driver.rules ?? []
    const artifacts = run?.artifacts ?? []
    for (const result of results) {
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId)
      const location = result.locations?.[0]?.physicalLocation?.artifactLocation
      expect(artifacts[location?.index ?? -1]?.location?.uri).toBe(location?.uri)
    }
  })

  it('gives each result the range of its finding and the fix as a replacement', () => {
    const all = files.flatMap((file) => file.findings)
    expect(results).toHaveLength(all.length)
    results.forEach((result, index) => {
      const finding = all[index] as Finding
      expect(result.locations?.[0]?.physicalLocation?.region).toEqual({
        startLine: finding.range.start.line,
        startColumn: finding.range.start.column,
        endLine: finding.range.end.line,
        endColumn: finding.range.end.column,
      })
      expect(result.message.text).toBe(finding.message)
      expect(result.properties?.severity).toBe(finding.severity)
      const replacement = result.fixes?.[0]?.artifactChanges[0]?.replacements[0]
      expect(replacement?.insertedContent?.text).toBe(finding.fix?.newText)
    })
  })

  it('lists every input as an artifact, with or without findings', () => {
    expect(run?.artifacts?.map((artifact) => artifact.location?.uri)).toEqual(
      printed.map((file) => file.path),
    )
  })
})

describe('levels', () => {
  it.each([
    ['error', 'error'],
    ['security-warning', 'warning'],
    ['warning', 'warning'],
    ['suggestion', 'note'],
  ] as const)('%s → %s', (severity, level) => {
    expect(sarifLevels[severity]).toBe(level)
  })

  it('covers every severity', () => {
    expect(Object.keys(sarifLevels)).toEqual([...findingSeverities])
  })

  it('tags security rules and security warnings for code scanning', () => {
    const allowAll = sarifRules.find((rule) => rule.id === 'allow-all')
    expect(allowAll?.properties?.tags).toContain('security')
    expect(allowAll?.properties?.['security-severity']).toBe(securitySeverity)
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}'
    const [only] =
      toSarif([{ input: { name: 'p.json', text }, findings: validatePolicy(text) }], {
        toolVersion: '1.2.3',
        source: awsCatalog().source,
        cwd,
      }).runs[0]?.results?.filter((result) => result.ruleId === 'allow-all') ?? []
    expect(only?.level).toBe('warning')
    expect(only?.properties).toEqual({ severity: 'security-warning', tags: ['security'] })
  })
})

describe('artifactUri', () => {
  it.each([
    ['policy.json', { uri: 'policy.json', uriBaseId: '%SRCROOT%' }],
    ['./policies/p.json', { uri: 'policies/p.json', uriBaseId: '%SRCROOT%' }],
    ['my policies/p#1.json', { uri: 'my%20policies/p%231.json', uriBaseId: '%SRCROOT%' }],
    ['<stdin>', { uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' }],
    [join(cwd, 'a', 'p.json'), { uri: 'a/p.json', uriBaseId: '%SRCROOT%' }],
    ['/elsewhere/p.json', { uri: 'file:///elsewhere/p.json' }],
  ])('%s', (name, expected) => {
    expect(artifactUri(name, cwd)).toEqual(expected)
  })
})
