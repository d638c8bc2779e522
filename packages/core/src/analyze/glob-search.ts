import { literalQuestionMark, literalStar } from '../match/index.ts'
import { valueFor } from './value-for.ts'

/**
 * One step of a pattern: a literal character, one character (`?`), or a run of characters
 * (`*`), a run or a character possibly barred from some characters (an ARN format's identifier
 * that cannot hold the `/` the format puts after it).
 */
export type GlobToken =
  | {
      readonly kind: 'literal'
      readonly character: string
      /** The character in either case (a comparison that folds case). */
      readonly folds?: boolean
    }
  | { readonly kind: 'one'; readonly except?: string }
  | { readonly kind: 'run'; readonly except?: string }

const one: GlobToken = { kind: 'one' }
const run: GlobToken = { kind: 'run' }

/**
 * A policy's `*`/`?` pattern as tokens: `*` any run, `?` any one character, `literalStar` and
 * `literalQuestionMark` (a policy's `${*}` and `${?}`) the characters themselves.
 */
export function globTokens(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = []
  for (const character of pattern) {
    if (character === '*') tokens.push(run)
    else if (character === '?') tokens.push(one)
    else if (character === literalStar) tokens.push({ kind: 'literal', character: '*' })
    else if (character === literalQuestionMark) tokens.push({ kind: 'literal', character: '?' })
    else tokens.push({ kind: 'literal', character })
  }
  return tokens
}

/**
 * A question about texts: is there one that every `must` pattern matches and no `mustNot`
 * pattern does? Patterns are token lists (`globTokens`).
 */
export interface GlobQuery {
  readonly must: readonly GlobPatterns[]
  readonly mustNot: readonly GlobPatterns[]
}

/** The texts any of several patterns match. */
export interface GlobUnion {
  readonly anyOf: readonly (readonly GlobToken[])[]
}

/** One pattern's tokens, or a union of patterns. */
export type GlobPatterns = readonly GlobToken[] | GlobUnion

/** The alternatives of a pattern or a union. */
export function alternativesOf(patterns: GlobPatterns): readonly (readonly GlobToken[])[] {
  return 'anyOf' in patterns ? patterns.anyOf : [patterns as readonly GlobToken[]]
}

/** The answer: no such text, the shortest one, or not decided within the work allowed. */
export type GlobAnswer =
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'unknown'; readonly reason: string }

/** States a search may visit (tuples of pattern positions); past it, the answer is `unknown`. */
export const defaultGlobStates = 100_000

/**
 * Positions a search's automata may read, each step of one counting the positions it starts
 * from and reaches; past it, the answer is `unknown`. A long pattern has many positions per
 * state, so that a search within its states can still take seconds without this bound.
 */
export const defaultGlobSteps = 5_000_000

/** Positions read so far, and how many may be: one count can be shared by many searches. */
export interface GlobSteps {
  steps: number
  readonly maxSteps: number
}

/** The letter that stands for every character no pattern names. */
const other = -1

/**
 * Characters a witness uses for a letter no pattern names, in order of preference: lower-case
 * letters and digits read as the identifiers ARNs hold.
 */
const fillers = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** Whether a token reads a character. */
function reads(token: GlobToken, character: string): boolean {
  if (token.kind !== 'literal') return !(token.except ?? '').includes(character)
  return token.folds === true
    ? character.toLowerCase() === token.character.toLowerCase()
    : character === token.character
}

function matches(token: GlobToken, letter: number, letters: readonly string[]): boolean {
  // the letter for characters no pattern names: no literal is one, no bar holds one
  if (letter === other) return token.kind !== 'literal'
  return reads(token, letters[letter] ?? '')
}

/**
 * Positions in a union of patterns, each a number: the alternative times `stride` (one more
 * than the longest alternative) plus the position within it.
 */
class Positions {
  readonly stride: number
  constructor(readonly alternatives: readonly (readonly GlobToken[])[]) {
    this.stride = Math.max(0, ...alternatives.map((tokens) => tokens.length)) + 1
  }

