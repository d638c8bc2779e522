// biome-ignore-all lint/suspicious/noTemplateCurlyInString: condition keys of the reference, not templates
import { awsCatalog } from '@connect-policy/catalog'
import { createCatalog } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { actionDescription, keyDescriber, resourceTypesLine } from './describe.ts'

const catalog = awsCatalog()

describe('actionDescription', () => {
  const small = createCatalog({
    source: { name: 'test', version: '1', date: '2025-01-01' },
    services: [
      {
        prefix: 'demo',
        name: 'Demo',
        actions: [
          { name: 'Plain', accessLevels: ['Read'], resourceTypes: [], conditionKeys: [] },
          {
            name: 'Stop',
            description: 'Grants permission to stop a run.',
            accessLevels: ['Write'],
            resourceTypes: [],
            conditionKeys: [],
          },
          {
            name: 'Blank',
            description: '  ',
            accessLevels: ['Write'],
            resourceTypes: [],
            conditionKeys: [],
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
  const of = (fullName: string) => {
    const action = small.action(fullName)
    if (action === undefined) throw new Error(`no action ${fullName} in the small catalog`)
    return actionDescription(action)
  }

  it("gives the reference's description of an action", () => {
    const action = catalog.action('connect:DescribeUser')
    expect(action && actionDescription(action)).toBe(
      'Grants permission to describe a user in an Amazon Connect instance',
    )
  })

  it('leaves out a final period, as the lines it joins have none', () => {
    expect(of('demo:Stop')).toBe('Grants permission to stop a run')
  })

  it('is undefined for an action without a description, or a blank one', () => {
    expect(of('demo:Plain')).toBeUndefined()
    expect(of('demo:Blank')).toBeUndefined()
  })
})

describe('resourceTypesLine', () => {
  it('names the resource types, marking those every request names', () => {
    const action = catalog.action('connect:DescribeUser')
    expect(action && resourceTypesLine(action)).toBe('Resource types: user (required)')
  })

  it('says when the action takes no resource', () => {
    const action = catalog.action('connect:ListInstances')
    expect(action && resourceTypesLine(action)).toBe(
      'Resource types: none; only "Resource": "*" reaches the action',
    )
  })
})

describe('keyDescriber', () => {
  it("gives a global key the description of the statement's services, else of any service", () => {
    const key = catalog.conditionKey('aws:ResourceTag/${TagKey}')
    expect(key?.description).toBeUndefined()
    if (key === undefined) return
    const fromConnect = keyDescriber(catalog, ['connect'])(key)
    expect(fromConnect).toBe(
      catalog.service('connect')?.conditionKeys.find(({ name }) => name === key.name)?.description,
    )
    expect(keyDescriber(catalog, [])(key)).toBeTypeOf('string')
  })

  it("keeps a key's own description", () => {
    const key = catalog.conditionKey('connect:UserArn')
    expect(key && keyDescriber(catalog, ['s3'])(key)).toBe(key?.description)
  })
})
