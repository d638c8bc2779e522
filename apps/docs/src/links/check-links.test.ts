import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { playgroundHash } from '../playground/state.ts'
import { anchorsOf, checkLinks, linksOf, pageUrl } from './check-links.ts'

const root = mkdtempSync(join(tmpdir(), 'links-'))

function write(path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), content)
}

write(
  'index.html',
  '<a href="/guide/a">a</a><a href="/guide/">guide</a><a href="https://aws.amazon.com/">out</a>',
)
write('guide/index.html', '<a href="./a#top">a</a><a href="b">b</a><a href="#nowhere">x</a>')
write('guide/a.html', '<h2 id="top">Top</h2><a href="/assets/app.js">js</a><a href="/a#top">up</a>')
write('assets/app.js', '')
write('playground.html', '<div id="app"></div>')
write(
  'examples/x.html',
  `<a href="/playground${playgroundHash('{}', { action: 'a:B', resources: ['*'] })}">open</a><a href="/playground#p=broken">broken</a>`,
)

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('checkLinks', () => {
  it('reports missing files and anchors, resolving clean and relative URLs, and playground links that do not open', () => {
    expect(checkLinks(root)).toEqual([
      {
        page: join('examples', 'x.html'),
        link: '/playground#p=broken',
        problem: 'unreadable state',
      },
      { page: join('guide', 'a.html'), link: '/a#top', problem: 'missing file' },
      { page: join('guide', 'index.html'), link: 'b', problem: 'missing file' },
      { page: join('guide', 'index.html'), link: '#nowhere', problem: 'missing anchor' },
    ])
  })

  it('reads links and anchors with their entities decoded', () => {
    expect(linksOf('<a href="/x?a=1&amp;b=2">x</a><img src="/i.png">')).toEqual([
      '/x?a=1&b=2',
      '/i.png',
    ])
    expect(anchorsOf('<h2 id="a&amp;b"></h2><a name="n"></a>')).toEqual(new Set(['a&b', 'n']))
  })

  it('gives each page its clean URL', () => {
    expect(pageUrl('index.html')).toBe('/')
    expect(pageUrl(join('examples', 'index.html'))).toBe('/examples/')
    expect(pageUrl(join('examples', 'foo.html'))).toBe('/examples/foo')
  })
})