  get starts(): Set<number> {
    return new Set(this.alternatives.map((_, index) => index * this.stride))
  }

  token(code: number): GlobToken | undefined {
    return this.alternatives[Math.floor(code / this.stride)]?.[code % this.stride]
  }

  isEnd(code: number): boolean {
    return code % this.stride === (this.alternatives[Math.floor(code / this.stride)]?.length ?? -1)
  }

  /** Positions reached without reading: a run may take nothing. */
  close(positions: Set<number>): number[] {
    const stack = [...positions]
    while (stack.length > 0) {
      const at = stack.pop() as number
      if (this.token(at)?.kind === 'run' && !positions.has(at + 1)) {
        positions.add(at + 1)
        stack.push(at + 1)
      }
    }
    return [...positions].sort((a, b) => a - b)
  }
}

/**
 * One pattern as a deterministic automaton made as it is read: its states are the sets of
 * positions the pattern can be at (the subset construction), numbered as they are found, with
 * each step kept.
 */
class PatternAutomaton {
  private readonly ids = new Map<string, number>()
  private readonly sets: (readonly number[])[] = []
  private readonly steps = new Map<number, number>()
  private readonly distinct = new Map<number, readonly number[]>()

  private readonly positions: Positions

  constructor(
    alternatives: readonly (readonly GlobToken[])[],
    private readonly letters: readonly string[],
    /** Positions read by every automaton of a search: its work, which a limit bounds. */
    private readonly work: GlobSteps,
  ) {
    this.positions = new Positions(alternatives)
  }

  get start(): number {
    return this.intern(this.positions.close(this.positions.starts))
  }

  /** The state with no positions: the pattern can no longer match. */
  isDead(state: number): boolean {
    return (this.sets[state]?.length ?? 0) === 0
  }

  accepts(state: number): boolean {
    return this.sets[state]?.some((code) => this.positions.isEnd(code)) === true
  }

  /**
   * The letters the state reads differently from a character no pattern names: those its
   * positions write literally or bar. Every other letter leads where `other` does.
   */
  lettersAt(state: number): readonly number[] {
    let letters = this.distinct.get(state)
    if (letters === undefined) {
      const found = new Set<number>()
      this.work.steps += this.sets[state]?.length ?? 0
      for (const at of this.sets[state] ?? []) {
        const token = this.positions.token(at)
        if (token === undefined) continue
        const written = token.kind === 'literal' ? spelled(token) : (token.except ?? '')
        for (const character of written) {
          const letter = this.letters.indexOf(character)
          if (letter >= 0) found.add(letter)
        }
      }
      letters = [...found].sort((a, b) => a - b)
      this.distinct.set(state, letters)
    }
    return letters
  }

  /** The state after reading a letter (an index of the letters, or `other`). */
  step(state: number, letter: number): number {
    const key =
      state * (this.letters.length + 1) + (letter === other ? this.letters.length : letter)
    const known = this.steps.get(key)
    if (known !== undefined) return known
    const next = new Set<number>()
    for (const at of this.sets[state] ?? []) {
      const token = this.positions.token(at)
      if (token === undefined || !matches(token, letter, this.letters)) continue
      next.add(token.kind === 'run' ? at : at + 1)
    }
    const closed = this.positions.close(next)
    this.work.steps += (this.sets[state]?.length ?? 0) + closed.length
    const found = this.intern(closed)
    this.steps.set(key, found)
    return found
  }

  private intern(positions: readonly number[]): number {
    const key = positions.join(',')
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.sets.length
      this.sets.push(positions)
      this.ids.set(key, id)
    }
    return id
  }
}

/** The characters a literal token stands for: itself, or both its cases when it folds. */
function spelled(token: GlobToken & { readonly kind: 'literal' }): string {
  if (token.folds !== true) return token.character
  const lower = token.character.toLowerCase()
  const upper = token.character.toUpperCase()
  return lower === upper ? lower : `${lower}${upper}`
}

