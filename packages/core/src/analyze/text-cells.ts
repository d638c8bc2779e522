import {
  alternativesOf,
  covers,
  type GlobPatterns,
  type GlobSteps,
  type GlobToken,
  meetByFields,
  partBySegments,
  searchGlobs,
} from './glob-search.ts'
import { valueFor } from './value-for.ts'

/**
 * One distinction the policies draw over texts (a `Resource` pattern, an action pattern, a
 * condition value): the texts its tokens match, and the evaluator's own test, which decides.
 */
export interface TextAtom {
  /** One pattern, or a union: the values of one element, any of which may match. */
  readonly tokens: GlobPatterns
  readonly test: (text: string) => boolean
}

/** A text and, for each atom, whether the atom's test holds for it. */
export interface TextCell {
  readonly text: string
  readonly signs: readonly boolean[]
}

/**
 * What the analysis of one question may spend: searches of the patterns' product, each within
 * `maxStates`, all of them within `maxSteps` positions read. The first limit reached is kept as
 * the reason the answer is `unknown`.
 */
export interface SearchWork extends GlobSteps {
  searches: number
  readonly maxSearches: number
  readonly maxStates: number
  unknown?: string
}

/** How a space of texts is given: its tokens, its test, and texts that look real to try first. */
export interface TextSpace {
  readonly atom: TextAtom
  /** Texts to try first, or a function that makes them when they are first needed. */
  readonly candidates: readonly string[] | (() => readonly string[])
  /** The text to give when nothing draws a line within the space, before any candidate is made. */
  readonly preferred?: string
  /**
   * Texts that read more like the space's own than a search's shortest witness (identifiers in
   * place of its one-letter fillers), tried in order in place of it: one that meets every atom
   * as the witness does is taken.
   */
  readonly polish?: (text: string) => readonly string[]
  /** Texts of the space that stand for none (a name the service reference already lists). */
  readonly excluded?: (text: string) => boolean
}

/** The text a pattern of literal characters alone matches, or undefined when it has a wildcard. */
function literalText(patterns: GlobPatterns): string | undefined {
  const alternatives = alternativesOf(patterns)
  const tokens = alternatives[0]
  if (alternatives.length !== 1 || tokens === undefined) return undefined
  let text = ''
  for (const token of tokens) {
    if (token.kind !== 'literal' || token.folds === true) return undefined
    text += token.character
  }
  return text
}

function sameLiteral(a: GlobToken | undefined, b: GlobToken | undefined): boolean | undefined {
  if (a?.kind !== 'literal' || b?.kind !== 'literal') return undefined
  if (a.folds === true || b.folds === true) {
    return a.character.toLowerCase() === b.character.toLowerCase()
  }
  return a.character === b.character
}

/**
 * Whether two patterns can match no text together, seen from their ends alone: their leading
 * (or trailing) literal characters differ before either meets a wildcard. `connect:describe*`
 * and `connect:get*` part at their ninth character, without a search.
 */
function partAtTheEnds(a: GlobPatterns, b: GlobPatterns): boolean {
  const others = alternativesOf(b)
  return alternativesOf(a).every((one) =>
    others.every((other) => partAlone(one, other) || partBySegments(one, other)),
  )
}

/**
 * Whether, within the space, every text `inner` matches `outer` matches too, seen from the
 * patterns alone (`covers`): each alternative of `inner` is covered by an alternative of
 * `outer`, or, met with each alternative of the space it does not part from (the smaller of the
 * two when one covers the other, else their meet field by field, `meetByFields`), what they
 * share is. When it says so, it is so.
 */
function includedWithin(inner: GlobPatterns, outer: GlobPatterns, space: GlobPatterns): boolean {
  const outers = alternativesOf(outer)
  for (const one of alternativesOf(inner)) {
    if (outers.some((other) => covers(other, one))) continue
    for (const place of alternativesOf(space)) {
      if (partBySegments(one, place)) continue
      const piece = covers(one, place) ? place : covers(place, one) ? one : meetByFields(one, place)
      if (piece === undefined) return false
      if (!outers.some((other) => covers(other, piece))) return false
    }
  }
  return true
}

/**
 * An atom as it draws lines within a space: without the alternatives that part from every text
 * of the space (`partBySegments`), `false` when none is left, and `true` when one covers every
 * text of the space (`*`), so that it is not searched.
 */
function withinSpace(atom: TextAtom, space: TextAtom): TextAtom | boolean {
  const spaces = alternativesOf(space.tokens)
  // a subset of a union is as simple as the union: the atoms come simplified
  const kept = alternativesOf(atom.tokens).filter((alternative) =>
    spaces.some((one) => !partBySegments(alternative, one)),
  )
  if (kept.length === 0) return false
  if (spaces.every((one) => kept.some((alternative) => covers(alternative, one)))) return true
  return { tokens: kept.length === 1 ? (kept[0] as GlobToken[]) : { anyOf: kept }, test: atom.test }
}

const narrowings = new WeakMap<TextAtom, WeakMap<TextAtom, TextAtom | boolean>>()

/**
 * `withinSpace`, once for each atom and space met again: elements' atoms and formats' atoms are
 * kept between analyses, so an audit's many questions narrow each pattern once.
 */
function narrowedWithin(atom: TextAtom, space: TextAtom): TextAtom | boolean {
  const bySpace = valueFor(narrowings, atom, () => new WeakMap<TextAtom, TextAtom | boolean>())
  return valueFor(bySpace, space, () => withinSpace(atom, space))
}

