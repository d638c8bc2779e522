// biome-ignore-all lint/suspicious/noTemplateCurlyInString: condition keys of the reference, not templates
import { awsCatalog } from '@connect-policy/catalog'
import { describe, expect, it } from 'vitest'
import { keyDescriber, resourceTypesLine } from './describe.ts'

const catalog = awsCatalog()

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
