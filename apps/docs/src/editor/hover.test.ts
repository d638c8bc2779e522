// biome-ignore-all lint/suspicious/noTemplateCurlyInString: condition keys of the reference, not templates
import { awsCatalog, awsCatalogData, subsetCatalogData } from '@connect-policy/catalog'
import { createCatalog } from '@connect-policy/core'
import { parser } from '@lezer/json'
import { describe, expect, it } from 'vitest'
import { policyHover } from './hover.ts'
import {
  agentPolicy,
  marked,
  oneLinePolicy,
  resourcePolicy,
  testPolicies,
} from './policies.test-data.ts'

const catalog = awsCatalog()

const hover = (text: string, given = catalog) => {
  const { text: plain, tree, position } = marked(text)
  return policyHover(tree, plain, position, given)
}

describe('policyHover over actions', () => {
  it('gives the access level, description, resource types and condition keys of an action', () => {
    expect(hover('{"Statement": {"Action": ["connect:DescribeU|ser"]}}')).toEqual({
      from: 27,
      to: 47,
      title: 'connect:DescribeUser',
      body: [
        'Access level: Read',
        'Grants permission to describe a user in an Amazon Connect instance',
        'Resource types: user (required)',
        'Condition keys: aws:ResourceTag/${TagKey}, connect:InstanceId',
      ],
    })
  })

  it('spells the action as the reference does, and reads NotAction too', () => {
    expect(hover('{"Statement": {"NotAction": "CONNECT:describeuser|"}}')?.title).toBe(
      'connect:DescribeUser',
    )
  })

  it('is the same on either quote of the string', () => {
    const text = '{"Statement": {"Action": "connect:DescribeUser"}}'
    const tree = parser.parse(text)
    const open = text.indexOf('"connect')
    const inside = policyHover(tree, text, open + 3, catalog)
    expect(inside).toBeDefined()
    expect(policyHover(tree, text, open, catalog)).toEqual(inside)
    expect(policyHover(tree, text, open + '"connect:DescribeUser'.length, catalog)).toEqual(inside)
  })

  it('says which actions the reference makes an action depend on', () => {
    const small = createCatalog({
      source: { name: 'test', version: '1', date: '2025-01-01' },
      services: [
        {
          prefix: 'demo',
          name: 'Demo',
          actions: [
            {
              name: 'Run',
              accessLevels: ['Write'],
              resourceTypes: [],
              conditionKeys: [],
              dependentActions: ['iam:PassRole'],
            },
          ],
          resourceTypes: [],
          conditionKeys: [],
        },
      ],
      globalConditionKeys: [],
      partitions: ['aws'],
      regions: ['us-east-1'],
    })
    expect(hover('{"Statement": {"Action": "demo:Run|"}}', small)?.body).toEqual([
      'Access level: Write',
      'Resource types: none; only "Resource": "*" reaches the action',
      'Condition keys: none of its own; the global keys apply',
      'Also needs: iam:PassRole',
    ])
  })

  it('counts the actions a wildcard matches and names the first few', () => {
    const matches = catalog.matchActions('connect:Describe*')
    const result = hover('{"Statement": {"Action": "connect:Describe*|"}}')
    expect(result?.title).toBe('connect:Describe*')
    expect(result?.body[0]).toBe(`Matches ${matches.length} actions`)
    expect(result?.body[1]).toBe(
      `${matches
        .slice(0, 5)
        .map((action) => action.fullName)
        .join(', ')}, …`,
    )
    expect(hover('{"Statement": {"Action": "connect:DescribeUse?|"}}')?.body).toEqual([
      'Matches 1 action',
      'connect:DescribeUser',
    ])
    expect(hover('{"Statement": {"Action": "*|"}}')?.body[0]).toBe(
      `Matches ${catalog.allActions.length} actions`,
    )
    expect(hover('{"Statement": {"Action": "connect:Nothing*|"}}')?.body).toEqual([
      'Matches no action the catalog holds',
    ])
  })

  it('names the nearest action of a name the catalog does not hold', () => {
    expect(hover('{"Statement": {"Action": "connect:DescribeUsr|"}}')?.body).toEqual([
      'Not an action of Amazon Connect: did you mean `connect:DescribeUser`',
    ])
    expect(hover('{"Statement": {"Action": "conect:DescribeUser|"}}')?.body).toEqual([
      'No service of the catalog has the prefix conect: did you mean `connect`',
    ])
    expect(hover('{"Statement": {"Action": "DescribeUser|"}}')?.body).toEqual([
      'An action is written service:Name, such as connect:DescribeUser',
    ])
  })

  it('says when the catalog knows a service only by name', () => {
    const subset = createCatalog(subsetCatalogData(awsCatalogData(), ['connect']))
    expect(hover('{"Statement": {"Action": "s3:GetObject|"}}', subset)?.body).toEqual([
      'The catalog does not hold the actions of Amazon S3',
    ])
    expect(hover('{"Statement": {"Action": "s3:Get*|"}}', subset)?.body).toEqual([
      'Matches no action the catalog holds',
      'The catalog does not hold the actions of Amazon S3',
    ])
  })
})

