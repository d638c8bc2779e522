import { literalQuestionMark, literalStar, splitArn } from '../match/index.ts'
import type { ArnFormat, FormatCharacter } from './arn-format.ts'
import type { CatalogResourceType } from './create-catalog.ts'
import { replaceVariables } from './variable-spans.ts'

/**
 * What a policy pattern character stands for: a literal character, one character of any kind
 * (`?`) or any run of characters (`*`). Policy variables count as `*`, since they can become
 * anything.
 */
export type PatternToken = string | typeof anyOne | typeof anyRun
const anyOne = 1
const anyRun = 2

function patternTokens(pattern: string): PatternToken[] {
  const tokens: PatternToken[] = []
  // a run of wildcards stands for its `?` count of characters, or at least that many when it
  // holds a star: written `?`s first and one star after, whatever order and number of stars the
  // policy has, so that each star is one search step and `?` runs can be cut short
  let anyOnes = 0
  let starred = false
  const endRun = () => {
    for (; anyOnes > 0; anyOnes--) tokens.push(anyOne)
    if (starred) tokens.push(anyRun)
    starred = false
  }
  for (const character of replaceVariables(pattern, '*')) {
    if (character === '*') starred = true
    else if (character === '?') anyOnes++
    else {
      endRun()
      if (character === literalStar) tokens.push('*')
      else if (character === literalQuestionMark) tokens.push('?')
      else tokens.push(character)
    }
  }
  endRun()
  return tokens
}

/** What the quick rules of `fieldsOverlap` read off a pattern field, worked out once per field. */
export interface FieldFacts {
  /** No literal character: only `?` and `*`. */
  readonly wildcardsOnly: boolean
  /** The characters the field writes literally, each once. */
  readonly literals: string
  /** The `?` count: the fewest characters a text of the field has, with its literals. */
  readonly fewest: number
  readonly starred: boolean
}

function fieldFacts(tokens: readonly PatternToken[]): FieldFacts {
  let literals = ''
  let fewest = 0
  let starred = false
  for (const token of tokens) {
    if (token === anyRun) starred = true
    else {
      fewest++
      if (token !== anyOne && !literals.includes(token)) literals += token
    }
  }
  return { wildcardsOnly: literals.length === 0, literals, fewest, starred }
}

/** Whether a field's texts can take none of the characters a variable excludes. */
function avoidsExcluded(facts: FieldFacts, slot: FormatCharacter | undefined): boolean {
  if (typeof slot !== 'object') return false
  for (const excluded of slot.excludes) if (facts.literals.includes(excluded)) return false
  return true
}

/**
 * Decisions that need no search. Texts of the two must have a length in common, and for a field
 * of wildcards alone that is enough; a format field that is one variable takes any text of the
 * characters it allows. A field that ends with a star fits a format that starts with a variable its
 * literals can go into: the variable takes what comes before the star (or one character, when
 * nothing does) and the star the rest of any text of the format; the same from the other end.
 */
function quickOverlap(
  pattern: readonly PatternToken[],
  facts: FieldFacts,
  format: readonly FormatCharacter[],
): boolean | undefined {
  let fewest = 0
  let unbounded = false
  for (const slot of format) {
    if (typeof slot === 'string') fewest++
    else {
      unbounded = true
      if (slot.mayBeEmpty !== true) fewest++
    }
  }
  const most = unbounded ? Number.POSITIVE_INFINITY : fewest
  // the texts of both must have a length in common
  const lengthsMeet = facts.starred
    ? most >= facts.fewest
    : fewest <= facts.fewest && facts.fewest <= most
  if (facts.wildcardsOnly || !lengthsMeet) return lengthsMeet
  // a field of one variable, as an ARN's partition, Region and account: any text of allowed
  // characters, of one character or more unless it may be empty
  const [only] = format
  if (format.length === 1 && typeof only === 'object') {
    return (
      avoidsExcluded(facts, only) && (facts.fewest > 0 || facts.starred || only.mayBeEmpty === true)
    )
  }
  if (pattern.at(-1) === anyRun && avoidsExcluded(facts, format[0])) return true
  if (pattern[0] === anyRun && avoidsExcluded(facts, format.at(-1))) return true
  return undefined
}

/**
 * The work `fieldsOverlap` may do, in states swept, shared by the comparisons of one pattern with
 * many formats; past `limit` a comparison is left undecided.
 */
export interface OverlapWork {
  steps: number
  readonly limit: number
}

/**
 * What comparing a field costs before any search, in the steps of a state swept: measured, one
 * field's quick tests take about as long as ten states of a search.
 */
const fieldComparisonSteps = 10

/** The two rows of states `fieldsOverlap` works in, kept between calls and grown as needed. */
let rowStates = new Uint8Array(64)
let nextStates = new Uint8Array(64)

