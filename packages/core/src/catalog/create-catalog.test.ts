// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats, key names and policy variables, not templates
import { describe, expect, it } from 'vitest'
import { catalogFixture, instanceArn } from './create-catalog.test-data.ts'
import { createCatalog } from './create-catalog.ts'

const catalog = createCatalog(catalogFixture)

function action(fullName: string) {
  const found = catalog.action(fullName)
  if (found === undefined) throw new Error(`no action ${fullName} in the fixture`)
  return found
}

const names = (types: readonly { service: string; name: string }[]) =>
  types.map((type) => `${type.service}/${type.name}`)

describe('createCatalog: services', () => {
  it('keeps the source, partitions and Regions', () => {
    expect(catalog.source).toEqual({ name: 'fixture', version: '1.2.3', date: '2026-01-31' })
    expect([...catalog.partitions]).toEqual(['aws', 'aws-cn'])
    expect([...catalog.regions]).toEqual(['us-east-1', 'eu-west-2'])
  })

  it('lists every prefix, held in full or by name only, sorted', () => {
    expect(catalog.servicePrefixes).toEqual([
      'backup',
      'connect',
      'ec2',
      'elasticloadbalancing',
      'logs',
      'route53-recovery-control-config',
      's3',
      'wisdom',
    ])
    expect(catalog.coveredPrefixes).toEqual([
      'backup',
      'connect',
      'elasticloadbalancing',
      'logs',
      's3',
    ])
  })

  it.each([
    ['connect', true],
    ['CONNECT', true],
    ['ec2', true],
    ['Wisdom', true],
    ['connec', false],
    ['', false],
    ['connect:DescribeUser', false],
  ])('isService(%j) is %s', (prefix, known) => {
    expect(catalog.isService(prefix)).toBe(known)
  })

  it('gives services held in full by prefix, whatever the case', () => {
    expect(catalog.service('connect')?.name).toBe('Amazon Connect')
    expect(catalog.service('Connect')).toBe(catalog.service('connect'))
    expect(catalog.service('s3')?.actions.map((a) => a.name)).toEqual([
      'GetObject',
      'ListAllMyBuckets',
      'PutBucketPolicy',
    ])
  })

  it('holds nothing of a service known by name only, but knows its name', () => {
    expect(catalog.service('ec2')).toBeUndefined()
    expect(catalog.serviceName('EC2')).toBe('Amazon EC2')
    expect(catalog.serviceName('s3')).toBe('Amazon S3')
    expect(catalog.serviceName('nope')).toBeUndefined()
    expect(catalog.service('nope')).toBeUndefined()
  })

  it('prefers the full service when a prefix is also listed by name', () => {
    const both = createCatalog({
      ...catalogFixture,
      otherServices: [{ prefix: 's3', name: 'Simple Storage Service' }],
    })
    expect(both.serviceName('s3')).toBe('Amazon S3')
    expect(both.servicePrefixes.filter((prefix) => prefix === 's3')).toHaveLength(1)
  })

  it('drops ARN formats that are not ARNs rather than failing', () => {
    const odd = createCatalog({
      ...catalogFixture,
      services: [
        {
          prefix: 'odd',
          name: 'Odd',
          resourceTypes: [{ name: 'thing', arnFormats: ['*', 'thing/${Id}'], conditionKeys: [] }],
          actions: [],
          conditionKeys: [],
        },
      ],
    })
    expect(odd.service('odd')?.resourceTypes[0]?.arnFormats).toEqual([])
    expect(odd.resourceTypesOf('arn:aws:odd:us-east-1:123456789012:thing/x')).toEqual([])
  })
})

