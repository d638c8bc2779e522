// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats and key names in the reference's notation, not templates
import { describe, expect, it } from 'vitest'
import { type CatalogData, createCatalog } from '../catalog/index.ts'
import { parsePolicy } from '../parse/index.ts'
import { describePolicy } from './describe-policy.ts'

const instance = 'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}'

const data: CatalogData = {
  source: { name: 'test', version: '0', date: '2026-01-01' },
  partitions: ['aws'],
  regions: ['us-east-1', 'us-west-2'],
  globalConditionKeys: [
    { name: 'aws:ResourceTag/${TagKey}', type: 'String' },
    { name: 'aws:TagKeys', type: 'ArrayOfString' },
    { name: 'aws:SourceIp', type: 'IPAddress' },
    { name: 'aws:SecureTransport', type: 'Bool' },
  ],
  services: [
    {
      prefix: 'connect',
      name: 'Amazon Connect',
      actions: [
        {
          name: 'DescribeUser',
          accessLevels: ['Read'],
          resourceTypes: [{ name: 'user', required: true }],
          conditionKeys: [],
        },
        {
          name: 'ListUsers',
          accessLevels: ['List'],
          resourceTypes: [{ name: 'instance', required: true }],
          conditionKeys: [],
        },
        {
          name: 'DeleteUser',
          accessLevels: ['Write'],
          resourceTypes: [{ name: 'user', required: true }],
          conditionKeys: [],
        },
        {
          name: 'UpdateUserHierarchy',
          accessLevels: ['Write'],
          resourceTypes: [{ name: 'user', required: true }],
          conditionKeys: [],
        },
        {
          name: 'TagResource',
          accessLevels: ['Tagging', 'Write'],
          resourceTypes: [{ name: 'user', required: false }],
          conditionKeys: [],
        },
      ],
      resourceTypes: [
        { name: 'instance', arnFormats: [instance], conditionKeys: [] },
        { name: 'user', arnFormats: [`${instance}/agent/\${UserId}`], conditionKeys: [] },
      ],
      conditionKeys: [],
    },
  ],
}
const catalog = createCatalog(data)
const users =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent/*'

function describeText(policy: unknown, withCatalog = true) {
  const { policy: parsed } = parsePolicy(JSON.stringify(policy))
  if (parsed === undefined) throw new Error('the test policy does not parse')
  const description = describePolicy(parsed, withCatalog ? { catalog } : {})
  if (description.errors !== undefined) throw new Error(description.errors[0]?.message)
  return description
}

describe('describePolicy', () => {
  it('groups actions by service and access level and names resources by type and place', () => {
    const description = describeText({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Action: ['connect:Delete*', 'connect:UpdateUser*'], Resource: users },
      ],
    })
    expect(description.denies).toEqual([
      'Statement #0 denies 2 Amazon Connect actions (Write: DeleteUser and UpdateUserHierarchy) ' +
        `on Amazon Connect user resources in account 123456789012, us-east-1: \`${users}\`.`,
    ])
    expect(description.allows).toEqual([])
    expect(description.rules).toEqual([
      'A Deny wins over every Allow.',
      'The policy allows nothing by itself.',
    ])
    expect(description.effective?.text).toBe(
      'In effect, it allows nothing: every request is denied.',
    )
    expect(description.text).toBe(
      `${description.denies[0]} ${description.rules.join(' ')} ${description.effective?.text}`,
    )
    const actions = description.statements[0]?.actions
    expect(actions?.services).toEqual([
      {
        prefix: 'connect',
        serviceName: 'Amazon Connect',
        everyAction: false,
        serviceActionCount: 5,
        groups: [{ accessLevels: ['Write'], actions: ['DeleteUser', 'UpdateUserHierarchy'] }],
        actionCount: 2,
      },
    ])
  })

  it('orders access levels as the reference does and says when a service is named in full', () => {
    const { statements } = describeText({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Some',
          Effect: 'Allow',
          Action: ['connect:TagResource', 'connect:List*', 'connect:Describe*'],
          Resource: '*',
        },
        { Effect: 'Allow', Action: 'connect:*', Resource: '*' },
      ],
    })
    expect(statements[0]?.text).toBe(
      'Statement #0 (`Some`) allows 3 Amazon Connect actions (List: ListUsers; Read: DescribeUser; ' +
        'Tagging, Write: TagResource) on every resource.',
    )
    expect(statements[1]?.text).toBe(
      'Statement #1 allows every Amazon Connect action on every resource.',
    )
  })

  it('reads NotAction and NotResource as everything but', () => {
    const { statements } = describeText({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', NotAction: 'connect:Describe*', NotResource: users }],
    })
    expect(statements[0]?.actions?.negated).toBe(true)
    expect(statements[0]?.resources?.negated).toBe(true)
    expect(statements[0]?.text).toMatch(
      /^Statement #0 denies every action except 1 Amazon Connect action \(Read: DescribeUser\) on every resource except /,
    )
  })

  it('quotes actions the catalog does not know, and everything without a catalog', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['connect:Nope', 'connect:DescribeUser'], Resource: users },
      ],
    }
    expect(describeText(policy).statements[0]?.actions?.unmatched).toEqual(['connect:Nope'])
    expect(describeText(policy).statements[0]?.text).toContain(
      '`connect:Nope` (no such action in the service reference)',
    )
    expect(describeText(policy, false).statements[0]?.text).toBe(
      `Statement #0 allows \`connect:Nope\` and \`connect:DescribeUser\` on \`${users}\`.`,
    )
  })

  it('says every condition in words', () => {
    const { statements } = describeText({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'connect:DescribeUser',
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:ResourceTag/Team': ['a', 'b'] },
            StringNotLike: { 'aws:ResourceTag/Owner': 'x*' },
            'ForAnyValue:StringLike': { 'aws:TagKeys': 'team*' },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'owner'] },
            NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 },
            Null: { 'aws:SourceIp': 'true' },
            BoolIfExists: { 'aws:SecureTransport': false },
            NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] },
          },
        },
      ],
    })
    expect(statements[0]?.conditions).toEqual([
      '`aws:ResourceTag/Team` is one of `a`, `b`',
      '`aws:ResourceTag/Owner` does not match `x*`',
      'some value of `aws:TagKeys` matches `team*`',
      'every value of `aws:TagKeys` is one of `team`, `owner` (or it has none)',
      '`aws:MultiFactorAuthAge` is less than `3600`',
      '`aws:SourceIp` is absent',
      '`aws:SecureTransport` is `false`, where the request has `aws:SecureTransport`',
      '`aws:SourceIp` is in none of `10.0.0.0/8`, `192.168.0.0/16`',
    ])
    expect(statements[0]?.text).toMatch(/on every resource when `aws:ResourceTag\/Team` is one of/)
  })

  it('quotes an operator AWS does not know', () => {
    const { statements } = describeText({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'connect:DescribeUser',
          Resource: '*',
          Condition: { StringEqualz: { 'aws:ResourceTag/Team': 'a' } },
        },
      ],
    })
    expect(statements[0]?.conditions).toEqual(['`aws:ResourceTag/Team` `StringEqualz` `a`'])
  })

  it('says `*` is every action of every service, with the catalog or without', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['connect:DescribeUser', '*'], Resource: '*' }],
    }
    // stars alone match what one star does: named as such, not action by action
    const stars = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['connect:DescribeUser', '***'], Resource: '*' }],
    }
    for (const [withCatalog, given] of [
      [true, policy],
      [false, policy],
      [true, stars],
      [false, stars],
    ] as const) {
      const { statements } = describeText(given, withCatalog)
      expect(statements[0]?.actions).toEqual({
        negated: false,
        everyService: true,
        services: [],
        unmatched: [],
        text: 'every action of every service',
      })
    }
  })

  it('names principals and says when an Effect is not valid', () => {
    const { statements } = describeText({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:root', Service: 'connect.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
        { Effect: 'allow', Action: 'connect:DescribeUser', Resource: '*' },
      ],
    })
    expect(statements[0]?.principals).toBe(
      '`arn:aws:iam::123456789012:root` or the service `connect.amazonaws.com`',
    )
    expect(statements[0]?.text).toBe(
      'Statement #0 allows `sts:AssumeRole` (no such action in the service reference) for ' +
        '`arn:aws:iam::123456789012:root` or the service `connect.amazonaws.com`.',
    )
    expect(statements[1]?.effect).toBeUndefined()
    expect(statements[1]?.text).toBe(
      'Statement #1 has the Effect `allow`, neither `Allow` nor `Deny`, so AWS refuses the policy; ' +
        'it names 1 Amazon Connect action (Read: DescribeUser) on every resource.',
    )
  })
})