function partAlone(a: readonly GlobToken[], b: readonly GlobToken[]): boolean {
  for (let index = 0; ; index++) {
    const same = sameLiteral(a[index], b[index])
    if (same === undefined) break
    if (!same) return true
  }
  for (let index = 1; ; index++) {
    const same = sameLiteral(a[a.length - index], b[b.length - index])
    if (same === undefined) break
    if (!same) return true
  }
  // two patterns of literals alone end together: they part when their lengths do
  const literalA = literalText(a)
  const literalB = literalText(b)
  return literalA !== undefined && literalB !== undefined && literalA !== literalB
}

/** What a space's own texts were found to be, once per space: spaces are reused across calls. */
interface SpaceTexts {
  preferredFits?: boolean
  inSpace?: readonly string[]
}

const textsOfSpaces = new WeakMap<TextSpace, SpaceTexts>()

function spaceTexts(space: TextSpace): SpaceTexts {
  return valueFor(textsOfSpaces, space, () => ({}))
}

/** Witnesses a search may meet and set aside as excluded before the answer is `unknown`. */
const maxExcludedRetries = 16

function search(
  space: TextSpace,
  atoms: readonly TextAtom[],
  signs: readonly boolean[],
  work: SearchWork,
): string | undefined {
  const must: GlobPatterns[] = [space.atom.tokens]
  const mustNot: GlobPatterns[] = []
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
    const answer = searchGlobs({ must, mustNot }, work.maxStates, work)
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
 * Counts `steps` of the cells' own work against the searches' bound, before it is done: whether
 * it is within the bound (when not, `work.unknown` says so).
 */
function spend(work: SearchWork, steps: number): boolean {
  work.steps += steps
  if (work.steps <= work.maxSteps) return true
  work.unknown ??= `the search of the patterns' cells passed ${work.maxSteps} steps`
  return false
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
  given: readonly TextAtom[],
  space: TextSpace,
  work: SearchWork,
): TextCell[] | undefined {
  const narrowed = given.map((atom) => narrowedWithin(atom, space.atom))
  const atoms = narrowed.filter((atom): atom is TextAtom => typeof atom !== 'boolean')
  if (atoms.length < given.length) {
    // an atom no text of the space meets is false in every cell, one that every text meets true
    const cells = textCells(atoms, space, work)
    return cells?.map((cell) => {
      let at = 0
      return {
        text: cell.text,
        signs: narrowed.map((atom) =>
          typeof atom === 'boolean' ? atom : (cell.signs[at++] as boolean),
        ),
      }
    })
  }
  const fits = (text: string) => space.atom.test(text) && space.excluded?.(text) !== true
  const known = spaceTexts(space)
  // nothing draws a line: one text of the space is the one cell
  if (atoms.length === 0 && space.preferred !== undefined) {
    known.preferredFits ??= fits(space.preferred)
    if (known.preferredFits) return [{ text: space.preferred, signs: [] }]
  }
  if (known.inSpace === undefined) {
    const offered = typeof space.candidates === 'function' ? space.candidates() : space.candidates
    known.inSpace = offered.filter(fits)
  }
  const cells: TextCell[] = []
  const inSpace = known.inSpace
  // every candidate tested against every atom
  if (!spend(work, inSpace.length * atoms.length)) return undefined
  const candidateSigns = inSpace.map((text) => atoms.map((atom) => atom.test(text)))
  const literals = atoms.map((atom) => literalText(atom.tokens))
  const parted = new Map<string, boolean>()
  const part = (a: number, b: number): boolean => {
    const id = `${a} ${b}`
    let found = parted.get(id)
    if (found === undefined) {
      found = partAtTheEnds(atoms[a]?.tokens ?? [], atoms[b]?.tokens ?? [])
      parted.set(id, found)
    }
    return found
  }
  /**
   * A text the signs call for without a search, `null` when they call for none: two atoms that
   * must both match but part at their ends, or an atom of literals alone that must match, whose
   * text then decides every other sign.
   */
  const included = new Map<string, boolean>()
  const within = (inner: number, outer: number): boolean => {
    const id = `${inner} ${outer}`
    let found = included.get(id)
    if (found === undefined) {
      const tokensOf = (index: number) =>
        index < 0 ? space.atom.tokens : (atoms[index]?.tokens ?? [])
      found = includedWithin(tokensOf(inner), tokensOf(outer), space.atom.tokens)
      included.set(id, found)
    }
    return found
  }
  const decided = (fixed: readonly boolean[]): string | null | undefined => {
    const must = fixed.flatMap((sign, index) => (sign ? [index] : []))
    const mustNot = fixed.flatMap((sign, index) => (sign ? [] : [index]))
    for (const [at, a] of must.entries()) {
      for (const b of must.slice(at + 1)) if (part(a, b)) return null
    }
    // a text that must match one pattern and not another that holds it (the space, -1, when
    // nothing must match)
    for (const b of mustNot) {
      for (const a of must.length === 0 ? [-1] : must) if (within(a, b)) return null
    }
    const literal = must.find((index) => literals[index] !== undefined)
    if (literal === undefined) return undefined
    const text = literals[literal] as string
    if (!space.atom.test(text) || space.excluded?.(text) === true) return null
    const fits = fixed.every((sign, index) => (atoms[index]?.test(text) ?? false) === sign)
    return fits ? text : null
  }
  const explore = (fixed: readonly boolean[]): boolean => {
    // each step reads every atom's sign against the candidates and the fixed signs' pairs: work
    // the searches' bound counts too, for many atoms with few searches cost as much as a search
    if (!spend(work, atoms.length * (candidateSigns.length + fixed.length + 1))) return false
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
      const known = decided(fixed)
      if (known === null) return true
      if (known !== undefined) {
        text = known
        signs = atoms.map((atom) => atom.test(known))
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
      const same = signs
      const polished = space
        .polish?.(found)
        .find((other) => fits(other) && atoms.every((atom, at) => atom.test(other) === same[at]))
      if (polished !== undefined) text = polished
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