describe('createCatalog: actions', () => {
  it('finds an action by full name, case-insensitively, as IAM reads actions', () => {
    const describeUser = action('connect:DescribeUser')
    expect(describeUser).toMatchObject({
      service: 'connect',
      name: 'DescribeUser',
      fullName: 'connect:DescribeUser',
    })
    expect(catalog.action('CONNECT:describeuser')).toBe(describeUser)
    expect(catalog.action('Connect:DESCRIBEUSER')).toBe(describeUser)
  })

  it.each([
    'connect:DescribeUsers',
    'connect:Describe*',
    'DescribeUser',
    'connect:',
    ':DescribeUser',
    'ec2:RunInstances',
    'nope:DescribeUser',
    '',
  ])('has no action %j', (fullName) => {
    expect(catalog.action(fullName)).toBeUndefined()
  })

  it('gives CreateUser its required and optional resource types', () => {
    const createUser = action('connect:CreateUser')
    expect(createUser.accessLevels).toEqual(['Write'])
    expect(createUser.wildcardOnly).toBe(false)
    expect(createUser.resourceTypes.map(({ type, required }) => [type.name, required])).toEqual([
      ['hierarchy-group', false],
      ['routing-profile', true],
      ['security-profile', true],
      ['user', true],
    ])
    const connect = catalog.service('connect')
    expect(createUser.resourceTypes[3]?.type).toBe(
      connect?.resourceTypes.find((type) => type.name === 'user'),
    )
    expect(createUser.dependentActions).toEqual([])
  })

  it("gathers an action's condition keys with its resource types', in lower case", () => {
    expect([...action('connect:CreateUser').conditionKeys].sort()).toEqual([
      'aws:requesttag/${tagkey}',
      'aws:resourcetag/${tagkey}',
      'aws:tagkeys',
      'connect:instanceid',
    ])
    // a key the action supports only on one of its resource types
    expect(action('connect:TagResource').conditionKeys.has('connect:userarn')).toBe(true)
    expect(action('connect:ListInstances').conditionKeys.size).toBe(0)
  })

  it('keeps combined access levels as two', () => {
    expect(action('connect:TagResource').accessLevels).toEqual(['Tagging', 'Write'])
    expect(action('s3:PutBucketPolicy').accessLevels).toEqual(['Permissions management', 'Write'])
  })

  it('marks actions that take no resource', () => {
    expect(action('connect:ListInstances')).toMatchObject({ wildcardOnly: true, resourceTypes: [] })
    expect(action('s3:ListAllMyBuckets').wildcardOnly).toBe(true)
    expect(action('connect:ListQueues').wildcardOnly).toBe(false)
  })

  it("keeps the reference's description of an action, and nothing else as one", () => {
    const text = 'Grants permission to describe a user in an Amazon Connect instance'
    const described = createCatalog({
      ...catalogFixture,
      services: catalogFixture.services.map((service) => ({
        ...service,
        actions: service.actions.map((entry) =>
          entry.name === 'DescribeUser'
            ? { ...entry, description: text }
            : entry.name === 'DescribeQueue'
              ? ({ ...entry, description: 42 } as unknown as typeof entry)
              : entry,
        ),
      })),
    })
    expect(described.action('connect:DescribeUser')?.description).toBe(text)
    expect(described.action('connect:DescribeQueue')).not.toHaveProperty('description')
    expect(action('connect:DescribeUser')).not.toHaveProperty('description')
  })

  it('keeps dependent actions', () => {
    expect(action('connect:CreateInstance').dependentActions).toEqual([
      'ds:CheckAlias',
      'iam:CreateServiceLinkedRole',
    ])
  })

  it('gives a type named by its forms all of them (`loadbalancer` for `loadbalancer/app/`)', () => {
    expect(
      action('elasticloadbalancing:DeleteLoadBalancer').resourceTypes.map(({ type }) => type.name),
    ).toEqual(['loadbalancer/app/', 'loadbalancer/net/'])
  })

  it('lists every action of every service held, services by prefix and actions by name', () => {
    expect(catalog.allActions.map((a) => a.fullName)).toEqual([
      'backup:DescribeRecoveryPoint',
      'connect:CreateInstance',
      'connect:CreateUser',
      'connect:DescribeQueue',
      'connect:DescribeUser',
      'connect:DescribeView',
      'connect:GetAIAgent',
      'connect:ListInstances',
      'connect:ListQueues',
      'connect:SearchUsers',
      'connect:TagResource',
      'elasticloadbalancing:DeleteLoadBalancer',
      'logs:PutLogEvents',
      's3:GetObject',
      's3:ListAllMyBuckets',
      's3:PutBucketPolicy',
    ])
  })
})