describe('policyHover in conditions', () => {
  it('gives the type, the service and the description of a condition key', () => {
    expect(
      hover('{"Statement": {"Condition": {"ArnEquals": {"connect:UserArn|": "x"}}}}'),
    ).toMatchObject({
      title: 'connect:UserArn',
      body: [
        'Type: ARN',
        'Condition key of Amazon Connect',
        catalog.conditionKey('connect:UserArn')?.description,
      ],
    })
  })

  it('names the key a key with a variable part stands for, and what a multivalued key needs', () => {
    const tag = hover(
      '{"Statement": {"Action": "connect:DescribeUser", "Condition": {"StringEquals": {"aws:ResourceTag/Team|": "x"}}}}',
    )
    expect(tag?.body.slice(0, 3)).toEqual([
      'Type: String',
      'Key: aws:ResourceTag/${TagKey}',
      'Global condition key',
    ])
    expect(tag?.body[3]).toBeTypeOf('string')
    expect(
      hover('{"Statement": {"Condition": {"ForAnyValue:StringLike": {"aws:TagKeys|": "x"}}}}')
        ?.body[0],
    ).toBe('Type: ArrayOfString, several values in a request: use ForAnyValue: or ForAllValues:')
  })

  it('names the nearest key of a key the catalog does not know', () => {
    expect(
      hover('{"Statement": {"Condition": {"Bool": {"aws:SecureTransprt|": "true"}}}}')?.body,
    ).toEqual(['Not a condition key the catalog knows: did you mean `aws:SecureTransport`'])
  })

  it('says what an operator asks', () => {
    const result = hover('{"Statement": [{"Condition": {"ForAllValues:StringLike|": {}}}]}')
    expect(result?.title).toBe('ForAllValues:StringLike')
    expect(result?.body).toHaveLength(1)
    expect(result?.body[0]).toContain('Every one of the request')
    expect(hover('{"Statement": {"Condition": {"StringEqual|": {}}}}')?.body).toEqual([
      'Not a condition operator: did you mean `StringEquals`',
    ])
  })
})

describe('policyHover elsewhere', () => {
  it.each([
    '{"Statement": {"Effect": "Al|low"}}',
    '{"Statement": {"Resource": "arn:aws:connect:|*"}}',
    '{"Statement": {"Sid": "connect:DescribeUser|"}}',
    '{"Statement": {"Act|ion": "connect:DescribeUser"}}',
    '{"Statement": {"Action":| "connect:DescribeUser"}}',
    '{"Statement": {"Action": {"connect:DescribeUser|": 1}}}',
    '{"Other": {"Action": "connect:DescribeUser|"}}',
    '{"Statement": {"Action": "|"}}',
    '{"Statement": {"Condition": {"StringEquals": {"aws:SourceIp": "aws:Source|Ip"}}}}',
  ])('gives nothing in %j', (text) => {
    expect(hover(text)).toBeUndefined()
  })
})

describe('policyHover never throws on documents being typed', () => {
  it('at every position of every test policy, and at the end of every prefix of the handwritten ones', () => {
    let hovers = 0
    for (const text of testPolicies) {
      const tree = parser.parse(text)
      for (let position = 0; position <= text.length; position++) {
        if (policyHover(tree, text, position, catalog) !== undefined) hovers++
      }
    }
    for (const text of [agentPolicy, resourcePolicy, oneLinePolicy]) {
      for (let length = 0; length <= text.length; length++) {
        const prefix = text.slice(0, length)
        policyHover(parser.parse(prefix), prefix, length, catalog)
      }
    }
    expect(hovers).toBeGreaterThan(100)
  })
})
