import { awsCatalogData, connectFamily, subsetCatalogData } from '@connect-policy/catalog'
import { createCatalog } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { sourceExamples } from './examples.ts'
import { principalSummary, runSources, sourceMarks, withoutBom } from './run.ts'

// the service reference the page loads: the Connect family in full, `iam` and `sts` (the
// playground's, `scripts/generate.ts`), every other service by name
const catalog = createCatalog(subsetCatalogData(awsCatalogData(), [...connectFamily, 'iam', 'sts']))

const example = (id: string) => {
  const found = sourceExamples.find((item) => item.id === id)
  if (found === undefined) throw new Error(`no example ${id}`)
  return found
}

/** Each finding as `code line:column`, and the text of the file it covers. */
const placed = (text: string, view: ReturnType<typeof runSources>) =>
  view.findings
    .filter((finding) => finding.severity !== 'suggestion')
    .map(
      (finding) =>
        `${finding.code} ${finding.range.start.line}:${finding.range.start.column} ${text.slice(finding.range.start.offset, finding.range.end.offset)}`,
    )

describe('runSources', () => {
  it('reads the CloudFormation example: its policies, its misspelt action where it is, its suppression', () => {
    const { name, text } = example('cloudformation')
    const view = runSources({ name, text }, catalog)
    expect(view.formatName).toBe('CloudFormation template')
    expect(view.format).toBe('cloudformation')
    expect(view.policies.map((policy) => [policy.label, policy.policyType])).toEqual([
      ['AgentRole: trust policy', 'resource'],
      ['AgentRole: inline policy agent-workspace', 'identity'],
    ])
    expect(placed(text, view)).toEqual(['unknown-action 27:21 connect:DescribeQueu'])
    expect(view.suppressed.map((finding) => finding.code)).toEqual(['unknown-action'])
    expect(view.problems).toEqual([])
  })

  it('reads the Terraform plan example: a policy known after apply, and the misspelt action inside its string', () => {
    const { name, text } = example('terraform-plan')
    const view = runSources({ name, text }, catalog)
    expect(view.formatName).toBe('Terraform plan (terraform show -json)')
    expect(view.problems.map((problem) => problem.code)).toEqual(['policy-known-after-apply'])
    expect(view.policies.filter((policy) => policy.unknown !== undefined)).toHaveLength(1)
    const [finding] = placed(text, view)
    expect(finding).toMatch(/^unknown-action \d+:\d+ .*DescribeInstanc/)
  })

  it('reads the account export example: its role, and the misspelt action of its inline policy', () => {
    const { name, text } = example('account')
    const view = runSources({ name, text }, catalog)
    expect(view.formatName).toBe('aws iam get-account-authorization-details output')
    expect(view.principals.map(principalSummary)).toEqual([
      'role ConnectAgent: 1 policy, a trust policy',
    ])
    expect(placed(text, view)).toEqual([
      expect.stringMatching(/^unknown-action \d+:\d+ "connect:GetCurrentUserDat"$/),
    ])
  })

  it('says what a file that is none of the formats is, and underlines nothing but that', () => {
    const view = runSources({ name: 'compose.yml', text: 'services:\n  web:\n    image: nginx\n' })
    expect(view.formatName).toBeUndefined()
    expect(view.problems.map((problem) => problem.code)).toEqual(['unrecognized-file'])
    expect(view.problems[0]?.message).toContain('CloudFormation')
    expect(sourceMarks(view)).toHaveLength(1)
  })

  it('marks every finding and problem for the underlines', () => {
    const { name, text } = example('terraform-plan')
    const view = runSources({ name, text }, catalog)
    expect(sourceMarks(view)).toHaveLength(view.findings.length + view.problems.length)
  })

  it('drops a byte order mark, which ranges do not count', () => {
    expect(withoutBom('\ufeff{}')).toBe('{}')
    expect(withoutBom('{}')).toBe('{}')
  })
})