describe('createCatalog: matchActions', () => {
  const matched = (pattern: string) => catalog.matchActions(pattern).map((a) => a.fullName)

  it.each([
    [
      'connect:Describe*',
      ['connect:DescribeQueue', 'connect:DescribeUser', 'connect:DescribeView'],
    ],
    [
      'CONNECT:describe*',
      ['connect:DescribeQueue', 'connect:DescribeUser', 'connect:DescribeView'],
    ],
    ['connect:*User', ['connect:CreateUser', 'connect:DescribeUser']],
    ['connect:List*', ['connect:ListInstances', 'connect:ListQueues']],
    ['connect:?istInstances', ['connect:ListInstances']],
    ['connect:Describe????', ['connect:DescribeUser', 'connect:DescribeView']],
    ['connect:*Q*', ['connect:DescribeQueue', 'connect:ListQueues']],
    ['connect:DescribeUser', ['connect:DescribeUser']],
    ['*:List*', ['connect:ListInstances', 'connect:ListQueues', 's3:ListAllMyBuckets']],
    ['s?:*', ['s3:GetObject', 's3:ListAllMyBuckets', 's3:PutBucketPolicy']],
    ['l*:*Log*', ['logs:PutLogEvents']],
  ])('%s names %j', (pattern, expected) => {
    expect(matched(pattern)).toEqual(expected)
  })

  it('names every action held with `*`, `**` and `*:*`', () => {
    expect(catalog.matchActions('*')).toEqual(catalog.allActions)
    expect(catalog.matchActions('**')).toEqual(catalog.allActions)
    expect(catalog.matchActions('*:*')).toEqual(catalog.allActions)
    expect(catalog.matchActions('connect:*')).toHaveLength(10)
  })

  it.each([
    'connect:Nothing*',
    'connect:List?',
    'connect:',
    'connect',
    'ec2:*',
    'ec2:RunInstances',
    'nope:*',
    '?',
    '',
  ])('names nothing with %j', (pattern) => {
    expect(catalog.matchActions(pattern)).toEqual([])
  })
})