/**
 * Whether some text matches both a policy pattern and a format field: a search over pairs of
 * positions in the two, one pattern position after the other, holding only the format positions
 * reached at the current one and the next (time the two lengths multiplied at most, memory the
 * format's length, so that a pattern of thousands of stars allocates nothing that grows with it).
 * Each row is swept only between the first and the last state it reached: a pattern without
 * stars against a format reaches a few positions at a time, and is compared in time about the
 * pattern's length (an ARN against each of a service's formats, for every `Resource` value).
 * Fields that hold no wildcard and no variable are compared directly, and literal starts and
 * ends that disagree rule a pair out before any search.
 */
function fieldsOverlap(
  pattern: readonly PatternToken[],
  format: readonly FormatCharacter[],
  work?: OverlapWork,
  facts: FieldFacts = fieldFacts(pattern),
): boolean | undefined {
  if (work !== undefined) {
    work.steps += fieldComparisonSteps
    if (work.steps > work.limit) return undefined
  }
  if (!headsAgree(pattern, format) || !tailsAgree(pattern, format)) return false
  if (isLiteral(pattern) && isLiteral(format)) return sameLiterals(pattern, format)
  const quick = quickOverlap(pattern, facts, format)
  if (quick !== undefined) return quick
  const width = format.length + 1
  // A run of `?` leads from a set of states to those some path of exactly that many characters
  // reaches; the only cycles are a variable taking one more character, so past one step per state
  // the set no longer changes, and the rest of the run is skipped
  const saturated = 2 * width + 2
  if (rowStates.length < width * 2) {
    rowStates = new Uint8Array(width * 4)
    nextStates = new Uint8Array(width * 4)
  }
  // the states of one pattern position i: 2j for format position j, 2j + 1 for the same inside
  // a variable at j that has taken a character; a star or a variable taking more characters
  // stays at i (later states of the same row), every other step goes to i + 1. Both rows are
  // clear outside [low, high], and are left clear.
  let row = rowStates
  let next = nextStates
  let low = 0
  let high = 0
  row[0] = 1
  let found = false
  let anyOnesRead = 0
  for (let i = 0; i <= pattern.length && !found; i++) {
    if (pattern[i] === anyOne && anyOnesRead >= saturated) {
      while (pattern[i] === anyOne) i++
    }
    const token = pattern[i]
    anyOnesRead = token === anyOne ? anyOnesRead + 1 : 0
    if (work !== undefined) {
      work.steps += high - low + 1
      if (work.steps > work.limit) {
        row.fill(0, low, high + 1)
        return undefined
      }
    }
    let nextLow = Number.POSITIVE_INFINITY
    let nextHigh = -1
    for (let state = low; state <= high; state++) {
      if (row[state] === 0) continue
      const j = state >> 1
      const inside = state & 1
      if (i === pattern.length && j === format.length && inside === 0) {
        found = true
        break
      }
      const slot = format[j]
      if (token === anyRun) {
        next[state] = 1
        if (state < nextLow) nextLow = state
        if (state > nextHigh) nextHigh = state
      }
      if (inside === 1 || (typeof slot === 'object' && slot.mayBeEmpty === true)) {
        row[2 * (j + 1)] = 1
        if (2 * (j + 1) > high) high = 2 * (j + 1)
      }
      if (token === undefined || slot === undefined) continue
      let target = -1
      if (typeof slot === 'string') {
        if (typeof token !== 'string' || token === slot) target = 2 * (j + 1)
      } else if (typeof token !== 'string' || !slot.excludes.includes(token)) {
        target = 2 * j + 1
      }
      if (target < 0) continue
      if (token === anyRun) {
        row[target] = 1
        if (target > high) high = target
      } else {
        next[target] = 1
        if (target < nextLow) nextLow = target
        if (target > nextHigh) nextHigh = target
      }
    }
    row.fill(0, low, high + 1)
    if (found || nextHigh < 0) {
      next.fill(0, nextLow, nextHigh + 1)
      break
    }
    ;[row, next] = [next, row]
    low = nextLow
    high = nextHigh
  }
  return found
}

function isLiteral(characters: readonly (PatternToken | FormatCharacter)[]): boolean {
  for (const character of characters) if (typeof character !== 'string') return false
  return true
}

function sameLiterals(
  pattern: readonly PatternToken[],
  format: readonly FormatCharacter[],
): boolean {
  if (pattern.length !== format.length) return false
  for (let index = 0; index < pattern.length; index++) {
    if (pattern[index] !== format[index]) return false
  }
  return true
}

/** The same test from the ends: literal ends of both must agree. */
function tailsAgree(pattern: readonly PatternToken[], format: readonly FormatCharacter[]): boolean {
  const length = Math.min(pattern.length, format.length)
  for (let offset = 1; offset <= length; offset++) {
    const token = pattern[pattern.length - offset]
    const slot = format[format.length - offset]
    if (typeof token !== 'string' || typeof slot !== 'string') return true
    if (token !== slot) return false
  }
  return true
}

