import { awsCatalog } from '@connect-policy/catalog'
import { describe, expect, it } from 'vitest'
import { validateSource } from './findings/validate-source.ts'
import { readSource } from './read-source.ts'
import { expectPositionsOf } from './testing/deliberate.ts'
import { allTestFiles, linesOf, readmeRows, testFile, withoutBom } from './testing/test-files.ts'

const catalog = awsCatalog()

describe('the READMEs of the test files', () => {
  it('name, for every deliberate problem, text that is on the line they say (by the file’s own lines)', () => {
    const rows = ['cloudformation', 'cdk', 'terraform', 'account', 'other'].flatMap(readmeRows)
    expect(rows.length).toBeGreaterThanOrEqual(20)
    for (const row of rows) {
      const lines = linesOf(withoutBom(testFile(row.file)))
      expect(lines[row.line - 1], `${row.file}:${row.line}`).toContain(row.text)
    }
  })
})

describe('files that are none of the formats (other/)', () => {
  it.each(['other/package.json', 'other/docker-compose.yml', 'other/deployment.yaml'])(
    '%s: one `unrecognized-file` problem, no policy',
    (file) => {
      const read = readSource({ name: file, text: testFile(file) })
      expect(read.format).toBeUndefined()
      expect(read.policies).toEqual([])
      expect(read.principals).toEqual([])
      expect(read.problems.map((problem) => [problem.code, problem.severity])).toEqual([
        ['unrecognized-file', 'error'],
      ])
      expect(read.problems[0]?.message).toContain(file)
      expect(validateSource(read, { catalog })).toEqual({ findings: [], suppressed: [] })
    },
  )

  it('other/empty.json: one problem that says the file is empty', () => {
    const read = readSource({ name: 'other/empty.json', text: testFile('other/empty.json') })
    expect(read.text).toBe('')
    expect(read.policies).toEqual([])
    expect(read.problems).toHaveLength(1)
    expect(read.problems[0]?.code).toBe('unrecognized-file')
    expect(read.problems[0]?.message).toContain('`other/empty.json` is empty')
    expect(read.problems[0]?.range.start).toEqual({ line: 1, column: 1, offset: 0 })
    // so is a file of blank lines
    const blank = readSource({ name: 'blank.yaml', text: '\r\n  \n\t\n' })
    expect(blank.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('is empty'),
    ])
  })

  it('other/plain-policy.json: read as a policy, its whole text the policy', () => {
    const text = testFile('other/plain-policy.json')
    const read = readSource({ name: 'plain-policy.json', text })
    expect(read.format).toBe('policy')
    expect(read.json).toBe(true)
    expect(read.problems).toEqual([])
    expect(read.policies.map((policy) => [policy.path, policy.label, policy.policyType])).toEqual([
      ['', 'policy', 'identity'],
    ])
    expect(read.policies[0]?.projection?.text).toBe(text)
    expect(read.policies[0]?.range.end.offset).toBe(text.length)
    // it has no deliberate problem: no error
    const validation = validateSource(read, { catalog })
    expect(validation.findings.filter((finding) => finding.severity === 'error')).toEqual([])
  })

  it('other/broken.yaml: one `unreadable-file` problem at the first YAML error (line 22, column 17), no policy', () => {
    const text = testFile('other/broken.yaml')
    const read = readSource({ name: 'broken.yaml', text })
    expect(read.policies).toEqual([])
    expect(read.problems.map((problem) => [problem.code, problem.range.start.line])).toEqual([
      ['unreadable-file', 22],
    ])
    expect(read.problems[0]?.range.start.column).toBe(17)
  })

  it('a file whose only YAML error is at its very end is pointed at within the file', () => {
    for (const text of ['%', '%YAML 1.2\n']) {
      const read = readSource({ name: 'directive.yaml', text })
      expect(read.problems.map((problem) => problem.code)).toEqual(['unreadable-file'])
      for (const problem of read.problems) {
        expect(problem.range.end.offset).toBeLessThanOrEqual(text.length)
        expectPositionsOf(text, problem.range)
      }
    }
  })

  it('takes `null` options as no options', () => {
    const text = testFile('cloudformation/connect-agents.yaml')
    expect(() => readSource({ name: 'connect-agents.yaml', text }, null as never)).not.toThrow()
  })

  it('what is not text is an `unreadable-file` problem', () => {
    for (const text of [undefined, null, 42, {}, ['a']]) {
      const read = readSource({ name: 'odd', text } as never)
      expect(read.problems.map((problem) => problem.code)).toEqual(['unreadable-file'])
      expect(read.text).toBe('')
    }
  })
})

describe('every test file', () => {
  it('is read with every range of its policies and problems on the file’s own lines and columns', () => {
    for (const file of allTestFiles()) {
      const read = readSource({ name: file.path, text: file.text })
      expect(read.text, file.path).toBe(withoutBom(file.text))
      for (const range of [
        ...read.policies.map((policy) => policy.range),
        ...read.problems.map((problem) => problem.range),
      ])
        expectPositionsOf(read.text, range)
    }
  })
})

describe('a BOM and CRLF line ends', () => {
  it('change no policy and no finding: the same lines, columns and fingerprints (oracle: the file without them)', () => {
    const plain = testFile('cdk/ConnectAgentsStack.template.json')
    const variants = [
      plain,
      `\ufeff${plain}`,
      plain.replaceAll('\n', '\r\n'),
      plain.replaceAll('\n', '\r'),
    ]
    const summaries = variants.map((text) => {
      const read = readSource({ name: 'template.json', text })
      const { findings } = validateSource(read, { catalog })
      for (const finding of findings) expectPositionsOf(read.text, finding.range)
      return {
        policies: read.policies.map((policy) => [policy.path, policy.range.start.line]),
        findings: findings.map((finding) => [
          finding.code,
          finding.range.start.line,
          finding.range.start.column,
          finding.range.end.line,
          finding.fingerprint,
        ]),
      }
    })
    for (const summary of summaries.slice(1)) expect(summary).toEqual(summaries[0])
  })
})
