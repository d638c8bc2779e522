import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The stages of core, each of which imports only from itself and the stages before it: the
 * arrows of docs/ARCHITECTURE.md point one way. Tests and test helpers (`testing/` folders) may
 * import anything.
 */
const stages = [
  'model',
  'suggest',
  'match',
  'parse',
  'print',
  'catalog',
  'evaluate',
  'authorize',
  'analyze',
  'describe',
  'validate',
] as const

const source = dirname(fileURLToPath(import.meta.url))

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    // test helpers, such as a stage's own arbitraries, may use any stage
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** The stage a file of `src/` belongs to, or undefined for the package's own entry. */
function stageOf(path: string): string | undefined {
  const [first] = relative(source, path).split(/[\\/]/)
  return first !== undefined && (stages as readonly string[]).includes(first) ? first : undefined
}

/** Every import of one stage into a later one, as `from -> to` lines. */
function backwardImports(): string[] {
  const found: string[] = []
  for (const stage of stages) {
    for (const file of sourceFiles(join(source, stage))) {
      const text = readFileSync(file, 'utf8')
      for (const [, target] of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const to = stageOf(resolve(dirname(file), target as string))
        if (to === undefined) continue
        if (stages.indexOf(to as (typeof stages)[number]) > stages.indexOf(stage)) {
          found.push(`${relative(source, file)} -> ${target}`)
        }
      }
    }
  }
  return found
}

describe('the stages of core', () => {
  it('import only from themselves and the stages before them', () => {
    expect(backwardImports()).toEqual([])
  })

  it('are every folder of src but testing', () => {
    const folders = readdirSync(source, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'testing')
      .map((entry) => entry.name)
      .sort()
    expect(folders).toEqual([...stages].sort())
  })
})
