import { readdirSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'

const folder = new URL('./', import.meta.url)
const snippets = readdirSync(folder).filter(
  (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
)
const guides = new URL('../site/guide/', import.meta.url)

/** The lines of the `// Prints:` comment of a snippet: what running it must print. */
function printed(source: string): string[] {
  const block = source.split('// Prints:\n')[1]?.split('// #endregion')[0] ?? ''
  return block
    .split('\n')
    .filter((line) => line.startsWith('//'))
    .map((line) => line.replace(/^\/\/ ?/, ''))
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the guides’ snippets', () => {
  it.each(snippets)('%s prints what its comment says', async (name) => {
    const source = readFileSync(new URL(name, folder), 'utf8')
    const expected = printed(source)
    expect(expected.length, 'a snippet says what it prints').toBeGreaterThan(0)
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    await import(new URL(name, folder).href)
    expect(log.mock.calls.map((call) => call.map(String).join(' '))).toEqual(expected)
  })

  it('are each shown by a guide, by a region that exists', () => {
    const included = readdirSync(guides)
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) => [
        ...readFileSync(new URL(name, guides), 'utf8').matchAll(
          /^<<< @\/\.\.\/snippets\/(\S+?)#(\S+)$/gm,
        ),
      ])
    for (const [, file, region] of included) {
      const source = readFileSync(new URL(file ?? '', folder), 'utf8')
      expect(source, `${file}#${region}`).toContain(`// #region ${region}\n`)
      expect(source).toContain(`// #endregion ${region}\n`)
    }
    expect(new Set(included.map((match) => match[1]))).toEqual(new Set(snippets))
  })
})