/** The letters of a query: each character its patterns name literally or bar. */
function lettersOf(query: GlobQuery): string[] {
  const found = new Set<string>()
  for (const tokens of [...query.must, ...query.mustNot].flatMap(alternativesOf)) {
    for (const token of tokens) {
      const written = token.kind === 'literal' ? spelled(token) : (token.except ?? '')
      for (const character of written) found.add(character)
    }
  }
  return [...found].sort()
}

/**
 * Whether a pattern's tokens match a text, read as `searchGlobs` reads them: for checking a
 * text against the distinctions a search was asked about.
 */
export function tokensMatch(patterns: GlobPatterns, text: string): boolean {
  return alternativesOf(patterns).some((tokens) => {
    const scan = scanOf(tokens)
    return scan === undefined ? matchesAlone(tokens, text) : scanMatches(scan, text)
  })
}

/** A token as a scan reads it: code points, and the bar of a `one` or `run` as a set. */
type ScanStep =
  | { readonly kind: 'literal'; readonly code: number }
  | { readonly kind: 'one' | 'run'; readonly except: ReadonlySet<number> }

const scans = new WeakMap<readonly GlobToken[], readonly ScanStep[] | null>()

/**
 * The tokens as a scan that needs no choice, when they allow one: no literal folds case and
 * every run ends the pattern or stops at a character its bar holds and the next literal is (the
 * shape of an ARN format: `instance/${InstanceId}/agent/${UserId}`, each id barred from `/`).
 * A run then takes all it can, which is the only way to match; undefined otherwise.
 */
function scanOf(tokens: readonly GlobToken[]): readonly ScanStep[] | undefined {
  return valueFor(scans, tokens, () => readScan(tokens)) ?? undefined
}

function readScan(tokens: readonly GlobToken[]): readonly ScanStep[] | null {
  const steps: ScanStep[] = []
  for (const [index, token] of tokens.entries()) {
    if (token.kind === 'literal') {
      if (token.folds === true) return null
      steps.push({ kind: 'literal', code: token.character.codePointAt(0) ?? 0 })
      continue
    }
    const except = new Set(
      [...(token.except ?? '')].map((character) => character.codePointAt(0) ?? 0),
    )
    if (token.kind === 'run') {
      const next = tokens[index + 1]
      if (next !== undefined) {
        if (next.kind !== 'literal' || next.folds === true) return null
        if (!except.has(next.character.codePointAt(0) ?? 0)) return null
      }
    }
    steps.push({ kind: token.kind, except })
  }
  return steps
}

function scanMatches(steps: readonly ScanStep[], text: string): boolean {
  let at = 0
  for (const step of steps) {
    if (step.kind === 'run') {
      while (at < text.length) {
        const code = text.codePointAt(at) as number
        if (step.except.has(code)) break
        at += code > 0xffff ? 2 : 1
      }
      continue
    }
    if (at >= text.length) return false
    const code = text.codePointAt(at) as number
    if (step.kind === 'literal' ? code !== step.code : step.except.has(code)) return false
    at += code > 0xffff ? 2 : 1
  }
  return at === text.length
}

/** Positions a run reaches without reading, marked in order (a run of runs included). */
function closeRuns(tokens: readonly GlobToken[], positions: Uint8Array): void {
  for (let at = 0; at < tokens.length; at++) {
    if (positions[at] === 1 && tokens[at]?.kind === 'run') positions[at + 1] = 1
  }
}

/** Two rows of flags kept between calls: matching allocates nothing but when a pattern is longer. */
let rows = [new Uint8Array(64), new Uint8Array(64)] as const

/** One pattern against a text, its positions as two rows of flags: linear in their product. */
function matchesAlone(tokens: readonly GlobToken[], text: string): boolean {
  if (rows[0].length < tokens.length + 1) {
    rows = [new Uint8Array(tokens.length * 2 + 1), new Uint8Array(tokens.length * 2 + 1)]
  }
  let [current, next] = rows
  current.fill(0, 0, tokens.length + 1)
  current[0] = 1
  closeRuns(tokens, current)
  for (const character of text) {
    next.fill(0, 0, tokens.length + 1)
    let reached = false
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at] as GlobToken
      if (current[at] !== 1 || !reads(token, character)) continue
      next[token.kind === 'run' ? at : at + 1] = 1
      reached = true
    }
    if (!reached) return false
    closeRuns(tokens, next)
    ;[current, next] = [next, current]
  }
  return current[tokens.length] === 1
}

