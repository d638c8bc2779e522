import { createCatalog, type Finding, validatePolicy } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { awsCatalog, awsCatalogData } from './aws-catalog.ts'
import { connectFamily } from './connect-family.ts'
import { subsetCatalogData } from './subset.ts'

const full = awsCatalogData()
const subset = subsetCatalogData(full, connectFamily)
const fullCatalog = awsCatalog()
const subsetCatalog = createCatalog(subset)

const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'

const policy = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)

const shown = (findings: readonly Finding[]) =>
  findings.map((finding) => `${finding.severity} ${finding.code}: ${finding.message}`)

describe('subsetCatalogData', () => {
  it('keeps the services named, in full, as the same data', () => {
    expect(subset.services.map((service) => service.prefix).sort()).toEqual(
      [...connectFamily].sort(),
    )
    for (const service of subset.services) {
      expect(service).toBe(full.services.find((other) => other.prefix === service.prefix))
    }
  })

  it('lists every other service by prefix and name, without its actions', () => {
    const others = subset.otherServices ?? []
    expect(others).toHaveLength(full.services.length - connectFamily.length)
    expect(new Set(others.map((other) => other.prefix)).size).toBe(others.length)
    expect(
      others.filter((other) => (connectFamily as readonly string[]).includes(other.prefix)),
    ).toEqual([])
    expect(others.find((other) => other.prefix === 's3')).toEqual({
      prefix: 's3',
      name: 'Amazon S3',
      arnServices: ['s3', 's3-object-lambda'],
    })
    for (const other of others) {
      expect(
        Object.keys(other).filter((key) => !['prefix', 'name', 'arnServices'].includes(key)),
      ).toEqual([])
    }
  })

  it('keeps the service fields of the ARNs of every other service', () => {
    const others = subset.otherServices ?? []
    expect(others.find((other) => other.prefix === 'route53-recovery-control-config')).toEqual({
      prefix: 'route53-recovery-control-config',
      name: 'Amazon Route 53 Recovery Controls',
      arnServices: ['route53-recovery-control'],
    })
    // a service without resource types has no ARNs to name
    expect(others.find((other) => other.prefix === 'pricing')).toEqual({
      prefix: 'pricing',
      name: 'AWS Price List',
    })
    expect([...subsetCatalog.arnServices]).toEqual([...fullCatalog.arnServices])
  })

  it('keeps the source, global keys, partitions, Regions and RCP services', () => {
    expect(subset.source).toBe(full.source)
    expect(subset.globalConditionKeys).toBe(full.globalConditionKeys)
    expect(subset.partitions).toBe(full.partitions)
    expect(subset.regions).toBe(full.regions)
    expect(subset.rcpServices).toBe(full.rcpServices)
  })

  it('reads prefixes whatever their case', () => {
    const upper = subsetCatalogData(full, ['CONNECT'])
    expect(upper.services.map((service) => service.prefix)).toEqual(['connect'])
  })

  it('is a small part of the whole when written as JSON', () => {
    const fullSize = JSON.stringify(full).length
    const subsetSize = JSON.stringify(subset).length
    expect(fullSize).toBeGreaterThan(3_000_000)
    expect(subsetSize).toBeLessThan(300_000)
    expect(subsetSize * 10).toBeLessThan(fullSize)
  })

  it('builds a catalog that knows every service and holds only the family', () => {
    expect(subsetCatalog.servicePrefixes).toEqual(fullCatalog.servicePrefixes)
    expect(subsetCatalog.coveredPrefixes).toEqual([...connectFamily].sort())
    expect(subsetCatalog.isService('s3')).toBe(true)
    expect(subsetCatalog.service('s3')).toBeUndefined()
    expect(subsetCatalog.serviceName('s3')).toBe('Amazon S3')
    expect(subsetCatalog.action('s3:GetObject')).toBeUndefined()
    expect(subsetCatalog.action('connect:DescribeUser')?.fullName).toBe('connect:DescribeUser')
  })

  it("keeps the actions' descriptions, through JSON as the site ships it", () => {
    const shipped = createCatalog(JSON.parse(JSON.stringify(subset)))
    const describeUser = fullCatalog.action('connect:DescribeUser')?.description
    expect(describeUser?.startsWith('Grants permission')).toBe(true)
    expect(subsetCatalog.action('connect:DescribeUser')?.description).toBe(describeUser)
    expect(shipped.action('connect:DescribeUser')?.description).toBe(describeUser)
  })
})