/** A quick test that rules most pairs out: the literal starts of both must agree. */
function headsAgree(pattern: readonly PatternToken[], format: readonly FormatCharacter[]): boolean {
  const length = Math.min(pattern.length, format.length)
  for (let index = 0; index < length; index++) {
    const token = pattern[index]
    const slot = format[index]
    if (typeof token !== 'string' || typeof slot !== 'string') return true
    if (token !== slot) return false
  }
  return true
}

/** A policy `Resource` pattern read for comparing with ARN formats. */
export interface OverlapPattern {
  readonly anything: boolean
  /**
   * The pattern's ARN fields as tokens: all five, or, for an ARN pattern cut short by a star
   * (`arn:aws:s3:*`), those it has, the last of which stands for the rest of the ARN.
   */
  readonly fields?: readonly PatternToken[][]
  /** What the quick rules read off each field, in the same order. */
  readonly facts?: readonly FieldFacts[]
}

function withFacts(fields: PatternToken[][]): OverlapPattern {
  return { anything: false, fields, facts: fields.map(fieldFacts) }
}

export function readOverlapPattern(pattern: string): OverlapPattern {
  if (/^\*+$/.test(pattern)) return { anything: true }
  const parts = splitArn(pattern)
  if (parts !== undefined) {
    const { partition, service, region, account, resource } = parts
    return withFacts([partition, service, region, account, resource].map(patternTokens))
  }
  return pattern.startsWith('arn:') && pattern.endsWith('*')
    ? withFacts(pattern.slice(4).split(':').map(patternTokens))
    : { anything: false }
}

const restsOfFormat = new WeakMap<ArnFormat, (readonly FormatCharacter[])[]>()

/**
 * The format's characters from field `index` to the end, colons between, as one field: made
 * once per format and field, since one pattern is compared with every format of the catalog.
 */
function formatRest(format: ArnFormat, index: number): readonly FormatCharacter[] {
  if (index === format.characters.length - 1) return format.characters[index] ?? []
  let rests = restsOfFormat.get(format)
  if (rests === undefined) {
    rests = []
    restsOfFormat.set(format, rests)
  }
  const known = rests[index]
  if (known !== undefined) return known
  const rest: FormatCharacter[] = []
  for (const [offset, characters] of format.characters.slice(index).entries()) {
    if (offset > 0) rest.push(':')
    rest.push(...characters)
  }
  rests[index] = rest
  return rest
}

/**
 * Whether some ARN of the format matches the policy pattern, field by field as IAM matches: the
 * fields before a short pattern's last one face single fields, so a star there stays inside its
 * field (`arn:aws:*3:*` names S3, not EC2), as `matchesResource` reads such patterns. With
 * `work`, undefined (not decided) once the comparisons sharing it pass its limit.
 */
export function overlapsFormat(
  pattern: OverlapPattern,
  format: ArnFormat,
  work?: OverlapWork,
): boolean | undefined {
  if (pattern.anything) return true
  const fields = pattern.fields
  if (fields === undefined) return false
  const last = fields.length - 1
  // the last field first: it tells a service's formats apart, where the partition, Region and
  // account fields of an ARN fit every format's variables
  const facts = pattern.facts
  let decided = fieldsOverlap(fields[last] ?? [], formatRest(format, last), work, facts?.[last])
  if (decided === false) return false
  for (let index = 0; index < last; index++) {
    const field = fieldsOverlap(
      fields[index] ?? [],
      format.characters[index] ?? [],
      work,
      facts?.[index],
    )
    if (field === false) return false
    if (field === undefined) decided = undefined
  }
  return decided
}

/** The pattern's service field, when it has one of its own (not the rest of a short pattern). */
export function serviceFieldOf(pattern: OverlapPattern): readonly PatternToken[] | undefined {
  const fields = pattern.fields
  return fields !== undefined && fields.length > 2 ? fields[1] : undefined
}

/**
 * Whether a pattern names every resource of a service (`arn:aws:s3:::*`, `arn:aws:connect:*`):
 * whatever holds the resource part is wildcards only, and the service field matches the service
 * or is itself taken by the star of a short pattern (`arn:*`). Documentation and AWS managed
 * policies grant actions that take no resource, such as `s3:ListAllMyBuckets`, that way. With no
 * service, whether the pattern names every resource of some service: its resource part alone.
 */
export function namesWholeService(pattern: OverlapPattern, service: string | undefined): boolean {
  const resourceField = pattern.fields?.at(-1)
  const resourceFacts = pattern.facts?.at(-1)
  if (resourceField === undefined || resourceFacts === undefined) return false
  if (resourceField.length === 0 || !resourceFacts.wildcardsOnly) return false
  const serviceField = serviceFieldOf(pattern)
  return (
    serviceField === undefined ||
    service === undefined ||
    fieldsOverlap(serviceField, [...service], undefined, pattern.facts?.[1]) === true
  )
}

/** Whether some ARN of a resource type matches a policy `Resource` value. */
export function overlapsResourceType(resource: string, type: CatalogResourceType): boolean {
  const pattern = readOverlapPattern(resource)
  return type.arnFormats.some((format) => overlapsFormat(pattern, format) === true)
}
