import { describe, expect, it } from 'vitest'
import type { PolicyType } from '../authorize/index.ts'
import { catalogFixture } from '../catalog/create-catalog.test-data.ts'
import { createCatalog } from '../catalog/index.ts'
import type { Finding } from './finding.ts'
import { findingReference } from './finding-reference.ts'
import { validatePolicy } from './validate-policy.ts'

/**
 * The codes that need the AWS service reference: which actions, services, partitions, Regions,
 * resource types and condition keys exist. Without a catalog they are never reported.
 */
const catalogCodes: readonly string[] = [
  'unknown-service',
  'unknown-action',
  'action-pattern-matches-nothing',
  'unknown-partition',
  'unknown-arn-service',
  'unknown-region',
  'wrong-arn-path',
  'arn-fits-no-resource-type',
  'action-needs-resource-star',
  'action-matches-no-resource',
  'resource-matches-no-action',
  'arn-service-mismatch',
  'action-pattern-partly-applies',
  'statement-matches-nothing',
  'missing-required-resource',
  'unknown-condition-key',
  'condition-key-not-for-actions',
  'tag-condition-not-supported',
  'operator-type-mismatch',
  'set-operator-on-single-valued-key',
  'multivalued-key-without-set-operator',
  'rcp-unsupported-service',
  'resource-not-compared',
]

const instanceId = 'a1b2c3d4-5678-90ab-cdef-111122223333'
const instance = `arn:aws:connect:us-east-1:123456789012:instance/${instanceId}`

function policy(...statements: readonly Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)
}

const allow = (action: unknown, resource: unknown, condition?: unknown) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...(condition === undefined ? {} : { Condition: condition }),
})

interface Case {
  readonly name: string
  readonly policy: string
  readonly policyType?: PolicyType
  /** The codes of the findings, in the order reported. */
  readonly codes: readonly string[]
  /** What the first finding covers, when it matters. */
  readonly covers?: string
  /** What the first finding's fix writes. */
  readonly fixText?: string
}