describe('createCatalog: resourceTypesOf', () => {
  const typesOf = (resource: string) => names(catalog.resourceTypesOf(resource))
  const instanceChildren = [
    'connect/user',
    'connect/hierarchy-group',
    'connect/security-profile',
    'connect/routing-profile',
    'connect/queue',
    'connect/wildcard-queue',
    'connect/customer-managed-view-version',
  ]

  it.each([
    [instanceArn, ['connect/instance']],
    [`${instanceArn}/agent/u-1`, ['connect/user']],
    [`${instanceArn}/agent-group/g-1`, ['connect/hierarchy-group']],
    [`${instanceArn}/security-profile/sp-1`, ['connect/security-profile']],
    [`${instanceArn}/queue/q-1`, ['connect/queue']],
    [`${instanceArn}/view/v-1:3`, ['connect/customer-managed-view-version']],
    ['arn:aws:connect:us-east-1:aws:view/v-1', ['connect/aws-managed-view']],
    ['arn:aws:wisdom:us-east-1:123456789012:ai-agent/a-1/g-1:1', ['connect/ai-agent']],
    ['arn:aws:s3:::my-bucket', ['s3/bucket']],
    ['arn:aws:s3:::my-bucket/a/b.txt', ['s3/object']],
    ['arn:aws:logs:us-east-1:123456789012:log-group:g-1', ['logs/log-group']],
    [
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/lb/50dc6c495c0c9188',
      ['elasticloadbalancing/loadbalancer/net/'],
    ],
    ['arn:aws:ec2:us-east-1:*:snapshot:snap-1', ['backup/recoveryPoint']],
  ])('an exact ARN: %s is %j', (resource, expected) => {
    expect(typesOf(resource)).toEqual(expected)
  })

  it.each([
    // an AWS-owned view has the account `aws`
    'arn:aws:connect:us-east-1:123456789012:view/v-1',
    // a wildcard resource type is the ARN with a literal `*`, not any queue
    `${instanceArn}/queue`,
    // ARNs are case-sensitive
    'arn:aws:Connect:us-east-1:123456789012:instance/i-1',
    `${instanceArn.replace('instance', 'Instance')}/agent/u-1`,
    'arn:aws:nope:us-east-1:123456789012:thing/t-1',
    'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
    // an instance ID holds no slash, since the service puts one after it
    'arn:aws:connect:us-east-1:123456789012:instance/i-1/',
  ])('an ARN of no type held: %s', (resource) => {
    expect(typesOf(resource)).toEqual([])
  })

  it.each([
    ['partition', 'arn:*:connect:us-east-1:123456789012:instance/i-1/agent/u-1', ['connect/user']],
    [
      'partition',
      'arn:aws-?n:connect:us-east-1:123456789012:instance/i-1/agent/u-1',
      ['connect/user'],
    ],
    ['service', 'arn:aws:conn*:us-east-1:123456789012:instance/i-1/agent/u-1', ['connect/user']],
    ['service', 'arn:aws:*:us-east-1:123456789012:instance/i-1/agent/u-1', ['connect/user']],
    ['region', 'arn:aws:connect:*:123456789012:instance/i-1/agent/u-1', ['connect/user']],
    ['region', 'arn:aws:connect:us-east-?:123456789012:instance/i-1/agent/u-1', ['connect/user']],
    ['account', 'arn:aws:connect:us-east-1:*:instance/i-1/agent/u-1', ['connect/user']],
    ['resource', `${instanceArn}/agent/*`, ['connect/user']],
    ['resource', `${instanceArn}/agent/u-?`, ['connect/user']],
    ['resource', `${instanceArn}/queue/*`, ['connect/queue', 'connect/wildcard-queue']],
    ['resource', `${instanceArn}/*`, instanceChildren],
    ['resource', `${instanceArn}*`, ['connect/instance', ...instanceChildren]],
    ['resource', 'arn:aws:s3:::my-bucket/*', ['s3/object']],
    ['resource', 'arn:aws:s3:::*', ['s3/bucket', 's3/object']],
    [
      'resource',
      'arn:aws:logs:us-east-1:123456789012:log-group:g-1:*',
      ['logs/log-group', 'logs/log-stream'],
    ],
    ['resource (a policy variable)', `${instanceArn}/agent/\${aws:username}`, ['connect/user']],
  ])('a wildcard in the %s: %s is %j', (_field, resource, expected) => {
    expect(typesOf(resource)).toEqual(expected)
  })

  it('reads `instance/*/agent/*` as a user, never as the instance or a wildcard type', () => {
    const types = typesOf('arn:aws:connect:*:*:instance/*/agent/*')
    expect(types).toContain('connect/user')
    expect(types).not.toContain('connect/instance')
    expect(types).not.toContain('connect/wildcard-queue')
    // a trailing identifier may hold slashes (S3 keys and secret names do), so a queue whose ID
    // holds `/agent/` is not ruled out by the format alone
    expect(types).toContain('connect/queue')
  })

  it('reads a colon in a log group name as part of the name, so a stream ARN is also a group', () => {
    expect(typesOf('arn:aws:logs:us-east-1:123456789012:log-group:g-1:log-stream:s-1')).toEqual([
      'logs/log-group',
      'logs/log-stream',
    ])
  })

  it('reads an ARN pattern cut short by a star field by field', () => {
    expect(typesOf('arn:aws:connect:*')).toEqual([
      'connect/instance',
      ...instanceChildren,
      'connect/aws-managed-view',
      'backup/recoveryPoint',
    ])
    // regression: the star of `*3` stays in the service field, as `matchesResource` reads it
    expect(typesOf('arn:aws:*3:*')).toEqual(['backup/recoveryPoint', 's3/bucket', 's3/object'])
    expect(typesOf('arn:aws:wis*')).toEqual(['backup/recoveryPoint', 'connect/ai-agent'])
    expect(typesOf('arn:aws-cn:*')).toHaveLength(17)
  })

  it('gives every type for `*`, and none for what is not an ARN', () => {
    expect(catalog.resourceTypesOf('*')).toHaveLength(17)
    expect(catalog.resourceTypesOf('**')).toHaveLength(17)
    expect(typesOf('connect')).toEqual([])
    expect(typesOf('*:instance/*')).toEqual([])
    expect(typesOf('arn:aws:connect')).toEqual([])
    expect(typesOf('')).toEqual([])
  })
})

