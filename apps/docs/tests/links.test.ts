import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { checkLinks, filesUnder } from '../src/links/check-links.ts'

const distDir = inject('distDir')
const pages = filesUnder(distDir).filter((file) => file.endsWith('.html'))

describe('the built site', () => {
  it('has every page: examples, services, findings, guides, playground', () => {
    const names = pages.map((page) => relative(distDir, page))
    expect(names).toEqual(
      expect.arrayContaining([
        'index.html',
        'playground.html',
        'findings.html',
        'examples/index.html',
        'examples/create-user-deny-security-profile.html',
        'services/index.html',
        'services/connect.html',
        'guide/evaluation.html',
        'guide/packages.html',
        'guide/api.html',
        'guide/cli.html',
      ]),
    )
  })

  it('has no broken link: every internal href and src names a file, every anchor an id', () => {
    expect(checkLinks(distDir)).toEqual([])
  })

  it('loads no script, style, font or image from another origin', () => {
    const loaded = pages.flatMap((page) =>
      [
        ...readFileSync(page, 'utf8').matchAll(
          /<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)="((?:[a-z]+:)?\/\/[^"]*)"/gi,
        ),
      ].map((match) => `${relative(distDir, page)}: ${match[1]}`),
    )
    expect(loaded).toEqual([])
  })
})
