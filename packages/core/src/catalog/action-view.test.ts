// biome-ignore-all lint/suspicious/noTemplateCurlyInString: condition keys of the reference, not templates
import { describe, expect, it } from 'vitest'
import { actionView } from './action-view.ts'
import { catalogFixture } from './create-catalog.test-data.ts'
import { createCatalog } from './create-catalog.ts'

const catalog = createCatalog(catalogFixture)

describe('actionView', () => {
  it('gives each resource type with its own keys and those the action adds for it', () => {
    const view = actionView(catalog, 'connect:TagResource')
    expect(view).toMatchObject({
      action: 'connect:TagResource',
      service: 'connect',
      name: 'TagResource',
      accessLevels: ['Tagging', 'Write'],
      wildcardOnly: false,
      conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
    })
    const user = view?.resourceTypes.find((type) => type.name === 'user')
    expect(user).toMatchObject({ service: 'connect', required: false })
    expect(user?.conditionKeys).toEqual(['connect:UserArn', 'aws:ResourceTag/${TagKey}'])
    expect(user?.arnFormats[0]).toMatch(/^arn:\$\{Partition\}:connect:/)
  })

  it('finds the action by any case of its name, and spells it as the reference does', () => {
    expect(actionView(catalog, 'CONNECT:describeuser')?.action).toBe('connect:DescribeUser')
  })

  it('is undefined for a name the catalog does not hold, or no catalog', () => {
    expect(actionView(catalog, 'connect:NoSuchAction')).toBeUndefined()
    expect(actionView({} as never, 'connect:DescribeUser')).toBeUndefined()
    expect(actionView(catalog, 42 as never)).toBeUndefined()
  })
})