describe('createCatalog: actionReaches', () => {
  it.each([
    ['connect:DescribeUser', `${instanceArn}/agent/u-1`, true],
    ['connect:DescribeUser', `${instanceArn}/agent/*`, true],
    ['connect:DescribeUser', `${instanceArn}/*`, true],
    ['connect:DescribeUser', 'arn:aws:connect:*', true],
    ['connect:DescribeUser', '*', true],
    ['connect:DescribeUser', `${instanceArn}/queue/q-1`, false],
    ['connect:DescribeUser', instanceArn, false],
    ['connect:DescribeUser', 'arn:aws:s3:::*', false],
    ['connect:CreateUser', `${instanceArn}/security-profile/sp-1`, true],
    ['connect:CreateUser', `${instanceArn}/agent-group/g-1`, true],
    ['connect:CreateUser', `${instanceArn}/queue/q-1`, false],
    ['connect:ListQueues', `${instanceArn}/queue/*`, true],
    ['connect:ListQueues', `${instanceArn}/queue/q-1`, false],
    ['connect:GetAIAgent', 'arn:aws:wisdom:us-east-1:123456789012:ai-agent/a-1/g-1:1', true],
    ['connect:GetAIAgent', 'arn:aws:connect:us-east-1:123456789012:ai-agent/a-1/g-1:1', false],
    [
      'elasticloadbalancing:DeleteLoadBalancer',
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/lb/1',
      true,
    ],
    ['s3:GetObject', 'arn:aws:s3:::my-bucket/*', true],
    ['s3:GetObject', 'arn:aws:s3:::my-bucket', false],
  ])('%s against %s: %s', (name, resource, reaches) => {
    expect(catalog.actionReaches(action(name), resource)).toBe(reaches)
    // answers are kept; asking again gives the same
    expect(catalog.actionReaches(action(name), resource)).toBe(reaches)
  })

  it.each([
    ['*', true],
    ['arn:aws:connect:*:*:*', true],
    ['arn:aws:connect:::*', true],
    ['arn:aws:connect:us-east-1:123456789012:*', true],
    ['arn:aws:connect:*', true],
    ['arn:aws:*:*:*:*', true],
    ['arn:aws:conn*:*:*:*', true],
    ['arn:*', true],
    ['arn:aws:?:*:*:*', false],
    ['arn:aws:s3:::*', false],
    ['arn:aws:connect:*:*:instance/*', false],
    [instanceArn, false],
    ['arn:aws:conn*', false],
  ])('an action that takes no resource is reached by %s: %s', (resource, reaches) => {
    expect(catalog.actionReaches(action('connect:ListInstances'), resource)).toBe(reaches)
  })

  it('reaches S3 actions that take no resource with S3-wide ARNs only', () => {
    expect(catalog.actionReaches(action('s3:ListAllMyBuckets'), 'arn:aws:s3:::*')).toBe(true)
    expect(catalog.actionReaches(action('s3:ListAllMyBuckets'), 'arn:aws:s3:::b-*')).toBe(false)
  })
})

describe('createCatalog: reachBetween', () => {
  // packages/fuzz/findings/crash-catalog-awsCatalog-reachBetween-arb-call-s17-i59239.json: the
  // holes of a sparse array passed `every` and were then read as actions
  it('reads only its own actions and text resources, whatever it is given', () => {
    const action = catalog.action('connect:DescribeUser')
    for (const actions of [new Array(16), [undefined, action], Object.create(null), 'x']) {
      const reach = catalog.reachBetween(actions as never, [`${instanceArn}/agent/u-1`, 7] as never)
      const own = Array.isArray(actions) && actions.includes(action)
      expect(reach.actions.size).toBe(own ? 1 : 0)
      expect(reach.resources.size).toBe(own ? 1 : 0)
    }
  })
})

