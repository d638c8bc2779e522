import { awsCatalog, validatePolicy } from '@connect-policy/catalog'
import type { Finding, TextEdit } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { describeEdit, renderFinding, renderFindingsHuman } from './findings-human.ts'
import { splitLines } from './snippet.ts'
import { createStyle } from './style.ts'

const plain = createStyle(false)
const source = awsCatalog().source

function edit(start: number, end: number, newText: string): TextEdit {
  const at = (offset: number) => ({ line: 1, column: offset + 1, offset })
  return { title: 'Fix it', range: { start: at(start), end: at(end) }, newText }
}

describe('describeEdit', () => {
  it.each([
    ['deletes', edit(4, 5, ''), 'delete `,`'],
    ['inserts', edit(3, 3, '"'), 'insert `"`'],
    ['replaces', edit(0, 3, 'Deny'), 'replace `"a"` with `Deny`'],
  ])('%s', (_, change, expected) => {
    expect(describeEdit(change, '"a" , }')).toBe(expected)
  })
})

describe('renderFinding', () => {
  const text =
    '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*",}]\n}'
  const findings = validatePolicy(text)
  const lines = splitLines(text)
  const input = { name: 'policy.json', text }

  it('prints the location, severity, message and code, the line with carets, and the fix', () => {
    const comma = findings.find((finding) => finding.code === 'trailing-comma') as Finding
    expect(renderFinding(comma, input, lines, plain)).toBe(
      [
        'policy.json:3:86: error: remove the trailing comma before `}` [trailing-comma]',
        '  3 |   "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*",}]',
        '    |                                                                                      ^',
        '  fix: Remove the comma: delete `,`',
      ].join('\n'),
    )
  })

  it('says how to fix a finding without an edit, from the finding reference', () => {
    const finding: Finding = {
      code: 'allow-all',
      severity: 'security-warning',
      message: 'allows every action on every resource',
      range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } },
    }
    const rendered = renderFinding(finding, input, lines, plain)
    expect(rendered).toMatch(/^policy\.json:1:1: security-warning: allows every action/)
    expect(rendered.split('\n').at(-1)).toMatch(/^ {2}help: \S/)
  })
})

describe('renderFindingsHuman', () => {
  const clean = { input: { name: 'ok.json', text: '{}' }, findings: [] }
  const warning: Finding = {
    code: 'redundant-action',
    severity: 'suggestion',
    message: 'listed twice',
    range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 3, offset: 2 } },
  }

  it.each([
    [[clean], 'error', 'checked 1 file: no findings (service reference of DATE)'],
    [
      [clean, { ...clean, findings: [warning] }],
      'error',
      'checked 2 files: 1 suggestion (service reference of DATE)',
    ],
    [
      [{ ...clean, findings: [warning, { ...warning, severity: 'error' as const }] }],
      'suggestion',
      'checked 1 file: 1 error, 1 suggestion; 2 at or above `--fail-on suggestion` (service reference of DATE)',
    ],
  ] as const)('%#: the summary counts by severity', (files, failOn, summary) => {
    const output = renderFindingsHuman(files, { source, failOn }, plain)
    expect(output.trimEnd().split('\n').at(-1)).toBe(summary.replace('DATE', source.date))
  })

  it('colours severities and the summary only when asked', () => {
    const files = [{ ...clean, findings: [warning] }]
    expect(renderFindingsHuman(files, { source, failOn: 'error' }, plain)).not.toContain('\u001b[')
    expect(renderFindingsHuman(files, { source, failOn: 'error' }, createStyle(true))).toContain(
      '\u001b[36msuggestion\u001b[39m',
    )
  })
})
