import { type GlobToken, searchGlobs } from './glob-search.ts'

/**
 * One distinction the policies draw over texts (a `Resource` pattern, an action pattern, a
 * condition value): the texts its tokens match, and the evaluator's own test, which decides.
 */
export interface TextAtom {
  readonly tokens: readonly GlobToken[]
  readonly test: (text: string) => boolean
}

/** A text and, for each atom, whether the atom's test holds for it. */
export interface TextCell {
  readonly text: string
  readonly signs: readonly boolean[]
}

/**
 * What the analysis of one question may spend: searches of the patterns' product, each within
 * `maxStates`. The first limit reached is kept as the reason the answer is `unknown`.
 */
export interface SearchWork {
  searches: number
  readonly maxSearches: number
  readonly maxStates: number
  unknown?: string
}

/** How a space of texts is given: its tokens, its test, and texts that look real to try first. */
export interface TextSpace {
  readonly atom: TextAtom
  readonly candidates: readonly string[]
  /** Texts of the space that stand for none (a name the service reference already lists). */
  readonly excluded?: (text: string) => boolean
}

/** Witnesses a search may meet and set aside as excluded before the answer is `unknown`. */
const maxExcludedRetries = 16

function search(
  space: TextSpace,
  atoms: readonly TextAtom[],
  signs: readonly boolean[],
  work: SearchWork,
): string | undefined {
  const must = [space.atom.tokens]
  const mustNot: (readonly GlobToken[])[] = []
  for (const [index, sign] of signs.entries()) {
    const tokens = atoms[index]?.tokens ?? []
    if (sign) must.push(tokens)
    else mustNot.push(tokens)
  }
  for (let retry = 0; retry <= maxExcludedRetries; retry++) {
    if (work.searches >= work.maxSearches) {
      work.unknown ??= `the analysis passed ${work.maxSearches} searches of the patterns`
      return undefined
    }
    work.searches++
    const answer = searchGlobs({ must, mustNot }, work.maxStates)
    if (answer.kind === 'none') return undefined
    if (answer.kind === 'unknown') {
      work.unknown ??= answer.reason
      return undefined
    }
    if (space.excluded?.(answer.text) !== true) return answer.text
    mustNot.push([...answer.text].map((character) => ({ kind: 'literal', character })))
  }
  work.unknown ??= `no text outside the service reference was found for a distinction of the policies`
  return undefined
}

/**
 * One text for each combination of the atoms' tests that some text of the space realizes: the
 * cells of the partition the atoms draw, each with a witness. A search is made for each cell
 * and each combination proven empty, and only where no candidate text already lands in it, so
 * cells are found with texts that look real when the candidates hold one. Exact: each cell is
 * found once, by flipping one atom at a time after the signs a witness already fixed; `undefined`
 * when the work ran out (`work.unknown` says why).
 */
export function textCells(
  atoms: readonly TextAtom[],
  space: TextSpace,
  work: SearchWork,
): TextCell[] | undefined {
  const cells: TextCell[] = []
  const inSpace = space.candidates.filter(
    (text) => space.atom.test(text) && space.excluded?.(text) !== true,
  )
  const candidateSigns = inSpace.map((text) => atoms.map((atom) => atom.test(text)))
  const explore = (fixed: readonly boolean[]): boolean => {
    let text: string | undefined
    let signs: readonly boolean[] | undefined
    for (const [index, candidate] of candidateSigns.entries()) {
      if (fixed.every((sign, at) => candidate[at] === sign)) {
        text = inSpace[index]
        signs = candidate
        break
      }
    }
    if (text === undefined) {
      text = search(space, atoms, fixed, work)
      if (text === undefined) return work.unknown === undefined
      const found = text
      signs = atoms.map((atom) => atom.test(found))
      // the tokens stand for the tests: a witness landing elsewhere means they do not agree
      if (fixed.some((sign, at) => signs?.[at] !== sign)) {
        work.unknown ??= `a pattern's search and its test disagree on \`${found}\``
        return false
      }
    }
    cells.push({ text, signs: signs as readonly boolean[] })
    for (let flip = fixed.length; flip < atoms.length; flip++) {
      const next = [...(signs as readonly boolean[]).slice(0, flip), !(signs?.[flip] ?? false)]
      if (!explore(next)) return false
    }
    return true
  }
  return explore([]) ? cells : undefined
}
