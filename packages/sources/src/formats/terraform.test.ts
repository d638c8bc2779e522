import { awsCatalog } from '@connect-policy/catalog'
import { describe, expect, it } from 'vitest'
import { validateSource } from '../findings/validate-source.ts'
import { readSource } from '../read-source.ts'
import {
  type Deliberate,
  expectDeliberateErrors,
  expectPositionsOf,
} from '../testing/deliberate.ts'
import { covered, linesOf, testFile } from '../testing/test-files.ts'

const catalog = awsCatalog()

const shape = (read: ReturnType<typeof readSource>) =>
  read.policies.map((policy) => [policy.path, policy.label, policy.policyType])

const renderedLabel =
  'data.aws_iam_policy_document.agent_access: policy document (rendered from its statements; values known after apply are placeholders)'

/** The policies of the root module both the plan and the state hold: path, label and type. */
const rootPolicies = [
  [
    'aws_iam_group_policy.supervisors.policy',
    'aws_iam_group_policy.supervisors: inline policy',
    'identity',
  ],
  ['aws_iam_policy.connect_readonly.policy', 'aws_iam_policy.connect_readonly: policy', 'identity'],
  [
    'aws_iam_role.supervisor.assume_role_policy',
    'aws_iam_role.supervisor: trust policy',
    'resource',
  ],
  [
    'aws_iam_role_policy.supervisor_recordings.policy',
    'aws_iam_role_policy.supervisor_recordings: inline policy',
    'identity',
  ],
  ['aws_iam_user_policy.alice.policy', 'aws_iam_user_policy.alice: inline policy', 'identity'],
]

/** The policies of the `connect` module both hold. */
const modulePolicies = [
  [
    'module.connect.aws_iam_role.agent.assume_role_policy',
    'module.connect.aws_iam_role.agent: trust policy',
    'resource',
  ],
  [
    'module.connect.aws_iam_role_policy.agent.policy',
    'module.connect.aws_iam_role_policy.agent: inline policy',
    'identity',
  ],
]

/** The deliberate problem of both files, on the line given: a misspelt action, the only error. */
const misspeltAction = (line: number): Deliberate => ({
  line,
  text: 'connect:DescribeInstanc',
  code: 'unknown-action',
  policyLabel: 'aws_iam_policy.connect_readonly: policy',
})