/**
 * Decides a `GlobQuery` by a breadth-first search of the product of the patterns' automata over
 * the query's letters (its characters and one letter for all others; from each tuple of states,
 * only the letters its positions write and that one), so the text it finds is a shortest one. The `mustNot` patterns are complemented through their deterministic automata.
 * Terminates by construction: the product is finite, and the search stops at `maxStates`
 * states or once `work` has read `maxSteps` positions (its count goes on from the searches
 * before that shared it), whichever comes first.
 */
export function searchGlobs(
  query: GlobQuery,
  maxStates = defaultGlobStates,
  work: GlobSteps = { steps: 0, maxSteps: defaultGlobSteps },
): GlobAnswer {
  const letters = lettersOf(query)
  const filler = [...fillers].find((character) => !letters.includes(character)) ?? '\u00e9'
  const automata = [...query.must, ...query.mustNot].map(
    (patterns) => new PatternAutomaton(alternativesOf(patterns), letters, work),
  )
  const musts = query.must.length
  // the letters that lead somewhere else than `other` from a tuple of states: the others
  // are one letter there, which keeps the search's branching to what the patterns write
  const alphabetAt = (states: readonly number[]): number[] => {
    const found = new Set<number>()
    for (const [index, state] of states.entries()) {
      for (const letter of automata[index]?.lettersAt(state) ?? []) found.add(letter)
    }
    return [...[...found].sort((a, b) => a - b), other]
  }
  const start = automata.map((automaton) => automaton.start)
  const keyOf = (states: readonly number[]) => states.join(',')
  const parents = new Map<string, { readonly from: string; readonly letter: number } | null>()
  const tuples = new Map<string, readonly number[]>()
  const accepted = (states: readonly number[]) =>
    states.every((state, index) =>
      index < musts
        ? (automata[index]?.accepts(state) ?? false)
        : !(automata[index]?.accepts(state) ?? false),
    )
  const startKey = keyOf(start)
  parents.set(startKey, null)
  tuples.set(startKey, start)
  let frontier = [startKey]
  while (frontier.length > 0) {
    const next: string[] = []
    for (const key of frontier) {
      const states = tuples.get(key) as readonly number[]
      if (accepted(states)) return { kind: 'text', text: spell(key, parents, letters, filler) }
      for (const letter of alphabetAt(states)) {
        const stepped = states.map((state, index) => automata[index]?.step(state, letter) ?? state)
        if (work.steps > work.maxSteps) {
          return {
            kind: 'unknown',
            reason: `the search of the patterns' product passed ${work.maxSteps} steps`,
          }
        }
        // a `must` pattern that can no longer match ends this way
        if (stepped.some((state, index) => index < musts && automata[index]?.isDead(state))) {
          continue
        }
        const steppedKey = keyOf(stepped)
        if (parents.has(steppedKey)) continue
        if (parents.size >= maxStates) {
          return {
            kind: 'unknown',
            reason: `the search of the patterns' product passed ${maxStates} states`,
          }
        }
        parents.set(steppedKey, { from: key, letter })
        tuples.set(steppedKey, stepped)
        next.push(steppedKey)
      }
    }
    frontier = next
  }
  return { kind: 'none' }
}

function spell(
  key: string,
  parents: ReadonlyMap<string, { readonly from: string; readonly letter: number } | null>,
  letters: readonly string[],
  filler: string,
): string {
  const characters: string[] = []
  let at: string | undefined = key
  while (at !== undefined) {
    const parent = parents.get(at)
    if (parent === null || parent === undefined) break
    characters.push(parent.letter === other ? filler : (letters[parent.letter] ?? filler))
    at = parent.from
  }
  return characters.reverse().join('')
}

/** Whether a wildcard barred from `outer` characters may stand for what one barred from `inner` writes. */
function barsWithin(outer: string | undefined, inner: string | undefined): boolean {
  return [...(outer ?? '')].every((character) => (inner ?? '').includes(character))
}

