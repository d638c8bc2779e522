import { awsCatalog } from '@connect-policy/catalog'
import { findingGroups, findingReference, validatePolicy } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { escapeHtml, inlineHtml } from '../html.ts'
import { findingsPage } from './findings-page.ts'
import { firstSentence } from './first-sentence.ts'
import { exampleOptions } from './write-site.ts'

const catalog = awsCatalog()
const page = findingsPage({
  reference: findingReference,
  validate: (entry) => validatePolicy(entry.example, exampleOptions(entry, catalog)),
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

  it('validates an example with the options it shows, and says so', () => {
    const entry = findingReference.find((e) => e.exampleOptions !== undefined)
    if (entry === undefined) throw new Error('no entry with example options')
    expect(page).toContain(
      `example validated with the options <code>${escapeHtml(JSON.stringify(entry.exampleOptions))}</code>`,
    )
    const section = page.split(`### ${entry.code} {#${entry.code}}`)[1]?.split('\n### ')[0] ?? ''
    expect(section).toMatch(new RegExp(`<ul class="validator-says"><li>${entry.severity}, line 1`))
  })

  it('gives every code of the index a one-line meaning: the first sentence of its meaning', () => {
    const index = page.split('## Index')[1]?.split('\n## ')[0] ?? ''
    expect(index).toContain('<th>meaning</th>')
    for (const entry of findingReference) {
      expect(index).toContain(
        `<td>${escapeHtml(entry.group)}</td><td>${inlineHtml(firstSentence(entry.meaning))}</td>`,
      )
    }
    expect(index).toContain(
      '<td>A number JSON cannot read, such as <code>01</code> or <code>1.</code>.</td>',
    )
  })
})