/** Policies about the family only, right and wrong, so that findings are many and varied. */
const connectPolicies: readonly [string, string][] = [
  [
    'create users unless with one security profile',
    policy(
      { Effect: 'Allow', Action: ['connect:CreateUser'], Resource: '*' },
      {
        Effect: 'Deny',
        Action: 'connect:CreateUser',
        Resource: `${instance}/security-profile/11111111-2222-3333-4444-555555555555`,
      },
    ),
  ],
  [
    'describe and update users by tag',
    policy({
      Effect: 'Allow',
      Action: ['connect:DescribeUser', 'connect:UpdateUser*'],
      Resource: `${instance}/agent/*`,
      Condition: { StringEquals: { 'aws:ResourceTag/Department': 'Sales' } },
    }),
  ],
  [
    'mistakes: a typo, a wrong path word, a missing instance key type, a list on a user',
    policy(
      {
        Effect: 'Allow',
        Action: ['connect:DescribeUsr', 'connect:ListInstances', 'connect:Describe*'],
        Resource: [`${instance}/user/*`, `${instance}/agent/not-a-uuid`],
        Condition: {
          StringEquals: { 'connect:InstanceID': 'x', 'connect:SearchTag/Team': 'a' },
          StringLike: { 'connect:FlowType': 'CONTACT_FLOW' },
        },
      },
      { Effect: 'Allow', Action: 'connect:*', Resource: '*' },
    ),
  ],
  [
    'the rest of the family',
    policy(
      {
        Effect: 'Allow',
        Action: ['profile:SearchProfiles', 'wisdom:QueryAssistant', 'voiceid:Describe*'],
        Resource: [
          'arn:aws:profile:us-east-1:123456789012:domains/d-1',
          'arn:aws:wisdom:us-east-1:123456789012:assistant/a-1',
          'arn:aws:voiceid:us-east-1:123456789012:domain/d-1',
        ],
      },
      {
        Effect: 'Allow',
        Action: ['app-integrations:ListEventIntegrations', 'connect-campaigns:ListCampaigns'],
        Resource: '*',
      },
      { Effect: 'Deny', Action: 'cases:*', NotResource: 'arn:aws:cases:*:*:domain/d-1*' },
    ),
  ],
]

describe('a validator on the subset', () => {
  it.each(connectPolicies)(
    'says what it says on the whole catalog about a Connect-only policy: %s',
    (_name, text) => {
      const onFull = validatePolicy(text, { catalog: fullCatalog })
      expect(shown(validatePolicy(text, { catalog: subsetCatalog }))).toEqual(shown(onFull))
      expect(validatePolicy(text, { catalog: subsetCatalog })).toEqual(onFull)
    },
  )

  it('has findings to compare', () => {
    const findings = connectPolicies.flatMap(([, text]) =>
      validatePolicy(text, { catalog: subsetCatalog }),
    )
    expect(new Set(findings.map((finding) => finding.code)).size).toBeGreaterThan(5)
  })

  it('finds something wrong in the policy of mistakes, on both', () => {
    const text = connectPolicies[2]?.[1] ?? ''
    const codes = validatePolicy(text, { catalog: subsetCatalog }).map((finding) => finding.code)
    expect(codes).toContain('unknown-action')
    expect(codes).toContain('wrong-arn-path')
  })

  it('says nothing wrong about actions and ARNs of services it holds by name only', () => {
    const text = policy(
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:Get*', 'ec2:DescribeInstances', 'iam:PassRole'],
        Resource: [
          'arn:aws:s3:::my-bucket/*',
          'arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0',
          'arn:aws:iam::123456789012:role/ConnectRole',
          'arn:aws:route53-recovery-control::123456789012:controlpanel/abc',
          'arn:aws:elastic-inference:us-east-1:123456789012:elastic-inference-accelerator/eia-1',
        ],
        Condition: { StringEquals: { 's3:ExistingObjectTag/Team': 'a', 'ec2:Region': 'x' } },
      },
      { Effect: 'Allow', Action: ['connect:DescribeUser', 's3:ListAllMyBuckets'], Resource: '*' },
    )
    const onSubset = validatePolicy(text, { catalog: subsetCatalog })
    const onFull = validatePolicy(text, { catalog: fullCatalog })
    const unknown = onSubset.filter((finding) =>
      ['unknown-service', 'unknown-action', 'unknown-arn-service'].includes(finding.code),
    )
    expect(shown(unknown)).toEqual([])
    // the subset knows less, so it may say less, but it says nothing the whole catalog does not
    const fullKeys = new Set(shown(onFull))
    expect(shown(onSubset).filter((finding) => !fullKeys.has(finding))).toEqual([])
  })

  it('still says a prefix no service has is unknown', () => {
    const text = policy({ Effect: 'Allow', Action: 'conect:DescribeUser', Resource: '*' })
    const codes = validatePolicy(text, { catalog: subsetCatalog }).map((finding) => finding.code)
    expect(codes).toContain('unknown-service')
  })
})