/** Whether token `a` of a covering pattern reads every text token `b` of the covered one writes for one step. */
function stepCovers(a: GlobToken, b: GlobToken): boolean {
  if (a.kind === 'literal') {
    if (b.kind !== 'literal') return false
    if (b.folds === true && a.folds !== true) return false
    return a.folds === true
      ? a.character.toLowerCase() === b.character.toLowerCase()
      : a.character === b.character
  }
  if (b.kind === 'literal') {
    const written = b.folds === true ? spelled(b) : b.character
    return [...written].every((character) => !(a.except ?? '').includes(character))
  }
  return barsWithin(a.except, b.except)
}

/**
 * Whether every text `b` matches, `a` matches too, seen from the patterns alone: `a` is read
 * against `b`'s tokens as a pattern against a text, a `*` of `a` taking any of `b`'s tokens it
 * can stand for, a `?` or a literal one of `b`'s tokens that writes one character, and a `*` of
 * `b` only a `*` of `a`. When it says so, it is so; it can miss an inclusion that holds for
 * another reason (`a*` covers `?*` only where every text starts with `a`), and callers then
 * search as before.
 */
export function covers(a: readonly GlobToken[], b: readonly GlobToken[]): boolean {
  // positions of `a` reachable after reading a prefix of `b`'s tokens
  let positions = new Set<number>([0])
  const closeA = (set: Set<number>) => {
    for (const at of [...set]) {
      let next = at
      while (a[next]?.kind === 'run') {
        next++
        set.add(next)
      }
    }
    return set
  }
  positions = closeA(positions)
  for (const token of b) {
    const next = new Set<number>()
    for (const at of positions) {
      const own = a[at]
      if (own === undefined) continue
      if (own.kind === 'run') {
        if (stepCovers(own, token)) next.add(at)
        continue
      }
      // a `?` or a literal reads exactly one character: a `*` of `b` may write several, or none
      if (token.kind === 'run') continue
      if (stepCovers(own, token)) next.add(at + 1)
    }
    if (next.size === 0) return false
    positions = closeA(next)
  }
  return positions.has(a.length)
}

/**
 * Alternatives past which a union is not simplified: each is compared with every other, and
 * for a union this large the comparisons cost more than the searches they would spare.
 */
const simplifiedAlternatives = 256

/**
 * A union without the alternatives another one covers (`covers`), so that searches read fewer;
 * a union of more than `simplifiedAlternatives` as it is (the same texts either way).
 */
export function simplifiedUnion(
  alternatives: readonly (readonly GlobToken[])[],
): (readonly GlobToken[])[] {
  if (alternatives.length > simplifiedAlternatives) return [...alternatives]
  const kept: (readonly GlobToken[])[] = []
  for (const [index, alternative] of alternatives.entries()) {
    const coveredByAnother = alternatives.some(
      (other, at) =>
        at !== index &&
        covers(other, alternative) &&
        // of two that cover each other, the first is kept
        (at < index || !covers(alternative, other)),
    )
    if (!coveredByAnother) kept.push(alternative)
  }
  return kept
}

/** The tokens between one separator and the next, the separators being literal tokens. */
function splitTokens(tokens: readonly GlobToken[], separator: string): GlobToken[][] {
  const parts: GlobToken[][] = [[]]
  for (const token of tokens) {
    if (token.kind === 'literal' && token.folds !== true && token.character === separator) {
      parts.push([])
    } else parts[parts.length - 1]?.push(token)
  }
  return parts
}

/** Whether no token of a part can read the separator, so that parts line up with the text's. */
function barred(part: readonly GlobToken[], separator: string): boolean {
  return part.every(
    (token) =>
      (token.kind === 'literal' && token.character !== separator) ||
      (token.kind !== 'literal' && (token.except ?? '').includes(separator)),
  )
}

/** The literal text of a part with no wildcard, or undefined. */
function plainPart(part: readonly GlobToken[]): string | undefined {
  let text = ''
  for (const token of part) {
    if (token.kind !== 'literal' || token.folds === true) return undefined
    text += token.character
  }
  return text
}

