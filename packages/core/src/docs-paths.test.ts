import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const source = dirname(fileURLToPath(import.meta.url))
const root = join(source, '..', '..', '..')

/**
 * Where the pages' paths are read from, as they write them: under `packages/core/src/`, under
 * `packages/core/`, from the repository root, and, for a scenario file named alone, in
 * `authorize/fixtures/` (docs/SEMANTICS.md says so).
 */
const bases = [source, join(source, '..'), root, join(source, 'authorize', 'fixtures')]

/** The backticked paths of a page ending in `.ts`, `.json` or `.vue` that name no file. */
function missingPaths(text: string): string[] {
  const named = new Set<string>()
  for (const [, path] of text.matchAll(/`([^`\s]+\.(?:ts|json|vue))`/g)) {
    // a pattern such as `*.property.test.ts` names no one file
    if (path !== undefined && !path.includes('*')) named.add(path)
  }
  return [...named].filter((path) => !bases.some((base) => existsSync(join(base, path))))
}

describe.each(['SEMANTICS.md', 'ARCHITECTURE.md', 'ANALYSIS.md'])('docs/%s', (page) => {
  it('names only files that exist', () => {
    expect(missingPaths(readFileSync(join(root, 'docs', page), 'utf8'))).toEqual([])
  })
})

describe('a path the docs name', () => {
  it('is found under each base, and reported when it is under none', () => {
    const text =
      '`authorize/explicit-deny.ts`, `src/index.ts`, `docs/SEMANTICS.md`, `tsconfig.base.json`, ' +
      '`conditions.json`, `*.property.test.ts`, `authorize/combine.ts`, `evaluate-clause.ts`'
    expect(missingPaths(text)).toEqual(['authorize/combine.ts', 'evaluate-clause.ts'])
  })
})