const cases: readonly Case[] = [
  // what needs the catalog passes unremarked
  {
    name: 'an unknown action, service and pattern',
    policy: policy(allow(['connect:DescribeUsers', 'conect:ListUsers', 'connect:Zz*'], '*')),
    codes: [],
  },
  {
    name: 'a user ARN written with `user/`, an unknown Region and a service in capitals',
    policy: policy(
      allow('connect:DescribeUser', [
        `${instance}/user/*`,
        'arn:aws:connect:us-east-7:123456789012:instance/*',
        'arn:aws:Connect:us-east-1:123456789012:instance/*',
      ]),
    ),
    codes: [],
  },
  {
    name: 'actions against resources they cannot reach',
    policy: policy(allow(['connect:ListInstances', 'connect:CreateUser'], `${instance}/queue/*`)),
    codes: [],
  },
  {
    name: 'condition keys the catalog would question, but a key without a prefix is no key at all',
    policy: policy(
      allow('s3:GetObject', '*', {
        StringEquals: { 'aws:UserNme': 'ana', username: 'bo', 'aws:TagKeys': 'Dept' },
        NumericEquals: { 'aws:username': '1' },
      }),
    ),
    codes: ['unknown-condition-key'],
  },
  {
    name: 'a Connect action in an RCP',
    policy: policy({ Effect: 'Deny', Principal: '*', Action: 'connect:*', Resource: '*' }),
    policyType: 'resourceControl',
    codes: [],
  },
  // syntax and grammar
  {
    name: 'a trailing comma, with its fix',
    policy: `{"Version": "2012-10-17", "Statement": [${JSON.stringify(allow('connect:DescribeUser', '*'))},]}`,
    codes: ['trailing-comma'],
    covers: ',',
    fixText: '',
  },
  {
    name: 'a statement without `Effect` and with `Actions`',
    policy: policy({ Actions: 'connect:DescribeUser', Resource: '*' }),
    codes: ['missing-action', 'missing-effect', 'unknown-element'],
  },
  {
    name: 'a policy variable under 2008-10-17',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
    policy: `{"Version": "2008-10-17", "Statement": [${JSON.stringify(allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*'))}]}`,
    codes: ['variables-not-enabled'],
  },
  // policy types and sizes
  {
    name: 'a principal in a session policy',
    policy: policy({ Principal: '*', ...allow('connect:DescribeUser', '*') }),
    policyType: 'session',
    codes: ['principal-not-allowed'],
  },
  {
    name: 'a star inside an action name in an SCP',
    policy: policy({ Effect: 'Deny', Action: 'connect:*User', Resource: '*' }),
    policyType: 'serviceControl',
    codes: ['scp-action-wildcard'],
  },
  {
    name: 'an RCP Allow with a condition and a principal that is not `*`',
    policy: policy({
      Principal: { AWS: '123456789012' },
      ...allow('*', '*', { Bool: { 'aws:SecureTransport': 'true' } }),
    }),
    policyType: 'resourceControl',
    codes: ['rcp-allow-not-full', 'rcp-principal-not-star'],
  },
  {
    name: 'a role trust policy, which has no `Resource`',
    policy: policy({
      Effect: 'Allow',
      Principal: { Service: 'connect.amazonaws.com' },
      Action: 'sts:AssumeRole',
    }),
    policyType: 'resource',
    codes: [],
  },
  // ARN shapes
  {
    name: 'an account ID of 11 digits',
    policy: policy(
      allow('connect:DescribeUser', 'arn:aws:connect:us-east-1:12345678901:instance/*'),
    ),
    codes: ['invalid-account-id'],
    covers: '12345678901',
  },
  {
    name: 'placeholders in brackets and capitals',
    policy: policy(
      allow('connect:DescribeUser', 'arn:aws:connect:<region>:ACCOUNT_ID:instance/{instanceId}/*'),
    ),
    codes: ['arn-placeholder', 'arn-placeholder', 'arn-placeholder'],
    covers: '<region>',
  },
  {
    name: 'an instance ID that is not a UUID',
    policy: policy(
      allow('connect:DescribeUser', 'arn:aws:connect:us-east-1:123456789012:instance/abc/agent/*'),
    ),
    codes: ['invalid-connect-id'],
    covers: 'abc',
  },
  {
    name: 'a resource that is not an ARN',
    policy: policy(allow('connect:DescribeUser', `instance/${instanceId}/agent/*`)),
    codes: ['invalid-arn'],
  },
  {
    name: 'near miss: well-formed Connect ARNs',
    policy: policy(
      allow('connect:*', [
        `arn:aws:connect:us-west-2:123456789012:instance/${instanceId}*`,
        `${instance}/agent/*`,
        'arn:aws:connect:us-east-1:aws:view/*',
        `arn:aws:connect:*:*:instance/${instanceId.toUpperCase()}/queue/*`,
      ]),
    ),
    codes: [],
  },
  // conditions
  {
    name: 'a misspelt operator, with its fix',
    policy: policy(
      allow('connect:DescribeUser', '*', {
        StringEqual: { 'aws:ResourceTag/Dept': 'Sales', 'aws:ResourceTag/Team': 'Blue' },
      }),
    ),
    codes: ['unknown-condition-operator'],
    fixText: '"StringEquals"',
  },
  {
    name: 'values the operators cannot read',
    policy: policy(
      allow('connect:DescribeUser', '*', {
        Bool: { 'aws:SecureTransport': 'yes' },
        DateLessThan: { 'aws:CurrentTime': 'tomorrow' },
      }),
    ),
    codes: ['invalid-condition-value', 'invalid-condition-value'],
  },
  {
    name: 'malformed account, VPC and instance IDs',
    policy: policy(
      allow('connect:GetFederationToken', '*', {
        StringEquals: {
          'aws:SourceAccount': '12345',
          'aws:SourceVpc': 'vpc-123',
          'connect:InstanceId': instanceId.slice(1),
        },
      }),
    ),
    codes: ['invalid-account-id', 'invalid-condition-value', 'invalid-connect-id'],
  },
  {
    name: '`ForAllValues:` in an Allow, `NullIfExists`, and a key twice',
    policy: policy(
      allow('connect:TagResource', '*', {
        'ForAllValues:StringEquals': { 'aws:TagKeys': 'Dept' },
        NullIfExists: { 'aws:RequestTag/Dept': 'false' },
        StringEquals: { 'aws:RequestTag/Dept': 'a', 'AWS:REQUESTTAG/DEPT': 'b' },
      }),
    ),
    codes: ['for-all-values-with-allow', 'if-exists-meaningless', 'duplicate-condition-key'],
  },
  {
    name: 'near miss: `ForAllValues:` in an Allow that requires the key',
    policy: policy(
      allow('connect:TagResource', '*', {
        'ForAllValues:StringEquals': { 'aws:TagKeys': 'Dept' },
        Null: { 'aws:TagKeys': 'false' },
      }),
    ),
    codes: [],
  },
  {
    name: 'a placeholder value and a VPC address without its VPC',
    policy: policy(
      allow('connect:GetFederationToken', '*', {
        StringEquals: { 'connect:InstanceId': '<instance-id>' },
        IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/16' },
      }),
    ),
    codes: ['condition-value-placeholder', 'missing-paired-condition-key'],
  },
  // security
  {
    name: 'everything on everything, and passing every role of the account',
    policy: policy(allow('*', '*'), allow('iam:PassRole', 'arn:aws:iam::123456789012:role/*')),
    codes: [
      'allow-all',
      'create-service-linked-role-any',
      'pass-role-any-role',
      'pass-role-any-role',
    ],
  },
  {
    name: 'a public bucket and a service principal for everyone',
    policy: policy(
      { Principal: '*', ...allow('s3:GetObject', 'arn:aws:s3:::recordings/*') },
      {
        Principal: { Service: 'connect.amazonaws.com' },
        ...allow('s3:PutObject', 'arn:aws:s3:::recordings/*'),
      },
    ),
    policyType: 'resource',
    codes: ['public-access', 'service-principal-without-source'],
  },
  {
    name: 'near miss: passing one role to Connect',
    policy: policy(
      allow('iam:PassRole', 'arn:aws:iam::123456789012:role/ConnectRole', {
        StringEquals: { 'iam:PassedToService': 'connect.amazonaws.com' },
      }),
    ),
    codes: [],
  },
  // redundancy and spaces need no catalog either
  {
    name: 'an action covered by a pattern, a resource twice, and a space after an action',
    policy: policy(
      allow(
        ['connect:Describe*', 'connect:DescribeUser', 'connect:ListUsers '],
        [`${instance}/agent/*`, `${instance}/agent/*`],
      ),
    ),
    codes: ['redundant-action', 'action-has-whitespace', 'redundant-resource'],
  },
]

