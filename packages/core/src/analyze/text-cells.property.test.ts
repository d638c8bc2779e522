import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { globTokens, tokensMatch } from './glob-search.ts'
import { type SearchWork, type TextAtom, textCells } from './text-cells.ts'

const letters = ['a', 'b']
const arbPattern = fc
  .array(fc.constantFrom('a', 'b', '*', '?'), { minLength: 0, maxLength: 4 })
  .map((characters) => characters.join(''))

/** Every text over the letters and one other character, up to a length. */
function textsUpTo(length: number): string[] {
  const texts = ['']
  let last = ['']
  for (let size = 1; size <= length; size++) {
    last = last.flatMap((text) => [...letters, 'z'].map((letter) => text + letter))
    texts.push(...last)
  }
  return texts
}

const work = (): SearchWork => ({
  searches: 0,
  maxSearches: 10_000,
  maxStates: 100_000,
  steps: 0,
  maxSteps: 5_000_000,
})
const atomOf = (pattern: string): TextAtom => {
  const tokens = globTokens(pattern)
  return { tokens, test: (text) => tokensMatch(tokens, text) }
}

describe('textCells', () => {
  it('finds every combination some text realizes, each once, each with a witness (oracle: brute-force enumeration)', () => {
    fc.assert(
      fc.property(
        fc.array(arbPattern, { minLength: 1, maxLength: 4 }),
        arbPattern,
        (patterns, spacePattern) => {
          const atoms = patterns.map(atomOf)
          const space = atomOf(spacePattern === '' ? '*' : spacePattern)
          const cells = textCells(atoms, { atom: space, candidates: ['ab', 'ba', 'zz'] }, work())
          expect(cells).toBeDefined()
          const found = new Set((cells ?? []).map((cell) => cell.signs.map(Number).join('')))
          expect(found.size).toBe(cells?.length)
          for (const cell of cells ?? []) {
            expect(space.test(cell.text)).toBe(true)
            expect(atoms.map((atom) => atom.test(cell.text))).toEqual(cell.signs)
          }
          // a combination realized at all is realized within the patterns' lengths plus one
          const longest = [...patterns, spacePattern].reduce(
            (sum, pattern) => sum + pattern.length,
            1,
          )
          const realized = new Set(
            textsUpTo(Math.min(longest, 7))
              .filter((text) => space.test(text))
              .map((text) => atoms.map((atom) => Number(atom.test(text))).join('')),
          )
          // none missed; and each cell found is real, its witness checked above
          for (const signs of realized) expect(found).toContain(signs)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('says unknown, never fewer cells, when its searches run out', () => {
    const atoms = ['a*', '*b', 'ab'].map(atomOf)
    const spent: SearchWork = { ...work(), maxSearches: 0 }
    expect(textCells(atoms, { atom: atomOf('*'), candidates: [] }, spent)).toBeUndefined()
    expect(spent.unknown).toContain('searches')
  })
})