/**
 * Whether two patterns part, split at each separator in turn: a text both match has, part by
 * part, what each pattern's part matches, as long as no part before can read the separator
 * (then the parts line up with the text's). Two plain parts that differ, or parts within that
 * part at the next separator, or a different count of parts, mean no text is matched by both.
 */
function partsDiffer(
  a: readonly GlobToken[],
  b: readonly GlobToken[],
  separators: string,
): boolean {
  const [separator, ...rest] = separators
  if (separator === undefined) return false
  const left = splitTokens(a, separator)
  const right = splitTokens(b, separator)
  const count = Math.min(left.length, right.length)
  for (let index = 0; index < count; index++) {
    const one = left[index] as GlobToken[]
    const other = right[index] as GlobToken[]
    // both last: each stands for the rest of the text, whatever separators it holds
    const bothLast = index === left.length - 1 && index === right.length - 1
    if (bothLast) {
      const plainOne = plainPart(one)
      const plainOther = plainPart(other)
      if (plainOne !== undefined && plainOther !== undefined) return plainOne !== plainOther
      return partsDiffer(one, other, rest.join(''))
    }
    // a part that can read the separator may stand for several of the text's: no longer lined up
    if (!barred(one, separator) || !barred(other, separator)) return false
    const plainOne = plainPart(one)
    const plainOther = plainPart(other)
    if (plainOne !== undefined && plainOther !== undefined && plainOne !== plainOther) return true
    if (partsDiffer(one, other, rest.join(''))) return true
  }
  // every part of the shorter lined up: the text has that many, the longer needs more
  return left.length !== right.length
}

/**
 * An ARN pattern's tokens cut at the first five colons, when every wildcard before the fifth is
 * barred from a colon (as the evaluator reads an ARN's fields, and as formats write them): each
 * text it matches then splits there the same way. Undefined otherwise.
 */
function arnFieldsOf(tokens: readonly GlobToken[]): GlobToken[][] | undefined {
  const fields: GlobToken[][] = [[]]
  for (const token of tokens) {
    const current = fields[fields.length - 1] as GlobToken[]
    if (fields.length < 6) {
      if (token.kind === 'literal' && token.character === ':' && token.folds !== true) {
        fields.push([])
        continue
      }
      if (token.kind !== 'literal' && !(token.except ?? '').includes(':')) return undefined
    }
    current.push(token)
  }
  return fields.length === 6 ? fields : undefined
}

/**
 * The texts two ARN patterns both match, as one pattern, when field by field one holds the
 * other's (`covers`): `arn:aws:apigateway:*::/restapis/*` and the format of authorizers meet in
 * `arn:aws:apigateway:${Region}::/restapis/${RestApiId}/authorizers/${AuthorizerId}`. Exact,
 * as the fields of both split each text at the same colons; undefined when a field's two sides
 * are not one within the other.
 */
export function meetByFields(
  a: readonly GlobToken[],
  b: readonly GlobToken[],
): GlobToken[] | undefined {
  const left = arnFieldsOf(a)
  const right = arnFieldsOf(b)
  if (left === undefined || right === undefined) return undefined
  const met: GlobToken[] = []
  for (const [index, one] of left.entries()) {
    const other = right[index] as GlobToken[]
    const piece = covers(one, other) ? other : covers(other, one) ? one : undefined
    if (piece === undefined) return undefined
    if (index > 0) met.push({ kind: 'literal', character: ':' })
    met.push(...piece)
  }
  return met
}

/**
 * Whether two patterns of ARNs can match no text together, seen from their fields and path
 * segments alone: `arn:aws:apigateway:*::/apis/*` and the format of
 * `arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}` part at `apis` against
 * `restapis`, fields and segments lining up as long as no wildcard before them can read a
 * colon or a slash. When it says so, it is so.
 */
export function partBySegments(a: readonly GlobToken[], b: readonly GlobToken[]): boolean {
  return partsDiffer(a, b, ':/')
}