describe('createCatalog: condition keys', () => {
  it('lists the global keys as the reference writes them', () => {
    expect(catalog.globalKeyNames).toEqual([
      'aws:ResourceTag/${TagKey}',
      'aws:RequestTag/${TagKey}',
      'aws:TagKeys',
      'aws:SourceIp',
      'aws:CurrentTime',
    ])
  })

  it.each(['aws:ResourceTag/Team', 'AWS:RESOURCETAG/team', 'aws:resourcetag/Cost Center/2'])(
    'resolves %s to the global key, though Connect repeats it',
    (name) => {
      expect(catalog.conditionKey(name)).toEqual({
        name: 'aws:ResourceTag/${TagKey}',
        type: 'String',
        multivalued: false,
        global: true,
        description: 'tags on the resource',
      })
    },
  )

  it.each([
    ['aws:TagKeys', 'aws:TagKeys', 'ArrayOfString', true],
    ['AWS:tagkeys', 'aws:TagKeys', 'ArrayOfString', true],
    ['aws:SourceIp', 'aws:SourceIp', 'IPAddress', true],
    ['aws:RequestTag/Owner', 'aws:RequestTag/${TagKey}', 'String', true],
    ['connect:InstanceId', 'connect:InstanceId', 'String', false],
    ['CONNECT:instanceid', 'connect:InstanceId', 'String', false],
    ['connect:SearchTag/Dept', 'connect:SearchTag/${TagKey}', 'String', false],
    ['connect:searchtag/DEPT', 'connect:SearchTag/${TagKey}', 'String', false],
    ['connect:FlowType', 'connect:FlowType', 'ArrayOfString', false],
    ['connect:UserArn', 'connect:UserArn', 'ARN', false],
    [
      'connect:PrimaryAttribute/Email',
      'connect:PrimaryAttribute/${PrimaryAttribute}',
      'String',
      false,
    ],
    ['s3:ExistingObjectTag/Project', 's3:ExistingObjectTag/${key}', 'String', false],
  ])('resolves %s to %s (%s, global %s)', (written, name, type, global) => {
    expect(catalog.conditionKey(written)).toMatchObject({ name, type, global })
  })

  it('leaves out a description the data lacks', () => {
    expect(catalog.conditionKey('connect:InstanceId')).not.toHaveProperty('description')
  })

  it.each([
    'aws:ResourceTag/',
    'aws:ResourceTag',
    'aws:ResourceTags/Team',
    'connect:SearchTag',
    'connect:Nope',
    'ec2:Region',
    'aws:TagKeys/x',
    '',
  ])('has no key %j', (name) => {
    expect(catalog.conditionKey(name)).toBeUndefined()
  })
})

describe('createCatalog: ARN services and RCPs', () => {
  it('lists the service fields ARNs carry, of held types and services known by name, sorted', () => {
    expect([...catalog.arnServices]).toEqual([
      'connect',
      'ec2',
      'elasticloadbalancing',
      'logs',
      'route53-recovery-control',
      's3',
      'wisdom',
    ])
  })

  it('says which services RCPs apply to only when the data says', () => {
    expect([...(catalog.rcpServices ?? [])]).toEqual(['s3'])
    const { rcpServices: _, ...withoutRcp } = catalogFixture
    expect(createCatalog(withoutRcp).rcpServices).toBeUndefined()
  })
})

describe('createCatalog: formats', () => {
  it('reads an entry that lists two ARNs, comma separated, as two formats', () => {
    const apigateway = {
      prefix: 'apigateway',
      name: 'Amazon API Gateway',
      resourceTypes: [
        {
          name: 'Authorizer',
          arnFormats: [
            'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/authorizers/${AuthorizerId}, arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/authorizers/${AuthorizerId}',
          ],
          conditionKeys: [],
        },
      ],
      actions: [],
      conditionKeys: [],
    }
    const withTwo = createCatalog({
      ...catalogFixture,
      services: [...catalogFixture.services, apigateway],
    })
    const formats = withTwo.service('apigateway')?.resourceTypes[0]?.arnFormats ?? []
    expect(formats.map((format) => format.source)).toEqual([
      'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/authorizers/${AuthorizerId}',
      'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/authorizers/${AuthorizerId}',
    ])
    const arn = 'arn:aws:apigateway:us-east-1::/restapis/a1/authorizers/b2'
    expect(withTwo.resourceTypesOf(arn).map((type) => type.name)).toEqual(['Authorizer'])
  })
})
