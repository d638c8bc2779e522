import { awsCatalog } from '@connect-policy/catalog'
import { describe, expect, it } from 'vitest'
import { readSource } from '../read-source.ts'
import { testFile } from '../testing/test-files.ts'
import { terraformSuppressions } from './terraform-suppressions.ts'
import { validateSource } from './validate-source.ts'

const main = `# connect-policy-ignore: unknown-action -- the preview action is real
resource "aws_iam_policy" "connect_readonly" {
  name   = "connect-readonly"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "connect:X" }] })
}

resource "aws_iam_user_policy" "alice" {
  user = "alice" # who the policy is for
  // connect-policy-ignore: action-needs-resource-star, resource-matches-no-action
  policy = "{}"
}

# a comment between breaks nothing
# connect-policy-ignore: all
locals {
  x = "# connect-policy-ignore: inside a string"
}

resource "aws_s3_bucket" "plain" {}
`

describe('suppression comments of a Terraform configuration', () => {
  it('cover the resource they sit above or inside, and nothing after a block between', () => {
    const found = terraformSuppressions([{ name: 'main.tf', text: main }])
    expect(found.map(({ address, codes, line }) => ({ address, codes, line }))).toEqual([
      { address: 'aws_iam_policy.connect_readonly', codes: ['unknown-action'], line: 1 },
      {
        address: 'aws_iam_user_policy.alice',
        codes: ['action-needs-resource-star', 'resource-matches-no-action'],
        line: 9,
      },
    ])
    expect(found[0]?.reason).toBe('the preview action is real')
  })

  it("take the module's address for a module's files", () => {
    const [found] = terraformSuppressions(
      [
        {
          name: 'modules/agent/main.tf',
          text: '# connect-policy-ignore: unknown-action\nresource "aws_iam_role" "agent" {\n}\n',
        },
      ],
      'module.connect.',
    )
    expect(found?.address).toBe('module.connect.aws_iam_role.agent')
  })

  it("read a plan's modules and their sources", () => {
    const read = readSource({
      name: 'plan.json',
      text: testFile('terraform/plan-with-unknowns.json'),
    })
    expect(read.terraformModules).toEqual([
      { address: 'module.connect', source: './modules/connect-agent' },
    ])
  })

  it('move the findings of the resources they cover to the suppressed ones', () => {
    const read = readSource({
      name: 'plan.json',
      text: testFile('terraform/plan-with-unknowns.json'),
    })
    const catalog = awsCatalog()
    const before = validateSource(read, { catalog })
    const resourceSuppressions = terraformSuppressions([{ name: 'main.tf', text: main }])
    const after = validateSource(read, { catalog, resourceSuppressions })
    const moved = after.suppressed.map((finding) => `${finding.policy} ${finding.code}`)
    expect(moved.length).toBeGreaterThan(0)
    for (const entry of moved) {
      expect(
        entry.startsWith('aws_iam_policy.connect_readonly.') ||
          entry.startsWith('aws_iam_user_policy.alice.'),
      ).toBe(true)
    }
    expect(after.findings.length + after.suppressed.length).toBe(before.findings.length)
  })
})
