import { awsCatalog } from '@connect-policy/catalog'
import { evaluate } from '@connect-policy/core'
import { type Sample, samples } from '@connect-policy/samples'
import { describe, expect, it } from 'vitest'
import { accessSection } from './access-section.ts'
import { compareActions } from './action-order.ts'

const catalog = awsCatalog()
const sample = (id: string): Sample => {
  const found = samples.find((one) => one.id === id)
  if (found === undefined) throw new Error(`no sample ${id}`)
  return found
}

describe('accessSection', () => {
  it('lists the corrected policy’s access by service and level, with requests it allows', () => {
    const section = accessSection(sample('customer-profiles-full-access'), catalog)
    expect(section).toContain('## Effective access')
    expect(section).toContain('Amazon Connect Customer Profiles')
    const requests = [
      ...section.matchAll(/for example <code>([^<]+)<\/code> on <code>([^<]+)<\/code>/g),
    ]
    expect(requests.length).toBeGreaterThan(3)
    const corrected = sample('customer-profiles-full-access').corrected as string
    for (const [, action = '', resource = ''] of requests.slice(0, 5)) {
      // the summary's own witnesses, and the printing's missing access, are allowed by the corrected policy
      expect(
        evaluate(
          { action, resource: resource.replaceAll('&#x2F;', '/') },
          { identityPolicies: [corrected] },
          { catalog },
        ).decision,
      ).toBe('Allow')
    }
  })

  it('shows what a "full access" printing misses, with witnesses', () => {
    const section = accessSection(sample('customer-profiles-full-access'), catalog)
    expect(section).toContain('### What the printed policy grants otherwise')
    expect(section).toContain('the printing promises more than it grants')
  })

  it('says nothing of a printing that grants what the corrected policy does', () => {
    const section = accessSection(sample('start-contact-recording'), catalog)
    expect(section).toContain('## Effective access')
    expect(section).not.toContain('### What the printed policy grants otherwise')
  })

  it('is empty for a passage of prose without a policy', () => {
    expect(accessSection(sample('page-introduction'), catalog)).toBe('')
  })

  it('lists the grants of each level in the site’s order of their actions', () => {
    const section = accessSection(sample('customer-profiles-full-access'), catalog)
    const levels = section.split('<ul class="access">').slice(1)
    expect(levels.length).toBeGreaterThan(1)
    for (const level of levels) {
      const firsts = [
        ...(level.split('</ul>')[0] ?? '').matchAll(/<li>.*?<code>([a-z-]+:\w+)<\/code>/g),
      ].map((match) => match[1] ?? '')
      expect(firsts).toEqual([...firsts].sort(compareActions))
    }
  })
})
