import { readFileSync } from 'node:fs'
import { awsCatalog } from '@connect-policy/catalog'
import { describe, expect, it } from 'vitest'
import { validateSource } from './findings/validate-source.ts'
import { readSource } from './read-source.ts'

const catalog = awsCatalog()

function read(path: string) {
  const text = readFileSync(new URL(`../test-files/${path}`, import.meta.url), 'utf8')
  return readSource({ name: path, text })
}

describe('files are recognised by their content, findings positioned in them', () => {
  it.each([
    ['cloudformation/connect-agents.yaml', 'cloudformation', 'connect:DescribeInstanc'],
    ['cloudformation/connect-agents.json', 'cloudformation', 'connect:DescribeInstanc'],
    ['cdk/ConnectAgentsStack.template.json', 'cloudformation', 'connect:ListQueue'],
    ['terraform/plan-with-unknowns.json', 'terraform-plan', 'connect:DescribeInstanc'],
    ['terraform/state.json', 'terraform-state', 'connect:DescribeInstanc'],
    ['account/authorization-details.json', 'authorization-details', 'connect:GetCurrentUserDat'],
    ['account/get-role-policy.json', 'inline-policy', 'connect:GetCurrentUserDat'],
  ])('%s is a %s and its misspelt action is found where it is written', (path, format, action) => {
    const source = read(path)
    expect(source.format).toBe(format)
    const found = validateSource(source, { catalog }).findings.filter(
      (finding) => finding.code === 'unknown-action',
    )
    const written = found.map((finding) =>
      source.text.slice(finding.range.start.offset, finding.range.end.offset),
    )
    expect(written.some((text) => text.includes(action))).toBe(true)
    for (const finding of found) {
      const line = source.text.split(/\r\n|\n/)[finding.range.start.line - 1] ?? ''
      const column = finding.range.start.column - 1
      expect(line.slice(column)).toContain(
        source.text.slice(finding.range.start.offset, finding.range.end.offset).split(/\r?\n/)[0],
      )
    }
  })

  it('a file of none of the formats says so', () => {
    const source = read('other/docker-compose.yml')
    expect(source.format).toBeUndefined()
    expect(source.problems.map((problem) => problem.code)).toEqual(['unrecognized-file'])
  })
})