function codesOf(findings: readonly Finding[]): string[] {
  return findings.map((finding) => finding.code)
}

describe('validatePolicy without a catalog', () => {
  it.each(cases.map((entry) => [entry.name, entry] as const))('%s', (_, entry) => {
    const findings = validatePolicy(
      entry.policy,
      entry.policyType === undefined ? {} : { policyType: entry.policyType },
    )
    expect(codesOf(findings)).toEqual(entry.codes)
    const [first] = findings
    if (entry.covers !== undefined) {
      const range = first?.range
      expect(range && entry.policy.slice(range.start.offset, range.end.offset)).toBe(entry.covers)
    }
    if (entry.fixText !== undefined) expect(first?.fix?.newText).toBe(entry.fixText)
  })

  const examples = findingReference.map((entry) => [entry.code, entry] as const)
  const optionsOf = (entry: { policyType?: PolicyType; exampleOptions?: object }) =>
    entry.exampleOptions ?? (entry.policyType === undefined ? {} : { policyType: entry.policyType })

  it.each(examples)('reports nothing that needs the catalog for the example of %s', (_, entry) => {
    const findings = validatePolicy(entry.example, optionsOf(entry))
    expect(codesOf(findings).filter((code) => catalogCodes.includes(code))).toEqual([])
  })

  it.each(examples.filter(([code]) => !catalogCodes.includes(code)))(
    'still reports %s for its example',
    (code, entry) => {
      const findings = validatePolicy(entry.example, optionsOf(entry))
      expect(codesOf(findings)).toContain(code)
    },
  )

  it('knows every catalog code as a code of the reference', () => {
    const codes = findingReference.map((entry) => entry.code)
    expect(catalogCodes.filter((code) => !codes.includes(code))).toEqual([])
  })

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [
      '',
      '{',
      '[]',
      '{"Statement": {"Condition": {"": {"": [[]]}}}}',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      42,
      null,
      undefined,
      Object.create(null),
      { toString: () => policy(allow('connect:DescribeUser', '*')) },
    ]
    for (const input of inputs) {
      expect(() => validatePolicy(input as string)).not.toThrow()
    }
  })
})

