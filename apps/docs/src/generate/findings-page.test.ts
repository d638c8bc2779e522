import { awsCatalog } from '@connect-policy/catalog'
import { findingGroups, findingReference, validatePolicy } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { findingsPage } from './findings-page.ts'

const catalog = awsCatalog()
const page = findingsPage({
  reference: findingReference,
  validate: (entry) =>
    validatePolicy(entry.example, { catalog, policyType: entry.policyType ?? 'identity' }),
  source: catalog.source,
})

describe('findingsPage', () => {
  it('has every finding code, with an anchor, an index entry and its fix', () => {
    for (const entry of findingReference) {
      expect(page).toContain(`### ${entry.code} {#${entry.code}}`)
      expect(page).toContain(`<a href="#${entry.code}"><code>${entry.code}</code></a>`)
    }
    expect(page.match(/<strong>Fix:<\/strong>/g)).toHaveLength(findingReference.length)
  })

  it('groups the codes as the reference does', () => {
    const groups = [...page.matchAll(/^## (.+)$/gm)].map((match) => match[1])
    expect(groups).toEqual(['Index', ...findingGroups])
  })

  it('shows what the validator says about each example', () => {
    const entry = findingReference.find((e) => e.code === 'trailing-comma')
    if (entry === undefined) throw new Error('no trailing-comma entry')
    const finding = validatePolicy(entry.example, { catalog }).find(
      (f) => f.code === 'trailing-comma',
    )
    expect(finding).toBeDefined()
    expect(page).toContain(
      `<li>error, line ${finding?.range.start.line}, column ${finding?.range.start.column}: remove the trailing comma`,
    )
    expect(page).not.toContain('<ul class="validator-says"></ul>')
  })
})