describe('a Terraform plan with values known only after apply (terraform/plan-with-unknowns.json)', () => {
  const text = testFile('terraform/plan-with-unknowns.json')
  const read = readSource({ name: 'plan-with-unknowns.json', text })
  const validation = validateSource(read, { catalog })

  it('is read as a plan, with its eight policies, two of them known only after apply', () => {
    expect(read.format).toBe('terraform-plan')
    expect(read.json).toBe(true)
    expect(shape(read)).toEqual([
      ...rootPolicies,
      ['data.aws_iam_policy_document.agent_access.json', renderedLabel, 'identity'],
      ...modulePolicies,
    ])
    for (const policy of read.policies) expectPositionsOf(read.text, policy.range)
    // the policies known now have their text; the others say why they have none
    expect(
      read.policies
        .filter((policy) => policy.projection === undefined)
        .map((policy) => [policy.path, policy.unknown !== undefined]),
    ).toEqual([
      ['aws_iam_role_policy.supervisor_recordings.policy', true],
      ['module.connect.aws_iam_role_policy.agent.policy', true],
    ])
  })

  it('says of each policy known only after apply that it cannot be checked yet, rather than nothing', () => {
    expect(read.problems.map((problem) => [problem.code, problem.severity])).toEqual([
      ['policy-known-after-apply', 'warning'],
      ['policy-known-after-apply', 'warning'],
    ])
    const [recordings, agent] = read.problems
    expect(recordings?.message).toContain('aws_iam_role_policy.supervisor_recordings')
    expect(agent?.message).toContain('module.connect.aws_iam_role_policy.agent')
    // each at its resource's values in the plan
    expect(covered(read.text, recordings?.range ?? read.positions.range(0, 0))).toContain(
      '"name": "SupervisorRecordings"',
    )
    for (const problem of read.problems) expectPositionsOf(read.text, problem.range)
  })

  it('renders the `aws_iam_policy_document` whose `json` is unknown from its statements, with `{{known after apply}}` for the unknown bucket', () => {
    const rendered = read.policies.find((policy) => policy.label === renderedLabel)
    expect(JSON.parse(rendered?.projection?.text ?? '')).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AgentWorkspace',
          Effect: 'Allow',
          Action: ['connect:DescribeQueue', 'connect:DescribeUser', 'connect:GetFederationToken'],
          Resource: [
            'arn:aws:connect:eu-west-2:111122223333:instance/3f8c6a21-9d4e-4b7a-8e15-c2a9d07b4f63',
            'arn:aws:connect:eu-west-2:111122223333:instance/3f8c6a21-9d4e-4b7a-8e15-c2a9d07b4f63/*',
          ],
        },
        {
          Sid: 'WriteRecordings',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: ['{{known after apply}}'],
        },
      ],
    })
    // the validator does not judge the placeholder
    expect(validation.findings.filter((finding) => finding.policyLabel === renderedLabel)).toEqual(
      [],
    )
  })

  it('finds the misspelt action once, inside the policy string of `planned_values` on line 44', () => {
    const [action] = expectDeliberateErrors(read, validation.findings, [misspeltAction(44)])
    // the string's escaped quotes are part of what is pointed at
    expect(covered(read.text, action?.range ?? read.positions.range(0, 0))).toBe(
      '\\"connect:DescribeInstanc\\"',
    )
    // the same policy in `resource_changes` (line 454) is the same policy, not a second one
    expect(linesOf(read.text)[453]).toContain('connect:DescribeInstanc')
    expect(validation.findings.filter((finding) => finding.code === 'unknown-action')).toHaveLength(
      1,
    )
  })
})

describe('a Terraform state (terraform/state.json)', () => {
  const text = testFile('terraform/state.json')
  const read = readSource({ name: 'state.json', text })
  const validation = validateSource(read, { catalog })

  it('is read as a state, every policy known', () => {
    expect(read.format).toBe('terraform-state')
    expect(read.problems).toEqual([])
    expect(read.policies.every((policy) => policy.projection !== undefined)).toBe(true)
    for (const policy of read.policies) expectPositionsOf(read.text, policy.range)
  })

  it('counts a role policy the refreshed state writes twice (the role’s `inline_policy` and the `aws_iam_role_policy`) once', () => {
    expect(shape(read)).toEqual([...rootPolicies, ...modulePolicies])
  })

  it('finds the misspelt action on line 48', () => {
    expectDeliberateErrors(read, validation.findings, [misspeltAction(48)])
  })
})

describe('a Terraform policy that is not known and not a policy', () => {
  it('is a problem of its own: known after apply, or not a policy', () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_iam_policy.later',
              mode: 'managed',
              type: 'aws_iam_policy',
              name: 'later',
              values: { name: 'later' },
            },
            {
              address: 'aws_iam_policy.number',
              mode: 'managed',
              type: 'aws_iam_policy',
              name: 'number',
              values: { policy: 42 },
            },
          ],
        },
      },
      resource_changes: [
        { address: 'aws_iam_policy.later', change: { after_unknown: { policy: true } } },
      ],
    }
    const read = readSource({ name: 'plan.json', text: JSON.stringify(plan, null, 2) })
    expect(read.format).toBe('terraform-plan')
    expect(read.problems.map((problem) => problem.code)).toEqual([
      'policy-known-after-apply',
      'not-a-policy',
    ])
    expect(read.policies.map((policy) => [policy.path, policy.projection === undefined])).toEqual([
      ['aws_iam_policy.later.policy', true],
    ])
  })
})