describe('validatePolicy options as people write them', () => {
  const policy =
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Principal": "*"}]}'

  it('takes a policy type by any of its names', () => {
    const asResource = codesOf(validatePolicy(policy, { policyType: 'resource' }))
    expect(codesOf(validatePolicy(policy, { policyType: 'scp' as PolicyType }))).toEqual(
      codesOf(validatePolicy(policy, { policyType: 'serviceControl' })),
    )
    expect(asResource).not.toContain('invalid-argument')
  })

  it('says which code to suppress it never reports, and still suppresses the others', () => {
    const findings = validatePolicy(policy, {
      policyType: 'resource',
      suppress: ['redundent-action', 'security-anyone-principal'],
    })
    const [first] = findings
    expect(first?.code).toBe('invalid-argument')
    expect(first?.message).toBe(
      '`suppress`: `redundent-action` is not a finding code: did you mean `redundant-action`: the policy is validated without it',
    )
  })
})

describe('deploy-time values', () => {
  const template = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['connect:DescribeUser', '{{Ref ExtraAction}}'],
          Resource: [
            'arn:{{AWS.Partition}}:connect:{{AWS.Region}}:{{AWS.AccountId}}:instance/{{Ref InstanceId}}/agent/*',
            '{{GetAtt Queue.Arn}}',
          ],
          Condition: {
            'ForAnyValue:StringEquals': { 'aws:TagKeys': '{{Ref TagKey}}' },
            StringEquals: { '{{Ref Key}}': 'x' },
            IpAddress: { 'aws:SourceIp': '{{Ref OfficeRange}}' },
          },
        },
        {
          Effect: 'Allow',
          Action: 'connect:DescribeUser',
          Resource: 'arn:{{AWS.Partition}}:conect:{{AWS.Region}}:{{AWS.AccountId}}:instance/*',
        },
      ],
    },
    null,
    2,
  )

  it('are not judged, while what is written around them still is', () => {
    const findings = validatePolicy(template, { catalog: createCatalog(catalogFixture) })
    expect(findings.map((finding) => finding.code)).toEqual(['unknown-arn-service'])
  })

  it('are not judged as principals of a resource policy', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ['{{GetAtt Role.Arn}}', 'arn:aws:iam::{{AWS.AccountId}}:root'] },
          Action: 'connect:DescribeUser',
          Resource: '{{GetAtt User.Arn}}',
        },
      ],
    })
    const catalog = createCatalog(catalogFixture)
    expect(validatePolicy(policy, { policyType: 'resource', catalog })).toEqual([])
  })
})
